package dev.ember.examples.programs;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.min;
import static dev.ember.sql.functions.sum;

import dev.ember.sql.SparkSession;

/** {@code spark.range} with filters, arithmetic and many groups, large enough to use every worker. */
public final class RangeQueries {
  private RangeQueries() {}

  public static void run(SparkSession spark, String dataDir) {
    System.out.println(spark.range(0, 1_000_000).filter(col("id").mod(7).equalTo(3)).count());
    spark.range(10).select(col("id").multiply(2).alias("doubled"), col("id").plus(0.5), col("id").divide(4)).show();
    spark.range(0, 2_000_000).groupBy(col("id").mod(5).alias("bucket"))
        .agg(count("*"), sum("id"), min("id"), max("id"), avg("id")).orderBy("bucket").show();
    spark.range(5, 0, -1).show();
    spark.range(0, 100, 7).orderBy(col("id").desc()).limit(4).show();
    spark.range(3).select(lit(1).alias("one"), lit("text"), lit(2.5), lit(true), lit(null)).show();
    System.out.println(spark.range(0, 300_000).groupBy(col("id").mod(100_000)).count().count());
  }
}
