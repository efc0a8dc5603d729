package dev.ember.examples.programs;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;

/** CSV reader options: schemas, separators, quotes, nulls, comments, parse modes, many files. */
public final class ReaderOptions {
  private ReaderOptions() {}

  public static void run(SparkSession spark, String dataDir) {
    spark.read().csv(dataDir + "/users_no_header.csv").show();
    spark.read().option("inferSchema", "true").csv(dataDir + "/users_no_header.csv").printSchema();

    Dataset<Row> withDdl = spark.read().option("header", "true").schema("name STRING, age INT, city STRING")
        .csv(dataDir + "/users.csv");
    withDdl.printSchema();
    withDdl.filter("age < 30").show();

    StructType schema = new StructType()
        .add("name", DataTypes.StringType)
        .add("age", DataTypes.LongType)
        .add("city", DataTypes.StringType, false);
    spark.read().option("header", "true").schema(schema).csv(dataDir + "/users.csv").printSchema();

    spark.read().option("header", "true").option("sep", ";").option("nullValue", "NA").option("comment", "#")
        .option("inferSchema", "true").csv(dataDir + "/semicolons.csv").show();
    spark.read().option("header", "true").option("quote", "'").option("escape", "\\")
        .csv(dataDir + "/quotes.csv").show(false);

    String malformed = dataDir + "/malformed.csv";
    spark.read().schema("a INT, b STRING, c DOUBLE").csv(malformed).show();
    spark.read().schema("a INT, b STRING, c DOUBLE").option("mode", "DROPMALFORMED").csv(malformed).show();
    spark.read().schema("a INT, b STRING, c DOUBLE").option("mode", "permissive").csv(malformed).count();

    Dataset<Row> parts = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/parts");
    parts.orderBy("id").show();
    System.out.println(parts.count());
    spark.read().option("header", "true").csv(dataDir + "/parts/part-1.csv", dataDir + "/users.csv").printSchema();
  }
}
