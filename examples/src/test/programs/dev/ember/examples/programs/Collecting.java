package dev.ember.examples.programs;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import java.util.Arrays;

/** Actions that return rows to the program. */
public final class Collecting {
  private Collecting() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> users = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/users.csv");
    System.out.println(users.collectAsList());
    System.out.println(users.first());
    System.out.println(users.head());
    System.out.println(Arrays.toString((Row[]) users.take(3)));
    System.out.println(Arrays.toString((Row[]) users.head(2)));
    System.out.println(users.takeAsList(2));
    Row row = users.orderBy("age").first();
    System.out.println(row.getString(0) + " " + row.getInt(1) + " " + row.getAs("city"));
    System.out.println(users.filter("age > 100").collectAsList());
    System.out.println(users.count() + " " + users.filter("age > 30").count());
    System.out.println(users.isEmpty() + " " + users.filter("age > 100").isEmpty());
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv");
    for (Row person : people.collectAsList()) {
      System.out.println(person + " nulls=" + person.anyNull() + " size=" + person.size());
    }
  }
}
