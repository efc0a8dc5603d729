package dev.ember.examples.programs;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.min;
import static dev.ember.sql.functions.sum;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;

/**
 * ANSI interval literals and arithmetic: show() text, schemas, Row values, TIMESTAMP literals per session
 * zone; intervals as keys and in aggregates.
 */
public final class Intervals {
  private Intervals() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> literals = spark.range(1).selectExpr("INTERVAL '3 04:05:06.789' DAY TO SECOND AS dts",
        "INTERVAL 1 YEAR 2 MONTHS AS ym", "INTERVAL '30' HOUR AS hours", "INTERVAL '-0-1' YEAR TO MONTH AS neg",
        "INTERVAL '10.5' SECOND", "INTERVAL 1 DAY 2 HOURS");
    literals.show(false);
    literals.show();
    literals.printSchema();
    System.out.println(literals.collectAsList());

    Dataset<Row> moved = spark.range(4).selectExpr("id", "date_add(DATE '2024-01-31', CAST(id AS INT) * 40) AS d")
        .selectExpr("id", "d + INTERVAL '1' MONTH", "d - INTERVAL '2' DAY", "d + INTERVAL '36' HOUR",
            "TIMESTAMP '2024-03-10 01:00:00' + INTERVAL '1' DAY * id", "INTERVAL '1-1' YEAR TO MONTH * id / 3",
            "-(INTERVAL '1' MINUTE * id) AS back");
    moved.show(false);
    moved.printSchema();
    moved.filter("INTERVAL '1' HOUR * id > INTERVAL '90' MINUTE").select(col("id")).show();

    String zone = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
    try {
      spark.range(1).selectExpr("TIMESTAMP '2024-03-10 01:00:00' + INTERVAL '24' HOUR AS later",
          "TIMESTAMP '2024-03-10 01:00:00' + INTERVAL '3' HOUR", "DATE '2024-03-10' + INTERVAL '3' HOUR")
          .show(false);
    } finally {
      spark.conf().set("spark.sql.session.timeZone", zone);
    }
    spark.range(2).select(lit(java.time.Duration.ofMinutes(90)).as("d"), lit(java.time.Period.ofMonths(14)).as("p"))
        .show();
    aggregates(spark);
  }

  /** Intervals as grouping, sort and join keys, and their sums, averages and extremes. */
  private static void aggregates(SparkSession spark) {
    Dataset<Row> values = spark.range(7).selectExpr("id",
        "CAST(id % 3 AS INTERVAL DAY) + INTERVAL '1' SECOND * id AS d", "CAST(id % 2 AS INTERVAL MONTH) AS y",
        "CAST(id AS INTERVAL MONTH) - INTERVAL '5' MONTH AS m", "CAST(CAST(id AS STRING) AS INTERVAL HOUR) AS h");
    values.groupBy("y").agg(sum("d"), avg("d"), min("d"), max("d"), count("d"), sum("m"), avg("m"), max("h"))
        .orderBy("y").show(false);
    values.agg(sum("y"), avg(col("m")), avg("d"), sum("h")).show(false);
    values.groupBy("h").count().orderBy(col("h").desc()).show(false);
    values.join(values.selectExpr("y AS k").distinct(), col("y").equalTo(col("k"))).groupBy("k").count()
        .orderBy("k").show();
    values.orderBy(col("d").desc()).select("d", "m").show(false);
    values.selectExpr("CAST(d AS STRING) AS text", "CAST(m AS INT) AS months", "CAST(h AS DECIMAL(4, 1)) AS hours",
        "DATE '2024-03-10' - DATE '2024-01-01' AS days").show(false);
  }
}
