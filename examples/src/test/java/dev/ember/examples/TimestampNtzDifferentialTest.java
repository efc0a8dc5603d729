package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timestamps without a time zone in Parquet files: files Spark 4.2 writes, files shaped as pyarrow
 * and pandas write naive timestamps (INT64 TIMESTAMP(MILLIS|MICROS, isAdjustedToUTC=false), also in a
 * list) and files Ember writes. Spark and Ember must print the same schema and table in UTC and in a
 * zone with daylight saving, where a shifted value would show.
 */
class TimestampNtzDifferentialTest {
  private static final List<String> ZONES = List.of("UTC", "America/Los_Angeles");

  @TempDir Path directory;

  private static String show(Dataset<Row> frame) throws Exception {
    return ConsoleCapture.capture(() -> {
      frame.printSchema();
      frame.orderBy("id").show(false);
    });
  }

  private static String show(dev.ember.sql.Dataset<dev.ember.sql.Row> frame) throws Exception {
    return ConsoleCapture.capture(() -> {
      frame.printSchema();
      frame.orderBy("id").show(false);
    });
  }

  /** Both engines read {@code path} in each zone and must agree. */
  private static void bothReadEqual(String path) throws Exception {
    SparkSession spark = SparkOracle.session();
    dev.ember.sql.SparkSession ember = EmberSessions.session();
    try {
      for (String zone : ZONES) {
        spark.conf().set("spark.sql.session.timeZone", zone);
        ember.conf().set("spark.sql.session.timeZone", zone);
        assertEquals(show(spark.read().parquet(path)), show(ember.read().parquet(path)), "in " + zone);
      }
    } finally {
      spark.conf().set("spark.sql.session.timeZone", "UTC");
      ember.conf().set("spark.sql.session.timeZone", "UTC");
    }
  }

  @Test
  void emberReadsWhatSparkWrites() throws Exception {
    String path = directory.resolve("spark").toString();
    SparkOracle.session().sql("""
        SELECT id,
          CASE WHEN id % 4 = 1 THEN NULL
            ELSE TIMESTAMP_NTZ '2024-03-10 02:30:00.123456' + make_interval(0, 0, 0, CAST(id * 37 AS INT), id, 0, id * 1.5)
          END AS wall,
          TIMESTAMP_NTZ '1500-01-01 00:00:00' AS old,
          array(TIMESTAMP_NTZ '2024-11-03 01:30:00', NULL) AS list
        FROM range(0, 12)
        """).coalesce(1).write().parquet(path);
    bothReadEqual(path);
  }

  @Test
  void emberReadsNaiveTimestampsAsPyarrowWritesThem() throws Exception {
    MessageType schema = Types.buildMessage()
        .required(PrimitiveTypeName.INT64).named("id")
        .optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MILLIS)).named("millis")
        .optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named("micros")
        .optionalGroup().as(LogicalTypeAnnotation.listType())
            .repeatedGroup().optional(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
                .named("element").named("list")
            .named("nested")
        .named("schema");
    Path file = directory.resolve("naive.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(
            HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toString()), new Configuration()))
        .withType(schema).build()) {
      for (int id = 0; id < 6; id++) {
        LocalDateTime wall = LocalDateTime.of(2024, 3, 10, 2, 30, 15).plusHours(id * 7L).minusYears(id == 5 ? 600 : 0);
        long micros = wall.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + id * 1_001L;
        Group row = groups.newGroup().append("id", (long) id);
        if (id != 2) {
          row.append("millis", Math.floorDiv(micros, 1_000L));
          row.append("micros", micros);
        }
        Group list = row.addGroup("nested");
        list.addGroup("list").append("element", micros);
        list.addGroup("list");
        writer.write(row);
      }
    }
    bothReadEqual(file.toString());
  }

  @Test
  void sparkReadsWhatEmberWrites() throws Exception {
    String path = directory.resolve("ember").toString();
    EmberSessions.session().range(0, 8).selectExpr("id",
            "CASE WHEN id = 3 THEN NULL ELSE CAST(concat('2024-03-10 0', CAST(id AS STRING), ':30:00.25') AS TIMESTAMP_NTZ) END AS wall")
        .write().parquet(path);
    bothReadEqual(path);
  }
}
