package dev.ember.examples.programs;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.cume_dist;
import static dev.ember.sql.functions.dense_rank;
import static dev.ember.sql.functions.first;
import static dev.ember.sql.functions.first_value;
import static dev.ember.sql.functions.floor;
import static dev.ember.sql.functions.lag;
import static dev.ember.sql.functions.last;
import static dev.ember.sql.functions.last_value;
import static dev.ember.sql.functions.lead;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.min;
import static dev.ember.sql.functions.nth_value;
import static dev.ember.sql.functions.ntile;
import static dev.ember.sql.functions.percent_rank;
import static dev.ember.sql.functions.rank;
import static dev.ember.sql.functions.row_number;
import static dev.ember.sql.functions.stddev;
import static dev.ember.sql.functions.sum;
import static dev.ember.sql.functions.var_pop;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import dev.ember.sql.expressions.Window;
import dev.ember.sql.expressions.WindowSpec;

/**
 * Window functions: ranks, offsets, nth/first/last values and aggregates over default, ROWS and RANGE
 * frames, with null partition and order keys and ties. Each result is sorted by id afterwards, since
 * Spark's row order after a window follows its hash partitioning.
 */
public final class Windows {
  private Windows() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv")
        .select(col("id"), col("active"), col("city"), col("age"), col("score"),
            floor(col("age").divide(10)).as("decade"));
    WindowSpec byActive = Window.partitionBy("active").orderBy("decade");
    WindowSpec byCity = Window.partitionBy(col("city")).orderBy(col("score").desc());

    Dataset<Row> ranks = people.select(col("id"), col("active"), col("decade"),
        row_number().over(byActive), rank().over(byActive), dense_rank().over(byActive),
        percent_rank().over(byActive), cume_dist().over(byActive), ntile(3).over(byActive));
    ranks.printSchema();
    ranks.orderBy("id").show(false);

    people.select(col("id"), col("city"), col("score"),
            lag("score", 1).over(byCity).as("lag1"), lead("score", 1).over(byCity).as("lead1"),
            lag(col("score"), 2, 0.0).over(byCity).as("lag2"), lead(col("age"), 1, -1).over(byCity).as("lead_d"),
            lag(col("age"), 1, null, true).over(Window.orderBy("id")).as("lag_ign"),
            lead(col("age"), 2, null, true).over(Window.orderBy("id")).as("lead_ign"))
        .orderBy("id").show();

    Dataset<Row> aggregates = people.select(col("id"), col("active"), col("decade"),
        sum("age").over(byActive), avg("score").over(byActive), count("age").over(byActive),
        min("score").over(Window.partitionBy("active")), max("city").over(byActive),
        first("age").over(byActive), last("age", true).over(byActive), stddev("score").over(byActive),
        var_pop("age").over(Window.partitionBy("active")), count(lit(1)).over());
    aggregates.printSchema();
    aggregates.orderBy("id").show(false);

    WindowSpec byId = Window.orderBy("id");
    people.select(col("id"), col("age"),
            sum("age").over(byId.rowsBetween(-1, 1)).as("rows_m1_p1"),
            sum("age").over(byId.rowsBetween(Window.unboundedPreceding(), -1)).as("rows_before"),
            sum("age").over(byId.rowsBetween(Window.currentRow(), Window.unboundedFollowing())).as("rows_after"),
            max("score").over(byId.rowsBetween(-2, 0)).as("max3"),
            count("score").over(byId.rowsBetween(2, 3)).as("ahead"))
        .orderBy("id").show();

    WindowSpec byAge = Window.orderBy("age");
    people.select(col("id"), col("age"),
            sum("score").over(byAge.rangeBetween(-5, 5)).as("near"),
            count("id").over(byAge.rangeBetween(Window.unboundedPreceding(), -4)).as("younger"),
            count("id").over(byAge.rangeBetween(Window.currentRow(), Window.unboundedFollowing())).as("older"),
            count("id").over(Window.orderBy(col("age").desc()).rangeBetween(-10, 0)).as("desc_range"),
            avg("age").over(Window.orderBy(col("score").asc_nulls_last()).rangeBetween(0, 20)).as("by_score"),
            sum("age").over(Window.partitionBy("active").orderBy("decade")
                .rangeBetween(Window.currentRow(), Window.unboundedFollowing())).as("peers_on"))
        .orderBy("id").show();

    people.select(col("id"), col("city"),
            nth_value(col("age"), 2).over(byCity).as("second"),
            nth_value(col("age"), 2, true).over(byCity).as("second_nn"),
            first_value(col("age")).over(byCity).as("fv"),
            last_value(col("age"), lit(true)).over(byCity.rowsBetween(-1, 1)).as("lv"))
        .orderBy("id").show();

    Dataset<Row> derived = people.withColumn("rn", row_number().over(Window.partitionBy(col("decade").plus(1))
            .orderBy(col("score").plus(col("age")).desc(), col("id"))))
        .withColumn("share", col("age").divide(sum(col("age").plus(0)).over(Window.partitionBy("city"))));
    derived.orderBy("id").show();

    Dataset<Row> sql = people.selectExpr("id", "row_number() OVER (PARTITION BY active ORDER BY age DESC)",
        "sum(age) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS pair",
        "count(1) OVER (PARTITION BY city) AS n", "lag(age) OVER (ORDER BY id) AS previous");
    sql.printSchema();
    sql.orderBy("id").show();

    Dataset<Row> big = spark.range(0, 10000).select(col("id"), col("id").mod(7).as("k"), col("id").mod(100).as("o"));
    big.select(col("k"), row_number().over(Window.partitionBy("k").orderBy("o", "id")).as("rn"),
            sum("o").over(Window.partitionBy("k").orderBy("o")).as("running"),
            lag("id", 3).over(Window.partitionBy("k").orderBy("id")).as("back"))
        .groupBy("k").agg(max("rn"), sum("running"), sum("back"))
        .orderBy("k").show();
  }
}
