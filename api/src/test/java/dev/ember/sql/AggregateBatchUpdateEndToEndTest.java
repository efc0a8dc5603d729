package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grouped and global aggregates give the same rows with {@code spark.ember.aggregate.batchUpdate} on
 * (groups of a batch first, then one loop per accumulator) and off (every accumulator per row), and
 * still fail on overflow under ANSI.
 */
class AggregateBatchUpdateEndToEndTest {
  private static final String SETTING = "spark.ember.aggregate.batchUpdate";

  @TempDir
  Path directory;

  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  @Test
  void aggregatesAreTheSameWithTheSettingOnAndOff() {
    SparkSession spark = sessions.start("local[2]", Map.of("spark.sql.session.timeZone", "UTC"));
    assertEquals("true", spark.conf().get(SETTING));
    // Read back from Parquet, so the aggregate's pipeline starts at the scan (computed columns of a
    // projection in the same pipeline keep the row-by-row update).
    String path = directory.resolve("t").toString();
    spark.range(0, 20_000, 1, 3).selectExpr(COLUMNS).write().parquet(path);
    Dataset<Row> table = spark.read().parquet(path);
    List<Aggregation> aggregations = List.of(
        // Q1's shape: two short string keys, decimal sums and averages of products, count(*), after a filter.
        new Aggregation("id % 10 <> 3", List.of("f", "s"), List.of("sum(q)", "sum(p)", "sum(p * (1 - d))",
            "sum(p * (1 - d) * (1 + t))", "avg(q)", "avg(p)", "avg(d)", "count(*)")),
        new Aggregation(null, List.of("k"), List.of("count(x)", "sum(x)", "avg(x)", "min(x)", "max(x)", "min(y)",
            "max(y)", "sum(y)", "min(w)", "max(w)", "sum(w)", "min(name)")),
        new Aggregation(null, List.of("id % 5000"), List.of("sum(q)", "max(p)", "count(*)")),
        new Aggregation("id % 3 = 0", List.of(), List.of("count(*)", "sum(x)", "sum(p)", "min(y)", "max(name)",
            "avg(d)")),
        new Aggregation(null, List.of("f"), List.of("first(x)", "count(name)", "sum(q)")));
    for (Aggregation aggregation : aggregations) {
      spark.conf().set(SETTING, "true");
      List<Row> batched = aggregation.run(table);
      spark.conf().set(SETTING, "false");
      List<Row> rowByRow = aggregation.run(table);
      assertEquals(rowByRow.toString(), batched.toString(), aggregation.toString());
      assertTrue(!batched.isEmpty(), aggregation.toString());
    }
  }

  private record Aggregation(String filter, List<String> keys, List<String> aggregates) {
    List<Row> run(Dataset<Row> table) {
      Dataset<Row> input = filter == null ? table : table.filter(functions.expr(filter));
      Column[] aggregateColumns = aggregates.stream().map(functions::expr).toArray(Column[]::new);
      Column[] rest = java.util.Arrays.copyOfRange(aggregateColumns, 1, aggregateColumns.length);
      Dataset<Row> result = keys.isEmpty()
          ? input.agg(aggregateColumns[0], rest)
          : input.groupBy(keys.stream().map(functions::expr).toArray(Column[]::new)).agg(aggregateColumns[0], rest);
      return keys.isEmpty() ? result.collectAsList() : result.orderBy(result.columns()[0]).collectAsList();
    }
  }

  @Test
  void overflowStillFailsUnderAnsiWithBatches() {
    SparkSession spark = sessions.start("local[1]");
    spark.conf().set(SETTING, "true");
    String path = directory.resolve("v").toString();
    spark.range(0, 10_000, 1, 2)
        .selectExpr("id % 3 AS k", "CASE WHEN id = 9000 THEN 9223372036854775807 ELSE id END AS v")
        .write().parquet(path);
    Exception error = assertThrows(Exception.class,
        () -> spark.read().parquet(path).groupBy("k").agg(functions.sum("v")).collectAsList());
    assertTrue(error.getMessage().contains("ARITHMETIC_OVERFLOW"), error.getMessage());
  }

  private static final String[] COLUMNS = {
      "id",
      "CASE WHEN id % 4 = 0 THEN 'A' WHEN id % 4 = 1 THEN 'N' ELSE 'R' END AS f",
      "CASE WHEN id % 7 < 3 THEN 'O' ELSE 'F' END AS s",
      "CAST(id % 50 + 1 AS DECIMAL(15,2)) AS q",
      "CAST(id * 7 % 100000 AS DECIMAL(15,2)) / 100 AS p",
      "CAST(id % 11 AS DECIMAL(15,2)) / 100 AS d",
      "CAST(id % 9 AS DECIMAL(15,2)) / 100 AS t",
      "CAST(id % 13 AS INT) AS k",
      "CASE WHEN id % 6 = 0 THEN NULL ELSE id * 3 - 20000 END AS x",
      "CASE WHEN id % 8 = 0 THEN NULL WHEN id % 17 = 0 THEN CAST('NaN' AS DOUBLE) ELSE id / 7.0 - 100 END AS y",
      "CASE WHEN id % 5 = 0 THEN NULL ELSE CAST(id % 1000 AS DECIMAL(30,4)) * 1000000000000 END AS w",
      "CASE WHEN id % 9 = 0 THEN NULL ELSE concat('n', CAST(id % 77 AS STRING)) END AS name"};
}
