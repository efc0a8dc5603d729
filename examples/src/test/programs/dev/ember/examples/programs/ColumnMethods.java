package dev.ember.examples.programs;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;

import dev.ember.sql.Column;
import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Dataset methods that add, replace, rename and drop columns, and selectExpr. */
public final class ColumnMethods {
  private ColumnMethods() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv").select("id", "name", "age", "score", "city");
    people.withColumn("next_age", col("age").plus(1)).show();
    people.withColumn("age", col("age").multiply(2)).show(3);
    people.withColumn("AGE", col("age").minus(1)).show(3);
    people.withColumn("x", col("age").as("ignored")).withColumn("a.b", lit(1)).show(2);
    Map<String, Column> added = new LinkedHashMap<>();
    added.put("z", lit("zed"));
    added.put("score", col("score").divide(10));
    added.put("a", col("id").plus(col("age")));
    people.withColumns(added).show(3);
    people.withColumns(new LinkedHashMap<>()).printSchema();

    people.withColumnRenamed("age", "years").show(2);
    people.withColumnRenamed("CITY", "town").printSchema();
    people.withColumnRenamed("missing", "whatever").show(2);
    people.withColumnRenamed("age", "name").printSchema();
    people.select(col("age"), col("age"), col("id")).withColumnRenamed("age", "y").show(2);
    Map<String, String> renames = new LinkedHashMap<>();
    renames.put("age", "x");
    renames.put("x", "y");
    renames.put("missing", "nothing");
    renames.put("NAME", "who");
    people.withColumnsRenamed(renames).show(2);
    Map<String, String> swap = new LinkedHashMap<>();
    swap.put("age", "name");
    swap.put("name", "age");
    people.withColumnsRenamed(swap).printSchema();

    people.drop("age", "missing", "CITY").show(2);
    people.drop().printSchema();
    System.out.println(Arrays.toString(people.drop("id", "name", "age", "score", "city").columns()));
    people.drop(col("age")).show(2);
    people.drop(col("missing")).printSchema();
    people.drop(col("age").plus(1)).printSchema();
    people.drop(col("AGE"), col("name"), col("missing")).show(2);
    people.drop(people.col("score")).printSchema();
    people.select(col("age"), col("age"), col("id")).drop("age").show(2);

    people.selectExpr("id", "age + 1", "name as who", "score * 2 AS s2", "age IS NULL AS unknown", "CAST(age AS STRING) AS text").show();
    people.selectExpr("*").printSchema();
    System.out.println(Arrays.toString(people.selectExpr().columns()));

    people.toDF("a", "b", "c", "d", "e").show(2);
    people.toDF("a", "a", "c", "d", "e").printSchema();
    people.withColumn("age2", col("age").multiply(col("age"))).drop("age").withColumnRenamed("age2", "age")
        .filter("age > 1000").selectExpr("name", "age").show();

    Dataset<Row> everything = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv");
    everything.describe().show();
    everything.describe("AGE", "name", "active", "joined").show();
    everything.describe().printSchema();
    everything.filter("id > 100").describe("name", "score").show();
    everything.describe("active").show();
    everything.selectExpr("CAST(id AS BIGINT) AS l", "CAST(score AS FLOAT) AS f", "CAST(age AS SMALLINT) AS s",
        "CAST(id AS TINYINT) AS b").describe().show(false);
    everything.selectExpr("CAST(score AS DECIMAL(10,3)) AS dec").describe().show(false);
  }
}
