package dev.ember.examples.programs;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.expr;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.percentile_approx;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * na().drop/fill/replace, summary() and percentile_approx over columns with nulls and NaN. (Spark's
 * percentile_approx of a group of two values, one NaN, is NaN at every percentage; Ember sorts NaN
 * last, as Spark does for larger groups, so such a group is left out.)
 */
public final class MissingValues {
  private MissingValues() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> stats = spark.read().option("header", "true")
        .schema("k INT, x DOUBLE, y DOUBLE, d DECIMAL(10,2), s STRING, b BOOLEAN")
        .csv(dataDir + "/stats.csv");
    stats.na().drop().show();
    stats.na().drop("all").show();
    stats.na().drop("any", new String[] {"x", "s"}).show();
    stats.na().drop(new String[] {"x"}).show();
    stats.na().drop(5).show();
    stats.na().drop(2, new String[] {"x", "y", "b"}).show();

    stats.na().fill(0).show();
    stats.na().fill(0).printSchema();
    stats.na().fill(1.5).show();
    stats.na().fill("none").show();
    stats.na().fill(true).show();
    stats.na().fill(9, new String[] {"x", "s", "d"}).show();
    stats.na().fill("?", new String[] {"s", "x"}).show();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("x", 2.5);
    values.put("s", "missing");
    values.put("d", 7);
    values.put("b", false);
    stats.na().fill(values).show();

    Map<Double, Double> numbers = new LinkedHashMap<>();
    numbers.put(1.5, 100.0);
    numbers.put(3.0, null);
    stats.na().replace("x", numbers).show();
    stats.na().replace("*", numbers).show();
    Map<String, String> letters = new LinkedHashMap<>();
    letters.put("c", "C");
    letters.put("y", "why");
    stats.na().replace(new String[] {"s", "x"}, letters).show();

    stats.summary().show();
    stats.summary().printSchema();
    stats.summary("count", "min", "10%", "90%", "max", "count_distinct", "approx_count_distinct").show();
    stats.select("k", "s").summary("mean", "50%").show();

    stats.groupBy("k").agg(percentile_approx(col("y"), lit(0.5), lit(10000)), expr("percentile_approx(y, 0.25)"),
        expr("approx_percentile(k, 0.9, 100)")).orderBy("k").show();
    stats.agg(percentile_approx(col("k"), lit(0.3), lit(10000)), expr("percentile_approx(x, 1.0)"),
        expr("percentile_approx(y, 0)")).show();
    Dataset<Row> range = spark.range(0, 2000, 1, 4).select(col("id").mod(7).as("k"), col("id"));
    range.groupBy("k").agg(percentile_approx(col("id"), lit(0.5), lit(10000)), expr("percentile_approx(id, 0.01)"))
        .orderBy("k").show();
  }
}
