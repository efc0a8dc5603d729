package dev.ember.examples.programs;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.expr;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.not;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;

/** Column operators and SQL condition strings, with nulls and mixed types. */
public final class Expressions {
  private Expressions() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv");
    people.filter("age > 26 AND city = 'New York'").select("name").show();
    people.filter("score >= 80.0 OR active").select("name", "score", "active").show();
    people.filter("age IS NULL").select("name").show();
    people.filter("NOT active").select("name").show();
    people.where("city <> 'Chicago'").select("name", "city").show();
    people.filter(col("city").isNull().or(col("age").lt(25))).select("name").show();
    people.filter(not(col("active"))).select("name").show();
    people.filter(col("name").eqNullSafe(lit(null))).select("id").show();
    people.select(col("id"), col("age").plus(1), col("age").minus(col("id")), col("age").multiply(2),
        col("score").divide(2), col("age").divide(col("id")), col("age").mod(7), col("score").unary_$minus()).show();
    people.select(col("age").gt(30), col("age").leq(col("score")), col("name").notEqual("Bob"),
        col("active").and(col("age").gt(30)), col("active").or(col("age").gt(30))).show();
    people.select(expr("age * 2 + 1"), expr("(score - 50) / 10"), col("age").isNotNull()).show();
    people.select(col("id").alias("ident"), col("name").as("who"), col("age").name("years")).show(2);
    System.out.println(people.select(col("age").plus(1)).columns()[0]);
  }
}
