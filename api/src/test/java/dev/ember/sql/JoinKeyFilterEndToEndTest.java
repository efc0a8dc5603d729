package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet scan that an inner or semi join probes drops the rows whose key the build side lacks
 * before decoding its other columns, and the answers are those of a session without late
 * materialisation, where every column is decoded at every row. Keys are bigint, int and date, null,
 * repeated and missing on either side.
 */
class JoinKeyFilterEndToEndTest {
  private static final String FILTER = "join key filter on";

  @TempDir
  Path directory;

  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  /** 40 000 facts over 2 000 keys (every 97th null); 300 dimension rows, a tenth of them "kept". */
  private void writeTables(SparkSession spark) {
    if (java.nio.file.Files.exists(directory.resolve("fact"))) {
      return;
    }
    spark.range(0, 40_000, 1, 2)
        .selectExpr("id AS f_id", "CASE WHEN id % 97 = 0 THEN NULL ELSE id % 2000 END AS f_key",
            "CAST(id % 1500 AS INT) AS f_small", "date_add(DATE'2020-01-01', CAST(id % 700 AS INT)) AS f_day",
            "concat('fact ', id) AS f_text", "id * 0.5 AS f_amount")
        .write().parquet(directory.resolve("fact").toString());
    spark.range(0, 300, 1, 1)
        .selectExpr("CASE WHEN id = 7 THEN NULL ELSE id * 7 END AS d_key", "CAST(id * 7 AS INT) AS d_small",
            "date_add(DATE'2020-01-01', CAST(id * 3 AS INT)) AS d_day",
            "CASE WHEN id % 10 = 3 THEN 'kept' ELSE 'other' END AS d_kind")
        .union(spark.range(0, 2, 1, 1).selectExpr("21 AS d_key", "21 AS d_small", "DATE'2020-01-22' AS d_day",
            "'kept' AS d_kind"))
        .write().parquet(directory.resolve("dimension").toString());
  }

  private Dataset<Row> fact(SparkSession spark) {
    return spark.read().parquet(directory.resolve("fact").toString());
  }

  private Dataset<Row> kept(SparkSession spark) {
    return spark.read().parquet(directory.resolve("dimension").toString()).where(col("d_kind").equalTo(lit("kept")));
  }

  /** The query's sorted rows with the filter, then without late materialisation; checks where it applies. */
  private List<List<Row>> withAndWithout(Function<SparkSession, Dataset<Row>> query, boolean filtered) {
    SparkSession spark = sessions.start("local[2]", Map.of());
    writeTables(spark);
    Dataset<Row> withFilter = sorted(query.apply(spark));
    String pipelines = withFilter.queryExecution().compiled().explainPipelines();
    assertEquals(filtered, pipelines.contains(FILTER), pipelines);
    List<Row> rows = withFilter.collectAsList();
    spark.conf().set(SessionSettings.PARQUET_LATE_MATERIALIZATION, "false");
    try {
      Dataset<Row> without = sorted(query.apply(spark));
      assertFalse(without.queryExecution().compiled().explainPipelines().contains(FILTER));
      return List.of(rows, without.collectAsList());
    } finally {
      spark.conf().unset(SessionSettings.PARQUET_LATE_MATERIALIZATION);
    }
  }

  private static Dataset<Row> sorted(Dataset<Row> rows) {
    String[] columns = rows.columns();
    return rows.orderBy(columns[0], Arrays.copyOfRange(columns, 1, columns.length));
  }

  @Test
  void anInnerJoinOnABigintKeyGivesTheRowsOfAFullScan() {
    List<List<Row>> both = withAndWithout(spark -> fact(spark)
        .join(kept(spark), col("f_key").equalTo(col("d_key")))
        .select("f_id", "f_key", "f_text", "f_amount", "d_small"), true);
    assertEquals(both.get(1), both.get(0));
    // 29 kept keys below 2 000, about 20 facts each; key 21 has three dimension rows.
    assertTrue(both.get(1).size() > 29 * 19, String.valueOf(both.get(1).size()));
  }

  @Test
  void aSemiJoinOnAnIntKeyGivesTheRowsOfAFullScan() {
    List<List<Row>> ints = withAndWithout(spark -> fact(spark)
        .join(kept(spark), col("f_small").equalTo(col("d_small")), "semi").select("f_id", "f_small", "f_text"), true);
    assertEquals(ints.get(1), ints.get(0));
    assertFalse(ints.get(1).isEmpty());
  }

  @Test
  void aSemiJoinOnADateKeyGivesTheRowsOfAFullScan() {
    List<List<Row>> days = withAndWithout(spark -> fact(spark)
        .join(kept(spark), col("f_day").equalTo(col("d_day")), "semi").select("f_id", "f_day"), true);
    assertEquals(days.get(1), days.get(0));
    assertFalse(days.get(1).isEmpty());
  }

  @Test
  void aLeftOuterJoinKeepsEveryRowAndDoesNotFilter() {
    List<List<Row>> both = withAndWithout(spark -> fact(spark).where(col("f_id").lt(5_000))
        .join(kept(spark), col("f_key").equalTo(col("d_key")), "left").select("f_id", "f_key", "d_small"), false);
    assertEquals(both.get(1), both.get(0));
    assertTrue(both.get(1).size() >= 5_000);
  }

  @Test
  void aSecondJoinInThePipelineFiltersOnItsKeyToo() {
    List<List<Row>> both = withAndWithout(spark -> fact(spark)
        .join(kept(spark).select(col("d_key").as("k1")), col("f_key").equalTo(col("k1")))
        .join(kept(spark).select(col("d_small").as("k2")), col("f_small").equalTo(col("k2")))
        .select("f_id", "f_key", "f_small"), true);
    assertEquals(both.get(1), both.get(0));
  }

  @Test
  void aTwoColumnKeyIsFilteredOnItsBigintComponent() {
    // TPC-H Q2's shape: a part key and a second column; the scan drops rows whose part key is absent.
    List<List<Row>> both = withAndWithout(spark -> fact(spark)
        .join(kept(spark), col("f_key").equalTo(col("d_key")).and(col("f_small").equalTo(col("d_small"))))
        .select("f_id", "f_key", "f_small", "f_text"), true);
    assertEquals(both.get(1), both.get(0));
    assertFalse(both.get(1).isEmpty());
  }

  @Test
  void aNullSafeComponentIsSkippedAndTheNextOneFilters() {
    // Null keys match under <=>, so that component cannot drop rows; the int component does.
    List<List<Row>> both = withAndWithout(spark -> fact(spark)
        .join(kept(spark), col("f_key").eqNullSafe(col("d_key")).and(col("f_small").equalTo(col("d_small"))))
        .select("f_id", "f_key", "f_small"), true);
    assertEquals(both.get(1), both.get(0));
    assertFalse(both.get(1).isEmpty());
  }

  @Test
  void aProbedSideWhoseFilterColumnIsProjectedAwayIsStillFiltered() {
    // f_amount is read only by the filter, so a project drops it between the filter and the join.
    List<List<Row>> both = withAndWithout(spark -> fact(spark).where(col("f_amount").gt(1_000))
        .join(kept(spark), col("f_key").equalTo(col("d_key")))
        .select("f_id", "f_key", "d_small"), true);
    assertEquals(both.get(1), both.get(0));
    assertFalse(both.get(1).isEmpty());
  }

  @Test
  void aJoinAfterOneThatBuiltItsLeftSideFiltersOnItsKey() {
    // The small left side is built, and the probe reorders its columns to the join's output before
    // the second join probes on f_small.
    SparkSession spark = sessions.start("local[2]", Map.of());
    writeTables(spark);
    Function<SparkSession, Dataset<Row>> query = session -> kept(session).select(col("d_key").as("k1"))
        .join(fact(session), col("k1").equalTo(col("f_key")))
        .join(kept(session).select(col("d_small").as("k2")), col("f_small").equalTo(col("k2")))
        .select("f_id", "f_key", "f_small");
    String pipelines = query.apply(spark).queryExecution().compiled().explainPipelines();
    assertTrue(pipelines.contains(FILTER + " f_small"), pipelines);
    List<List<Row>> both = withAndWithout(query, true);
    assertEquals(both.get(1), both.get(0));
  }
}
