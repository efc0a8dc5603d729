package dev.ember.benchmarks.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.benchmarks.engines.Answers;
import dev.ember.benchmarks.engines.QueryEngine;
import dev.ember.benchmarks.engines.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 22 TPC-H queries at scale factor 0.01: Ember answers each exactly as Spark 4.2 does over the
 * same Parquet files (same rows in the same order, same Java classes, decimals with the same scale,
 * doubles within a relative 1e-9), and DuckDB's SQL text for each gives Spark's answer too.
 */
class TpchQueriesTest {
  /**
   * Queries Ember does not answer as Spark does yet, with the reason. Each is asserted to still fail,
   * so that a fix shows up as a test failure asking to remove its entry.
   */
  private static final Map<Integer, String> KNOWN_FAILURES = Map.of();

  @TempDir
  static Path root;

  private static org.apache.spark.sql.SparkSession spark;
  private static dev.ember.sql.SparkSession ember;
  private static QueryEngine duckDb;
  private static Function<String, String> tables;
  /** Spark's answer per query, computed once for both the Ember and the DuckDB comparison. */
  private static final Map<Integer, List<List<Object>>> SPARK_ANSWERS = new ConcurrentHashMap<>();

  @BeforeAll
  static void generate() throws Exception {
    spark = org.apache.spark.sql.SparkSession.builder().master("local[2]").appName("tpch-queries-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    TpchFiles files = TpchData.generate(root.resolve("sf0.01"), 0.01, spark);
    tables = table -> files.sparkParquet(table).toString();
    ember = dev.ember.sql.SparkSession.builder().master("local[2]").getOrCreate();
    duckDb = QueryEngine.start("duckdb", 2, files);
  }

  @AfterAll
  static void stop() {
    if (duckDb != null) {
      duckDb.close();
    }
    if (ember != null) {
      ember.stop();
    }
    if (spark != null) {
      spark.stop();
    }
  }

  @TestFactory
  Stream<DynamicTest> emberAnswersEveryQueryAsSparkDoes() {
    return IntStream.rangeClosed(1, 22).mapToObj(number -> DynamicTest.dynamicTest("Q" + number, () -> {
      List<List<Object>> expected = sparkAnswer(number);
      String known = KNOWN_FAILURES.get(number);
      if (known == null) {
        assertSameAnswer(number, expected, emberAnswer(number));
      } else {
        assertStillFails(number, known, expected);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> duckDbAnswersEveryQueryAsSparkDoes() {
    return IntStream.rangeClosed(1, 22).mapToObj(number -> DynamicTest.dynamicTest("Q" + number, () -> {
      Workload workload = Workload.valueOf("Q" + number);
      Optional<String> difference = Answers.difference("Spark", sparkAnswer(number), "DuckDB",
          duckDb.answer(workload), workload.ordered());
      assertTrue(difference.isEmpty(), () -> "Q" + number + ": " + difference.orElseThrow());
    }));
  }

  private static void assertStillFails(int number, String reason, List<List<Object>> expected) {
    List<List<Object>> actual;
    try {
      actual = emberAnswer(number);
    } catch (RuntimeException expectedFailure) {
      return;
    }
    try {
      assertSameAnswer(number, expected, actual);
    } catch (AssertionError expectedFailure) {
      return;
    }
    fail("Q" + number + " is listed as known to fail (" + reason + ") but now answers as Spark does: "
        + "remove it from KNOWN_FAILURES");
  }

  private static void assertSameAnswer(int number, List<List<Object>> expected, List<List<Object>> actual) {
    assertTrue(!expected.isEmpty(), "Q" + number + ": Spark's answer is empty, so it proves nothing");
    assertEquals(expected.size(), actual.size(), "Q" + number + ": row count");
    for (int row = 0; row < expected.size(); row++) {
      List<Object> sparkRow = expected.get(row);
      List<Object> emberRow = actual.get(row);
      String where = "Q" + number + " row " + row + "\n  Spark: " + sparkRow + "\n  Ember: " + emberRow;
      assertEquals(sparkRow.size(), emberRow.size(), where + ": column count");
      for (int column = 0; column < sparkRow.size(); column++) {
        assertSameValue(sparkRow.get(column), emberRow.get(column), where + ", column " + column);
      }
    }
  }

  private static void assertSameValue(Object expected, Object actual, String where) {
    if (expected == null || actual == null) {
      assertEquals(expected, actual, where);
      return;
    }
    assertEquals(expected.getClass(), actual.getClass(), where + ": class");
    if (expected instanceof Double x) {
      double y = (Double) actual;
      assertTrue(x.equals(y) || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)),
          where + ": " + x + " and " + y + " differ by more than 1e-9 relative");
    } else {
      // BigDecimal equality includes the scale: Ember must type a decimal result as Spark does.
      assertEquals(expected, actual, where);
    }
  }

  private static List<List<Object>> sparkAnswer(int number) {
    return SPARK_ANSWERS.computeIfAbsent(number, TpchQueriesTest::runOnSpark);
  }

  private static List<List<Object>> runOnSpark(int number) {
    List<List<Object>> rows = new ArrayList<>();
    for (org.apache.spark.sql.Row row : dev.ember.benchmarks.queries.spark.TpchQueries.tpch(number, spark, tables)) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(row.get(i));
      }
      rows.add(values);
    }
    return rows;
  }

  private static List<List<Object>> emberAnswer(int number) {
    List<List<Object>> rows = new ArrayList<>();
    for (dev.ember.sql.Row row : dev.ember.benchmarks.queries.TpchQueries.tpch(number, ember, tables)) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(row.get(i));
      }
      rows.add(values);
    }
    return rows;
  }
}
