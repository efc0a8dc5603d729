package dev.ember.examples.programs;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import java.util.Arrays;
import scala.Tuple2;

/** Schema inference on every kind of CSV value, and how the schema is reported. */
public final class InferredTypes {
  private InferredTypes() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv");
    people.printSchema();
    System.out.println(Arrays.toString(people.columns()));
    for (Tuple2<String, String> type : people.dtypes()) {
      System.out.println(type._1() + " -> " + type._2());
    }
    System.out.println(people.schema().simpleString());
    Dataset<Row> strings = spark.read().option("header", "true").csv(dataDir + "/people.csv");
    strings.printSchema();
    strings.show(3);
    Dataset<Row> numbers = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/numbers.csv");
    numbers.printSchema();
    numbers.show();
  }
}
