package dev.ember.benchmarks.queries;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.sum;

import dev.ember.sql.Column;
import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark queries, written once against Ember's API. The build copies this file with its
 * imports renamed to {@code org.apache.spark.sql} (package {@code ...queries.spark}), so Spark runs
 * exactly the same program. Every query ends in {@code collectAsList()}: both engines compute and
 * deliver the whole answer to the caller.
 */
public final class TpchQueries {
  private TpchQueries() {}

  /** TPC-H Q1 (pricing summary report), DELTA = 90 days: ship date at most 1998-09-02. */
  public static List<Row> q1(SparkSession spark, String lineitem) {
    Column discounted = col("l_extendedprice").multiply(lit(1).minus(col("l_discount")));
    return spark.read().parquet(lineitem)
        .where(col("l_shipdate").leq(lit(Date.valueOf("1998-09-02"))))
        .groupBy("l_returnflag", "l_linestatus")
        .agg(sum("l_quantity").as("sum_qty"),
            sum("l_extendedprice").as("sum_base_price"),
            sum(discounted).as("sum_disc_price"),
            sum(discounted.multiply(lit(1).plus(col("l_tax")))).as("sum_charge"),
            avg("l_quantity").as("avg_qty"),
            avg("l_extendedprice").as("avg_price"),
            avg("l_discount").as("avg_disc"),
            count("*").as("count_order"))
        .orderBy("l_returnflag", "l_linestatus")
        .collectAsList();
  }

  /** TPC-H Q6 (forecasting revenue change): DATE 1994-01-01, DISCOUNT 0.06, QUANTITY 24. */
  public static List<Row> q6(SparkSession spark, String lineitem) {
    return spark.read().parquet(lineitem)
        .where(col("l_shipdate").geq(lit(Date.valueOf("1994-01-01")))
            .and(col("l_shipdate").lt(lit(Date.valueOf("1995-01-01"))))
            .and(col("l_discount").geq(lit(new BigDecimal("0.05"))))
            .and(col("l_discount").leq(lit(new BigDecimal("0.07"))))
            .and(col("l_quantity").lt(lit(24))))
        .agg(sum(col("l_extendedprice").multiply(col("l_discount"))).as("revenue"))
        .collectAsList();
  }

  /** Reads every column of a CSV file: the maximum of each column and the row count. */
  public static List<Row> csvScan(SparkSession spark, String file, String schema, String[] columns) {
    Dataset<Row> table = spark.read().option("header", "true").schema(schema).csv(file);
    return table.agg(count("*").as("row_count"), maxOfEach(columns)).collectAsList();
  }

  /** Reads every column of a Parquet table: the maximum of each column and the row count. */
  public static List<Row> parquetScan(SparkSession spark, String directory, String[] columns) {
    return spark.read().parquet(directory).agg(count("*").as("row_count"), maxOfEach(columns)).collectAsList();
  }

  /** A selective filter (one month of ship dates, about 1.3 % of rows) and computed columns. */
  public static List<Row> filterProject(SparkSession spark, String lineitem) {
    return spark.read().parquet(lineitem)
        .where(col("l_shipdate").geq(lit(Date.valueOf("1994-03-01")))
            .and(col("l_shipdate").lt(lit(Date.valueOf("1994-04-01")))))
        .select(col("l_orderkey"), col("l_linenumber"),
            col("l_extendedprice").multiply(lit(1).minus(col("l_discount"))).as("disc_price"),
            col("l_quantity").plus(lit(1)).as("quantity_plus_one"),
            col("l_shipmode"))
        .collectAsList();
  }

  /** Hash aggregation into 7 groups (ship modes). */
  public static List<Row> aggregateFewGroups(SparkSession spark, String lineitem) {
    return spark.read().parquet(lineitem)
        .groupBy("l_shipmode")
        .agg(sum("l_extendedprice").as("sum_price"), max("l_discount").as("max_discount"), count("*").as("lines"))
        .collectAsList();
  }

  /**
   * Hash aggregation into one group per order (1.5 million at scale factor 1); a second, global
   * aggregation keeps the answer small without letting either engine skip the first.
   */
  public static List<Row> aggregateManyGroups(SparkSession spark, String lineitem) {
    return spark.read().parquet(lineitem)
        .groupBy("l_orderkey")
        .agg(sum("l_quantity").as("quantity"))
        .agg(count("*").as("orders"), sum("quantity").as("total_quantity"), max("quantity").as("max_quantity"))
        .collectAsList();
  }

  /** Sorts all orders (1.5 million at scale factor 1) on four keys and collects them in order. */
  public static List<Row> sort(SparkSession spark, String orders) {
    return spark.read().parquet(orders)
        .select("o_orderkey", "o_custkey", "o_orderdate", "o_orderpriority", "o_totalprice")
        .orderBy(col("o_orderdate"), col("o_orderpriority"), col("o_totalprice").desc(), col("o_orderkey"))
        .collectAsList();
  }

  private static Column[] maxOfEach(String[] columns) {
    List<Column> maxima = new ArrayList<>();
    for (String column : columns) {
      maxima.add(max(column).as("max_" + column));
    }
    return maxima.toArray(new Column[0]);
  }
}
