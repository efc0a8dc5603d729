package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.rand;
import static dev.ember.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One aggregated Dataset used twice in a query (TPC-H Q15: revenue per supplier, joined to the
 * suppliers and to its own maximum) is computed once, and the answer is that of the same query
 * written with two separately built copies, which plan into two aggregates with their own ids.
 */
class SharedAggregateEndToEndTest {
  private static final String LINES_SCAN = "source=Scan parquet Location: [";

  @TempDir
  Path directory;

  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  /** 20 000 lines over 500 suppliers (every 89th key null; supplier 77 has the most revenue), 600 suppliers. */
  private SparkSession sessionWithTables() {
    SparkSession spark = sessions.start("local[2]", Map.of());
    spark.range(0, 20_000, 1, 3)
        .selectExpr("CASE WHEN id % 89 = 0 THEN NULL ELSE id % 500 END AS l_suppkey",
            "CAST(CASE WHEN id % 500 = 77 THEN 1000 ELSE id % 13 END AS DECIMAL(12,2)) AS l_price",
            "CAST(id % 40 AS INT) AS l_day")
        .write().parquet(directory.resolve("lineitem").toString());
    spark.range(0, 600, 1, 1)
        .selectExpr("id AS s_suppkey", "concat('supplier ', id) AS s_name")
        .write().parquet(directory.resolve("supplier").toString());
    return spark;
  }

  private Dataset<Row> table(SparkSession spark, String name) {
    return spark.read().parquet(directory.resolve(name).toString());
  }

  private Dataset<Row> revenue(SparkSession spark) {
    return table(spark, "lineitem").where(col("l_day").lt(lit(30)))
        .groupBy("l_suppkey").agg(sum("l_price").as("total"))
        .withColumnRenamed("l_suppkey", "supplier_no");
  }

  /** Q15's shape, over {@code revenue} for the join and {@code revenueForMax} for the maximum. */
  private Dataset<Row> topSuppliers(SparkSession spark, Dataset<Row> revenue, Dataset<Row> revenueForMax) {
    Dataset<Row> highest = revenueForMax.agg(max("total").as("max_total"));
    return table(spark, "supplier")
        .join(revenue, col("s_suppkey").equalTo(col("supplier_no")))
        .join(highest, col("total").equalTo(col("max_total")))
        .select("s_suppkey", "s_name", "total")
        .orderBy("s_suppkey");
  }

  private static int lineitemScans(Dataset<Row> query, Path directory) {
    String pipelines = query.queryExecution().compiled().explainPipelines();
    String lineitem = LINES_SCAN + directory.resolve("lineitem");
    return pipelines.split(java.util.regex.Pattern.quote(lineitem), -1).length - 1;
  }

  @Test
  void aDatasetUsedTwiceIsAggregatedOnceWithTheAnswerOfTwoCopies() {
    SparkSession spark = sessionWithTables();
    Dataset<Row> revenue = revenue(spark);
    Dataset<Row> shared = topSuppliers(spark, revenue, revenue);
    Dataset<Row> twoCopies = topSuppliers(spark, revenue(spark), revenue(spark));

    assertEquals(1, lineitemScans(shared, directory), shared.queryExecution().compiled().explainPipelines());
    assertEquals(2, lineitemScans(twoCopies, directory));
    List<Row> rows = shared.collectAsList();
    assertEquals(twoCopies.collectAsList(), rows);
    assertEquals(1, rows.size());
    assertEquals(77L, rows.get(0).getLong(0));
  }

  @Test
  void bothReadersSeeEveryGroupWhenTheResultIsLarge() {
    SparkSession spark = sessionWithTables();
    Dataset<Row> revenue = revenue(spark);
    Supplier<Dataset<Row>> query = () -> revenue.join(revenue.agg(sum("total").as("all_revenue")))
        .select(col("supplier_no"), col("total").divide(col("all_revenue")).as("share"))
        .orderBy("supplier_no");
    Dataset<Row> shared = query.get();
    Dataset<Row> copies = revenue(spark).join(revenue(spark).agg(sum("total").as("all_revenue")))
        .select(col("supplier_no"), col("total").divide(col("all_revenue")).as("share"))
        .orderBy("supplier_no");

    assertEquals(1, lineitemScans(shared, directory));
    List<Row> rows = shared.collectAsList();
    assertEquals(copies.collectAsList(), rows);
    assertEquals(501, rows.size(), "500 suppliers and the null key");
  }

  @Test
  void aNonDeterministicInputIsComputedForEachUse() {
    SparkSession spark = sessionWithTables();
    Dataset<Row> sampled = table(spark, "lineitem").where(rand(7).lt(lit(0.5)))
        .groupBy("l_suppkey").agg(sum("l_price").as("total"))
        .withColumnRenamed("l_suppkey", "supplier_no");

    Dataset<Row> query = topSuppliers(spark, sampled, sampled);

    assertEquals(2, lineitemScans(query, directory), query.queryExecution().compiled().explainPipelines());
    assertTrue(query.collectAsList().size() <= 1);
  }
}
