package dev.ember.examples.programs;

import static dev.ember.sql.functions.asc;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.desc;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.sum;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;

/**
 * Sort directions, null placement, several keys, top-N; the order of every type (NaN above all
 * doubles, -0.0 equal to 0.0, strings by UTF-8 bytes, decimals, dates, timestamps, booleans); sorts
 * the optimizer removes (a sort under a sort or under an aggregate) giving the same rows.
 */
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

    Dataset<Row> stats = spark.read().option("header", "true")
        .schema("k INT, x DOUBLE, y DOUBLE, d DECIMAL(10,2), s STRING, b BOOLEAN").csv(dataDir + "/stats.csv");
    // NaN sorts above every double and -0.0 ties with 0.0 (y breaks the tie).
    stats.select("x", "y").orderBy(col("x"), col("y")).show();
    stats.select("x", "y").orderBy(col("x").desc_nulls_last(), col("y").desc()).show();
    stats.select("d", "k", "y").orderBy(col("d").desc(), col("k"), col("y").asc_nulls_first()).show();
    stats.select("b", "s", "y").orderBy(col("b").asc_nulls_last(), col("s").desc_nulls_first(), col("y")).show();
    stats.select("k", "x").orderBy(col("x").desc()).limit(3).show();
    // Strings by UTF-8 bytes: upper case before lower case, accented and CJK letters last.
    people.select("id", "note").orderBy(col("note"), col("id")).show(false);
    people.select("id", "note").orderBy(col("note").desc_nulls_first()).show(false);
    people.select("name", "active", "joined").orderBy(col("active").desc(), col("joined").desc_nulls_last()).show();
    people.select("name", "last_login").orderBy(col("last_login").asc_nulls_last(), col("name")).show(false);
    // A sort under a sort, and a sort under an aggregate, change nothing in the result.
    people.select("name", "age", "city").orderBy("name").orderBy(col("age").desc_nulls_first(), col("name")).show();
    stats.orderBy(col("y").desc()).groupBy("k").agg(max("x"), count("y"), sum("d")).orderBy("k").show();
  }
}
