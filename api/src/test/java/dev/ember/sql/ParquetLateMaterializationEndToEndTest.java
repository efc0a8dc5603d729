package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filters over Parquet files give the same rows with {@code spark.ember.parquet.lateMaterialization}
 * on and off: the reader's early row dropping keeps every row where the pushed predicate is true and
 * drops only false and null ones, for every type it evaluates (NaN, nulls, decimals, dates,
 * timestamps, strings in byte order, booleans), with several files and batches per file.
 */
class ParquetLateMaterializationEndToEndTest {
  private static final String SETTING = "spark.ember.parquet.lateMaterialization";

  @TempDir
  Path directory;

  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  @Test
  void everyFilterReturnsTheSameRowsWithTheSettingOnAndOff() {
    SparkSession spark = sessions.start("local[2]", Map.of("spark.sql.session.timeZone", "UTC"));
    Path table = directory.resolve("t");
    spark.range(0, 30_000, 1, 3).selectExpr(
            "id",
            "CASE WHEN id % 7 = 0 THEN NULL ELSE CAST(id % 100 AS INT) END AS i",
            "CASE WHEN id % 11 = 0 THEN CAST('NaN' AS DOUBLE) WHEN id % 13 = 0 THEN NULL"
                + " WHEN id % 17 = 0 THEN CAST('-0.0' AS DOUBLE) ELSE CAST(id % 50 AS DOUBLE) / 4 - 5 END AS d",
            "CAST(id % 1000 AS DECIMAL(10,3)) / 8 AS dec",
            "date_add(DATE'2020-01-01', CAST(id % 400 AS INT)) AS day",
            "timestamp_seconds(id * 3600) AS ts",
            "CASE WHEN id % 5 = 0 THEN NULL WHEN id % 9 = 0 THEN 'é' || CAST(id % 10 AS STRING)"
                + " ELSE 'k' || CAST(id % 300 AS STRING) END AS s",
            "CASE WHEN id % 19 = 0 THEN NULL ELSE id % 3 = 0 END AS flag")
        .write().parquet(table.toString());

    List<Column> filters = List.of(
        col("d").gt(lit(2.0)),
        col("d").equalTo(lit(Double.NaN)),
        col("d").equalTo(lit(0.0)),
        col("d").leq(lit(-1.0)),
        col("i").lt(lit(10)).and(col("s").geq(lit("k2"))),
        col("s").gt(lit("k9")),
        col("s").equalTo(lit("é3")),
        col("s").isNull(),
        col("i").isNotNull().and(col("flag").equalTo(lit(true))),
        col("flag").equalTo(lit(false)),
        col("dec").geq(lit(new BigDecimal("50.125"))),
        col("day").geq(lit(Date.valueOf("2020-03-01"))).and(col("day").lt(lit(Date.valueOf("2020-04-01")))),
        functions.expr("ts > TIMESTAMP'1972-06-01 00:00:00'"),
        col("id").equalTo(lit(12_345L)),
        col("id").lt(lit(0L)),
        col("id").geq(lit(0L)));

    for (Column filter : filters) {
      spark.conf().set(SETTING, "true");
      Dataset<Row> late = spark.read().parquet(table.toString()).filter(filter).select("id", "s", "d", "dec", "flag");
      List<Row> withLate = late.orderBy("id").collectAsList();
      spark.conf().set(SETTING, "false");
      List<Row> without = spark.read().parquet(table.toString()).filter(filter).select("id", "s", "d", "dec", "flag")
          .orderBy("id").collectAsList();
      assertEquals(without.size(), withLate.size(), filter.toString());
      assertEquals(without.toString(), withLate.toString(), filter.toString());
    }
  }

  @Test
  void theSettingDefaultsToTrueAndRejectsNonBooleans() {
    SparkSession spark = sessions.start("local[1]");
    assertEquals("true", spark.conf().get(SETTING));
    spark.conf().set(SETTING, "maybe");
    Exception error = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> spark.range(3).collectAsList());
    assertTrue(error.getMessage().contains(SETTING), error.getMessage());
    assertFalse(error.getMessage().isEmpty());
  }
}
