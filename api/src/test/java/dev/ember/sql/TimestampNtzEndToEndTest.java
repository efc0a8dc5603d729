package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import dev.ember.sql.types.DataTypes;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timestamps without a time zone through the public API, generated and interpreted, in a session zone
 * with daylight saving; the expected values were observed on Spark 4.2.0 in the same zone.
 */
class TimestampNtzEndToEndTest {
  private static final String ZONE = "America/Los_Angeles";

  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @TempDir
  Path directory;

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  private SparkSession start(String codegen) {
    return sessions.start("local[1]", Map.of("spark.sql.codegen.wholeStage", codegen,
        "spark.sql.session.timeZone", ZONE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void literalsShowCollectAndSchema(String codegen) {
    SparkSession spark = start(codegen);
    Dataset<Row> values = spark.range(1).selectExpr("TIMESTAMP_NTZ '2024-01-02 03:04:05.120' AS t",
        "TIMESTAMP_NTZ '1500-01-01 00:00:00' AS old", "TIMESTAMP_NTZ '2024-03-10 02:30:00' AS gap");
    assertEquals(DataTypes.TimestampNTZType, values.schema().apply("t").dataType());
    assertEquals("struct<t:timestamp_ntz,old:timestamp_ntz,gap:timestamp_ntz>", values.schema().simpleString());
    Row row = values.collectAsList().get(0);
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000), row.get(0));
    assertEquals(LocalDateTime.of(1500, 1, 1, 0, 0), row.get(1));
    assertEquals(LocalDateTime.of(2024, 3, 10, 2, 30), row.get(2));
    assertEquals("""
        +--------------------+-------------------+-------------------+
        |                   t|                old|                gap|
        +--------------------+-------------------+-------------------+
        |2024-01-02 03:04:...|1500-01-01 00:00:00|2024-03-10 02:30:00|
        +--------------------+-------------------+-------------------+
        """, values.showString(20, 20, false));

    Dataset<Row> fromJava = spark.range(1).select(lit(LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
    assertEquals(List.of("TIMESTAMP_NTZ '2024-01-02 03:04:05'"), List.of(fromJava.columns()));
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), fromJava.collectAsList().get(0).get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void castsGoThroughTheSessionZone(String codegen) {
    SparkSession spark = start(codegen);
    Row row = spark.range(1).selectExpr(
        "CAST(CAST(TIMESTAMP_NTZ '2024-03-10 02:30:00' AS TIMESTAMP) AS STRING)",
        "CAST(CAST(CAST(TIMESTAMP_NTZ '2024-03-10 10:30:00' AS TIMESTAMP) AS TIMESTAMP_NTZ) AS STRING)",
        "CAST(TIMESTAMP_NTZ '2024-01-02 23:04:05' AS DATE)",
        "CAST(DATE '2024-01-02' AS TIMESTAMP_NTZ)",
        "CAST(TIMESTAMP_NTZ '2024-01-02 03:04:05.5' AS STRING)",
        "CAST('2024-01-02T03:04:05.123456789' AS TIMESTAMP_NTZ)",
        "CAST('2024-01-02 03:04:05+01:00' AS TIMESTAMP_NTZ)",
        "CAST(CAST(TIMESTAMP_NTZ '2024-11-03 01:30:00' AS TIMESTAMP) AS STRING)").collectAsList().get(0);
    assertEquals("2024-03-10 03:30:00", row.get(0));
    assertEquals("2024-03-10 10:30:00", row.get(1));
    assertEquals("2024-01-02", row.get(2).toString());
    assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0), row.get(3));
    assertEquals("2024-01-02 03:04:05.5", row.get(4));
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), row.get(5));
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), row.get(6));
    assertEquals("2024-11-03 01:30:00", row.get(7));

    SparkException malformed = assertThrows(SparkException.class,
        () -> spark.range(1).selectExpr("CAST(CAST(id AS STRING) || 'x' AS TIMESTAMP_NTZ)").collectAsList());
    assertEquals("CAST_INVALID_INPUT", malformed.getCondition());
    spark.conf().set("spark.sql.ansi.enabled", "false");
    assertNull(spark.range(1).selectExpr("CAST(CAST(id AS STRING) || 'x' AS TIMESTAMP_NTZ)")
        .collectAsList().get(0).get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void comparesSortsAndAggregates(String codegen) {
    SparkSession spark = start(codegen);
    Dataset<Row> values = spark.range(4).selectExpr("id", "CAST(CONCAT('2024-01-0', CAST(4 - id AS STRING), ' 10:00:00') AS TIMESTAMP_NTZ) AS t");
    assertEquals(List.of(3L, 2L, 1L, 0L),
        values.orderBy(col("t")).collectAsList().stream().map(row -> row.get(0)).toList());
    assertEquals(List.of(0L, 1L), values.filter("t > TIMESTAMP_NTZ '2024-01-03 00:00:00'").orderBy("id")
        .collectAsList().stream().map(row -> row.get(0)).toList());
    assertEquals(2L, values.filter("t >= DATE '2024-01-03'").count());
    assertEquals(1L, values.filter("t = '2024-01-04 10:00:00'").count());
    Row extremes = values.selectExpr("min(t)", "max(t)", "count(t)").collectAsList().get(0);
    assertEquals(LocalDateTime.of(2024, 1, 1, 10, 0), extremes.get(0));
    assertEquals(LocalDateTime.of(2024, 1, 4, 10, 0), extremes.get(1));
    assertEquals(4L, extremes.get(2));
    assertEquals(4L, values.groupBy("t").count().count());
    Dataset<Row> other = values.selectExpr("id AS other", "t AS u");
    assertEquals(4L, values.join(other, col("t").equalTo(col("u"))).count());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void dateTimeFunctionsSeeTheWallClock(String codegen) {
    SparkSession spark = start(codegen);
    Dataset<Row> values = spark.range(1).selectExpr("TIMESTAMP_NTZ '2024-03-10 23:30:00' AS t");
    Dataset<Row> result = values.selectExpr("year(t)", "month(t)", "day(t)", "hour(t)", "minute(t)",
        "dayofweek(t)", "to_date(t)", "date_add(t, 1)", "date_format(t, 'yyyy-MM-dd HH:mm XXX')", "upper(t)");
    assertEquals(List.of("year(t)", "month(t)", "day(t)", "hour(t)", "minute(t)", "dayofweek(t)", "to_date(t)",
        "date_add(t, 1)", "date_format(t, yyyy-MM-dd HH:mm XXX)", "upper(t)"), List.of(result.columns()));
    Row row = result.collectAsList().get(0);
    assertEquals(List.of(2024, 3, 10, 23, 30, 1), List.of(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4),
        row.get(5)));
    assertEquals("2024-03-10", row.get(6).toString());
    assertEquals("2024-03-11", row.get(7).toString());
    assertEquals("2024-03-10 23:30 -07:00", row.get(8));
    assertEquals("2024-03-10 23:30:00", row.get(9));

    Dataset<Row> union = values.union(spark.range(1).selectExpr("DATE '2024-01-01' AS t"));
    assertEquals(DataTypes.TimestampNTZType, union.schema().apply("t").dataType());
    Dataset<Row> withInstant = values.union(spark.range(1).selectExpr("CAST(DATE '2024-01-01' AS TIMESTAMP) AS t"));
    assertEquals(DataTypes.TimestampType, withInstant.schema().apply("t").dataType());
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "arrow"})
  void filesKeepTheType(String format) {
    SparkSession spark = start("true");
    String path = directory.resolve("ntz." + format).toString();
    spark.range(2).selectExpr("id", "CAST(DATE '2024-01-01' AS TIMESTAMP_NTZ) AS t")
        .write().format(format).save(path);
    Dataset<Row> read = spark.read().format(format).load(path).orderBy("id");
    assertEquals(DataTypes.TimestampNTZType, read.schema().apply("t").dataType());
    assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), read.collectAsList().get(1).get(1));
    if (format.equals("parquet")) {
      // Spark reads the wall-clock micros as UTC instants when the user asks for a timestamp.
      Row asInstant = spark.read().schema("id BIGINT, t TIMESTAMP").parquet(path).orderBy("id").collectAsList().get(0);
      assertEquals(java.sql.Timestamp.from(java.time.Instant.parse("2024-01-01T00:00:00Z")), asInstant.get(1));
    }
  }
}
