package dev.ember.examples.programs;

import static dev.ember.sql.functions.call_function;
import static dev.ember.sql.functions.call_udf;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.udf;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import dev.ember.sql.api.java.UDF0;
import dev.ember.sql.api.java.UDF1;
import dev.ember.sql.api.java.UDF2;
import dev.ember.sql.api.java.UDF3;
import dev.ember.sql.expressions.UserDefinedFunction;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;

/**
 * Java UDFs: anonymous and registered, called from columns, by name and from expression text; nulls
 * as the function sees them; names, types and nullability of their columns; a failing function.
 */
public final class Udfs {
  private Udfs() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv");
    UserDefinedFunction nextAge = udf((UDF1<Integer, Integer>) age -> age == null ? -1 : age + 1,
        DataTypes.IntegerType);
    Dataset<Row> ages = people.select(col("name"), nextAge.apply(col("age")), nextAge.apply(col("age")).as("next"),
        nextAge.withName("next_age").apply(col("age")), nextAge.asNonNullable().apply(col("id")));
    ages.printSchema();
    ages.show();

    spark.udf().register("initial", (UDF1<String, String>) name -> name == null ? "?" : name.substring(0, 1),
        DataTypes.StringType);
    spark.udf().register("describePerson", (UDF3<String, Double, Boolean, String>) (name, score, active) ->
        name + " scored " + score + (Boolean.TRUE.equals(active) ? " (active)" : ""), DataTypes.StringType);
    spark.udf().register("answer", (UDF0<Long>) () -> 42L, DataTypes.LongType);
    spark.udf().register("scaled", (UDF2<Double, Integer, Double>) (score, by) -> score == null ? null : score * by,
        DataTypes.DoubleType);
    Dataset<Row> described = people.selectExpr("id", "initial(name)", "describePerson(name, score, active)",
        "answer()", "scaled(score, 2) AS doubled");
    described.printSchema();
    described.show(false);
    people.select(call_udf("initial", col("city")), call_function("scaled", col("score"), lit(10)),
        call_function("INITIAL", col("note"))).show();
    people.filter("scaled(score, 1) > 80").select("id", "name").show();
    people.where(nextAge.apply(col("age")).gt(40)).select("name").show();
    people.groupBy(call_udf("initial", col("city")).as("c")).agg(count(lit(1))).orderBy("c").show();

    Dataset<Row> stats = spark.read().option("header", "true")
        .schema("k INT, x DOUBLE, y DOUBLE, d DECIMAL(10,2), s STRING, b BOOLEAN")
        .csv(dataDir + "/stats.csv");
    UserDefinedFunction half = udf((UDF1<Double, Double>) x -> x == null ? null : x / 2, DataTypes.DoubleType);
    UserDefinedFunction cents = udf((UDF1<BigDecimal, Long>) d -> d == null ? null : d.movePointRight(2).longValue(),
        DataTypes.LongType);
    UserDefinedFunction both = udf((UDF2<Integer, String, String>) (k, s) -> k + "/" + s, DataTypes.StringType)
        .asNondeterministic();
    stats.select(col("k"), half.apply(col("x")), cents.apply(col("d")), both.apply(col("k"), col("s"))).show();

    spark.udf().register("failing", (UDF1<Integer, Integer>) k -> {
      if (k > 3) {
        throw new IllegalStateException("k too big: " + k);
      }
      return k;
    }, DataTypes.IntegerType);
    try {
      stats.selectExpr("failing(k)").collectAsList();
    } catch (Exception e) {
      String message = e.getMessage();
      // Spark names its own wrapper class in the function name, so the name is left out.
      System.out.println(e.getClass().getSimpleName() + ": " + message.substring(0, message.indexOf("(`"))
          + message.substring(message.indexOf("`: ")));
    }
    try {
      people.selectExpr("initial(name, city)");
    } catch (Exception e) {
      // Up to the SQLSTATE: Ember does not add the query context yet.
      String message = e.getMessage();
      System.out.println(e.getClass().getSimpleName() + ": "
          + message.substring(0, message.indexOf("SQLSTATE: ") + "SQLSTATE: 42605".length()));
    }
  }
}
