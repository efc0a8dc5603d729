package dev.ember.sql;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An aggregate joined on its grouping key to a filtered table reads only the rows of keys that table
 * holds (TPC-H Q17's shape), and every join type the rule accepts gives the rows of the plan without
 * it, which the session gets by excluding the rule. Keys are null, repeated and missing on either side.
 */
class SemiJoinReductionEndToEndTest {
  private static final String RULE = "ReduceAggregateInputsBySemiJoin";

  @TempDir
  Path directory;

  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  /** 30 000 lines over 1 000 parts (every 101st part key null), 1 200 parts of which 10 % are brand 3. */
  private SparkSession sessionWithTables() {
    SparkSession spark = sessions.start("local[2]", Map.of());
    spark.range(0, 30_000, 1, 3)
        .selectExpr("id AS l_id", "CASE WHEN id % 101 = 0 THEN NULL ELSE id % 1000 END AS l_partkey",
            "CASE WHEN id % 7 = 0 THEN NULL ELSE (id DIV 1000) % 50 END AS l_quantity")
        .write().parquet(directory.resolve("lineitem").toString());
    spark.range(0, 1_200, 1, 1)
        .selectExpr("CASE WHEN id = 5 THEN NULL ELSE id END AS p_partkey", "concat('brand ', id % 10) AS p_brand")
        .write().parquet(directory.resolve("part").toString());
    return spark;
  }

  private Dataset<Row> table(SparkSession spark, String name) {
    return spark.read().parquet(directory.resolve(name).toString());
  }

  private Dataset<Row> brand3(SparkSession spark) {
    return table(spark, "part").where(col("p_brand").equalTo(lit("brand 3")));
  }

  private Dataset<Row> perPart(SparkSession spark) {
    return table(spark, "lineitem").groupBy("l_partkey")
        .agg(avg("l_quantity").as("average"), count("*").as("lines"), sum("l_quantity").as("total"))
        .withColumnRenamed("l_partkey", "average_partkey");
  }

  /** The query's rows with the rule, then without it, sorted by every column. */
  private List<List<Row>> withAndWithout(SparkSession spark, Function<SparkSession, Dataset<Row>> query,
      boolean expectReduction) {
    Dataset<Row> reduced = query.apply(spark);
    String plan = reduced.queryExecution().optimized().treeString();
    assertEquals(expectReduction, plan.contains("LeftSemi, (average_partkey") || plan.contains("LeftSemi, (l_partkey"),
        plan);
    String[] columns = reduced.columns();
    List<Row> rows = reduced.orderBy(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length))
        .collectAsList();
    spark.conf().set(SessionSettings.DISABLED_RULES, RULE);
    try {
      Dataset<Row> written = query.apply(spark);
      assertFalse(written.queryExecution().optimized().treeString().contains("LeftSemi, (l_partkey"));
      return List.of(rows,
          written.orderBy(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length)).collectAsList());
    } finally {
      spark.conf().unset(SessionSettings.DISABLED_RULES);
    }
  }

  @Test
  void anInnerJoinToAFilteredTableGivesTheRowsOfTheWrittenPlan() {
    SparkSession spark = sessionWithTables();
    List<List<Row>> both = withAndWithout(spark, session -> table(session, "lineitem")
        .join(brand3(session), col("l_partkey").equalTo(col("p_partkey")))
        .join(perPart(session), col("p_partkey").equalTo(col("average_partkey")))
        .where(col("l_quantity").lt(col("average")))
        .select("l_id", "p_partkey", "average", "lines", "total"), true);
    assertEquals(both.get(1), both.get(0));
    assertFalse(both.get(1).isEmpty(), both.get(0).toString());
  }

  @Test
  void aLeftOuterJoinKeepsItsUnmatchedRowsWithNullAggregates() {
    SparkSession spark = sessionWithTables();
    List<List<Row>> both = withAndWithout(spark, session -> brand3(session)
        .join(perPart(session), col("p_partkey").equalTo(col("average_partkey")), "left")
        .select("p_partkey", "average", "lines"), true);
    // Parts 1 003 … 1 193 have no lines: they stay, with null averages.
    assertTrue(both.get(1).stream().anyMatch(row -> row.isNullAt(1)), both.get(1).toString());
    assertEquals(120, both.get(1).size());
    assertEquals(both.get(1), both.get(0));
  }

  @Test
  void aSemiJoinOfTheAggregateGivesTheRowsOfTheWrittenPlan() {
    SparkSession spark = sessionWithTables();
    List<List<Row>> both = withAndWithout(spark, session -> perPart(session)
        .join(brand3(session), col("average_partkey").equalTo(col("p_partkey")), "semi"), true);
    assertEquals(100, both.get(1).size());
    assertEquals(both.get(1), both.get(0));
  }

  @Test
  void theAggregateOnThePreservedSideOfAnOuterJoinKeepsAllItsGroups() {
    SparkSession spark = sessionWithTables();
    List<List<Row>> both = withAndWithout(spark, session -> perPart(session)
        .join(brand3(session), col("average_partkey").equalTo(col("p_partkey")), "left")
        .select("average_partkey", "lines", "p_brand"), false);
    // 1 000 part keys and the null key group.
    assertEquals(1_001, both.get(1).size());
    assertEquals(both.get(1), both.get(0));
  }
}
