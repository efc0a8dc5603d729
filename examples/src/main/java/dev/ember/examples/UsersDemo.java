package dev.ember.examples;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.sum;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;

/**
 * The program from Ember's first issue: written against Spark's API with {@code dev.ember} imports,
 * it prints exactly what Spark 4.2 prints. Run from the repository root (it reads
 * {@code examples/data/users.csv}), or pass another CSV path as the first argument.
 */
public final class UsersDemo {
  private UsersDemo() {}

  public static void main(String[] args) {
    String path = args.length > 0 ? args[0] : "examples/data/users.csv";
    SparkSession spark = SparkSession.builder().appName("demo").master("local[*]").getOrCreate();
    run(spark, path);
    spark.stop();
  }

  /** The demo's queries; the differential test runs this same code on Spark. */
  public static void run(SparkSession spark, String path) {
    Dataset<Row> users = spark.read().option("header", "true").option("inferSchema", "true").csv(path);
    users.printSchema();
    users.show();
    users.filter("age > 26").groupBy("city").count().orderBy("city").show();
    users.filter(col("age").gt(26)).groupBy("city").agg(avg("age"), max("age"), sum("age")).orderBy("city").show();
    users.select("name", "age").where(col("city").equalTo("New York")).orderBy(col("age").desc()).limit(2).show();
    System.out.println(users.count());
  }
}
