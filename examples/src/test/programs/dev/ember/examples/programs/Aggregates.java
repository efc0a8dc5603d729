package dev.ember.examples.programs;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.mean;
import static dev.ember.sql.functions.min;
import static dev.ember.sql.functions.sum;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;

/** Grouped and global aggregates over every input type, with nulls and empty inputs. */
public final class Aggregates {
  private Aggregates() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv");
    people.groupBy("city").agg(count("*"), count("age"), sum("age"), avg("score"), min("name"), max("joined"))
        .orderBy("city").show();
    people.groupBy("active", "city").count().orderBy("active", "city").show();
    people.agg(max("age"), min("score"), sum("score"), mean("age"), count("city")).show();
    people.filter("id > 1000").agg(count("*"), sum("age"), avg("age"), max("name")).show();
    people.filter("id > 1000").groupBy("city").count().show();
    people.groupBy("city").sum("age", "score").orderBy("city").show();
    people.groupBy("city").max().orderBy("city").show();
    people.groupBy(col("city")).avg("age").orderBy(col("city").desc()).show();
    people.groupBy("city").agg(min("last_login"), max("last_login"), max("active")).orderBy("city").show(false);
    people.groupBy(col("age").gt(30)).count().orderBy(col("(age > 30)")).show();
    System.out.println(people.groupBy("city").count().count());
  }
}
