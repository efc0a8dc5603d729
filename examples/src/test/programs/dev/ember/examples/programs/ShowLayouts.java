package dev.ember.examples.programs;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;

/** Every {@code show} overload over rows with nulls, long strings and several types. */
public final class ShowLayouts {
  private ShowLayouts() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv");
    people.show();
    people.show(3);
    people.show(false);
    people.show(2, false);
    people.show(4, 5);
    people.show(3, 2);
    people.show(2, 0, true);
    people.show(2, 10, true);
    people.show(100);
    people.show(0);
    people.filter("id > 1000").show();
  }
}
