package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inner joins over Parquet tables are reordered by their footers' statistics (a chain whose filtered
 * end is written last is joined from that end), and give the same rows as the written order, which
 * the session gets back by excluding the rule.
 */
class JoinReorderEndToEndTest {
  private static final String EXCLUDED_RULES = SessionSettings.DISABLED_RULES;

  @TempDir
  Path directory;

  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  /** A fact of 20 000 rows, 500 suppliers in 25 nations in 5 regions: TPC-H Q2's supply chain in small. */
  private SparkSession sessionWithTables() {
    SparkSession spark = sessions.start("local[2]", Map.of());
    spark.range(0, 20_000, 1, 2)
        .selectExpr("id AS f_id", "id % 500 AS f_supplier", "CASE WHEN id % 97 = 0 THEN NULL ELSE id % 13 END AS f_cost")
        .write().parquet(directory.resolve("fact").toString());
    spark.range(0, 500).selectExpr("id AS s_id", "id % 25 AS s_nation", "concat('supplier ', id) AS s_name")
        .write().parquet(directory.resolve("supplier").toString());
    spark.range(0, 25).selectExpr("id AS n_id", "id % 5 AS n_region", "concat('nation ', id) AS n_name")
        .write().parquet(directory.resolve("nation").toString());
    spark.range(0, 5).selectExpr("id AS r_id", "concat('region ', id) AS r_name")
        .write().parquet(directory.resolve("region").toString());
    return spark;
  }

  private Dataset<Row> supplyChain(SparkSession spark) {
    Dataset<Row> fact = spark.read().parquet(directory.resolve("fact").toString());
    Dataset<Row> supplier = spark.read().parquet(directory.resolve("supplier").toString());
    Dataset<Row> nation = spark.read().parquet(directory.resolve("nation").toString());
    Dataset<Row> region = spark.read().parquet(directory.resolve("region").toString());
    return fact.join(supplier, col("f_supplier").equalTo(col("s_id")))
        .join(nation, col("s_nation").equalTo(col("n_id")))
        .join(region.where(col("r_name").equalTo(lit("region 3"))), col("n_region").equalTo(col("r_id")));
  }

  @Test
  void theFilteredEndOfAChainIsJoinedFirstWithTheSameRowsAndColumns() {
    SparkSession spark = sessionWithTables();
    Dataset<Row> reordered = supplyChain(spark);
    String plan = reordered.queryExecution().optimized().treeString();
    // The fact table is joined last, with the suppliers of region 3 already found.
    assertTrue(plan.indexOf("Join Inner, (f_supplier") < plan.indexOf("Join Inner, (s_nation"), plan);
    List<String> columns = List.of(reordered.columns());
    List<Row> rows = reordered.orderBy("f_id").collectAsList();

    spark.conf().set(EXCLUDED_RULES, "ReorderJoins");
    Dataset<Row> written = supplyChain(spark);
    String writtenPlan = written.queryExecution().optimized().treeString();
    assertTrue(writtenPlan.indexOf("Join Inner, (n_region") < writtenPlan.indexOf("Join Inner, (f_supplier"),
        writtenPlan);
    assertEquals(List.of(written.columns()), columns);
    List<Row> expected = written.orderBy("f_id").collectAsList();
    assertEquals(4_000, expected.size());
    assertEquals(expected, rows);
  }

  @Test
  void anAggregateOverTheReorderedJoinMatchesTheWrittenOrder() {
    SparkSession spark = sessionWithTables();
    List<Row> reordered = supplyChain(spark).groupBy("n_name").agg(functions.sum("f_cost").as("cost"),
        functions.count("*").as("n")).orderBy("n_name").collectAsList();
    spark.conf().set(EXCLUDED_RULES, "ReorderJoins");
    List<Row> written = supplyChain(spark).groupBy("n_name").agg(functions.sum("f_cost").as("cost"),
        functions.count("*").as("n")).orderBy("n_name").collectAsList();
    assertEquals(5, written.size());
    assertEquals(written, reordered);
  }
}
