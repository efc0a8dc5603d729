package dev.ember.examples.programs;

import static dev.ember.sql.functions.any;
import static dev.ember.sql.functions.any_value;
import static dev.ember.sql.functions.approx_count_distinct;
import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.bool_and;
import static dev.ember.sql.functions.bool_or;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.corr;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.countDistinct;
import static dev.ember.sql.functions.count_distinct;
import static dev.ember.sql.functions.count_if;
import static dev.ember.sql.functions.covar_pop;
import static dev.ember.sql.functions.covar_samp;
import static dev.ember.sql.functions.every;
import static dev.ember.sql.functions.expr;
import static dev.ember.sql.functions.first;
import static dev.ember.sql.functions.kurtosis;
import static dev.ember.sql.functions.last;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.max_by;
import static dev.ember.sql.functions.median;
import static dev.ember.sql.functions.min_by;
import static dev.ember.sql.functions.mode;
import static dev.ember.sql.functions.percentile;
import static dev.ember.sql.functions.skewness;
import static dev.ember.sql.functions.some;
import static dev.ember.sql.functions.std;
import static dev.ember.sql.functions.stddev;
import static dev.ember.sql.functions.stddev_pop;
import static dev.ember.sql.functions.stddev_samp;
import static dev.ember.sql.functions.sumDistinct;
import static dev.ember.sql.functions.sum_distinct;
import static dev.ember.sql.functions.var_pop;
import static dev.ember.sql.functions.var_samp;
import static dev.ember.sql.functions.variance;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statistical, order-dependent, DISTINCT and sketch aggregates over groups with nulls, all-null
 * groups, NaN, -0.0 and decimals; then over no rows, and over a range read by several workers.
 */
public final class AggregateFunctions {
  private AggregateFunctions() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> stats = spark.read().option("header", "true")
        .schema("k INT, x DOUBLE, y DOUBLE, d DECIMAL(10,2), s STRING, b BOOLEAN")
        .csv(dataDir + "/stats.csv");
    stats.groupBy("k").agg(stddev("x"), std(col("x")), stddev_samp("x"), stddev_pop("x"), variance("x"),
        var_samp("x"), var_pop("x")).orderBy("k").show(false);
    stats.groupBy("k").agg(skewness("x"), kurtosis("x"), covar_pop("x", "y"), covar_samp("x", "y"),
        stddev("d"), var_pop(col("k"))).orderBy("k").show(false);
    stats.groupBy("k").agg(corr(col("x"), col("y"))).orderBy("k").show(false);
    stats.groupBy("k").agg(first("x"), first("s", true), last(col("s")), last("x", true), any_value(col("d")),
        max_by(col("s"), col("x")), min_by(col("s"), col("x")), max_by(col("x"), col("d"))).orderBy("k").show(false);
    stats.groupBy("k").agg(count(col("x")), expr("count(x, y)"), countDistinct("d"), count_distinct(col("x"),
        col("s")), sum_distinct(col("d")), sumDistinct("x"), expr("avg(DISTINCT d)"), expr("max(DISTINCT s)"))
        .orderBy("k").show(false);
    stats.groupBy("k").agg(bool_and(col("b")), bool_or(col("b")), every(col("b")), some(col("b")), any(col("b")),
        count_if(col("b")), approx_count_distinct("s"), approx_count_distinct(col("d"), 0.1)).orderBy("k").show();
    stats.groupBy("k").agg(percentile(col("x"), lit(0.3)), median(col("x")), median(col("d")), mode(col("s")),
        expr("percentile(d, 0.75)")).orderBy("k").show(false);
    stats.groupBy("k").agg(expr("stddev_pop(DISTINCT x)"), expr("avg(DISTINCT d)"), expr("count(DISTINCT b)"),
        expr("count_if(x > 2)"), expr("approx_count_distinct(DISTINCT s)")).orderBy("k").show(false);

    stats.agg(stddev("x"), variance("d"), skewness("y"), kurtosis("y"), corr("x", "y"), covar_samp("y", "d"))
        .show(false);
    stats.agg(first("x"), last("x"), first("s", true), countDistinct("s", "k"), sum_distinct(col("d")),
        approx_count_distinct("s"), max_by(col("k"), col("d")), min_by(col("s"), col("y"))).show(false);
    Map<String, String> byName = new TreeMap<>();
    byName.put("x", "stddev");
    byName.put("y", "variance");
    byName.put("d", "skewness");
    stats.agg(byName).show(false);
    stats.groupBy("k").agg(byName).orderBy("k").show(false);

    Dataset<Row> none = stats.filter("k > 100");
    none.agg(expr("count(x, y)"), stddev("x"), first("x"), count_if(col("b")), approx_count_distinct("s"),
        bool_and(col("b")), max_by(col("s"), col("x")), countDistinct("s"), sum_distinct(col("d")), median(col("x")),
        corr("x", "y")).show();
    none.groupBy("k").agg(stddev("x"), countDistinct("s")).show();
    none.agg(expr("mode(s)"), expr("percentile(x, 0.5)"), expr("var_pop(DISTINCT x)")).printSchema();

    // Several workers: results that do not depend on how rows are split.
    Dataset<Row> range = spark.range(0, 2000, 1, 4).select(col("id").mod(7).as("k"), col("id"),
        expr("cast(id % 13 as string)").as("s"), expr("cast(id as decimal(12,2))").as("d"));
    range.groupBy("k").agg(countDistinct("s"), sum_distinct(col("d")), approx_count_distinct("s"),
        approx_count_distinct("id"), max_by(col("s"), col("id")), min_by(col("id"), col("d")), median(col("id")),
        percentile(col("d"), lit(0.9)), expr("count_if(id > 1000)"), expr("bool_or(id = 1999)"))
        .orderBy("k").show(false);
    range.agg(approx_count_distinct(col("id"), 0.01), approx_count_distinct(col("s"), 0.01), countDistinct("k", "s"),
        avg(col("d")), expr("avg(DISTINCT k)")).show(false);
  }
}
