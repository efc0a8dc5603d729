package dev.ember.examples.programs;

import static dev.ember.sql.functions.asc;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.desc;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;

/** Sort directions, null placement, several keys, top-N. */
public final class Sorting {
  private Sorting() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv");
    people.select("name", "age").orderBy("age").show();
    people.select("name", "age").orderBy(col("age").desc()).show();
    people.select("name", "age").orderBy(col("age").asc_nulls_last()).show();
    people.select("name", "age").orderBy(col("age").desc_nulls_first()).show();
    people.select("city", "name", "score").orderBy(asc("city"), desc("score")).show();
    people.select("name", "score").sort(col("score").desc()).limit(3).show();
    people.select("name", "joined").orderBy("joined", "name").show();
    people.select("name", "last_login").orderBy(col("last_login").desc()).show(false);
    people.select("name").orderBy(col("name").desc_nulls_last()).show();
  }
}
