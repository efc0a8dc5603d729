package dev.ember.examples.programs;

import static dev.ember.sql.functions.array;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.collect_list;
import static dev.ember.sql.functions.collect_set;
import static dev.ember.sql.functions.explode;
import static dev.ember.sql.functions.explode_outer;
import static dev.ember.sql.functions.posexplode;
import static dev.ember.sql.functions.size;
import static dev.ember.sql.functions.sort_array;
import static dev.ember.sql.functions.split;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;

/** Generators (explode and its forms) and the collecting aggregates, grouped and global. */
public final class Collections {
  private Collections() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv").select("id", "name", "age", "city", "note");
    Dataset<Row> words = people.select(col("id"), split(col("note"), " ").as("words"));
    words.show(false);
    words.printSchema();
    words.select(col("id"), explode(col("words"))).show(false);
    words.select(col("id"), explode(col("words")).as("word")).orderBy("word", "id").show(false);
    words.select(posexplode(col("words")), col("id")).show(false);
    people.select(col("id"), explode_outer(split(col("city"), " "))).show(false);
    people.selectExpr("id", "explode(map('age', age, 'id', id))").show(false);
    people.selectExpr("posexplode_outer(if(age > 40, array(age, id), NULL))", "name").printSchema();
    people.selectExpr("posexplode_outer(if(age > 40, array(age, id), NULL))", "name").show(false);

    Dataset<Row> grouped = people.groupBy("city")
        .agg(collect_list("name"), sort_array(collect_set("age")), size(collect_list(col("age"))))
        .orderBy("city");
    grouped.printSchema();
    grouped.show(false);
    people.agg(sort_array(collect_set(col("city"))), collect_list(array(col("id")).getItem(0))).show(false);
    people.filter("id > 100").agg(collect_list("name"), collect_set("age")).show();
    words.select(col("id"), explode(col("words")).as("word"))
        .groupBy("word").agg(sort_array(collect_list("id")).as("ids"))
        .orderBy(col("word")).show(false);
  }
}
