package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session's {@code spark.sql.parquet.outputTimestampType} and {@code spark.sql.parquet.compression.codec}
 * decide how {@code df.write().parquet(…)} stores timestamps (nested ones too) and compresses, as in Spark.
 */
class ParquetWriteSettingsEndToEndTest {
  @TempDir
  Path directory;

  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  private Dataset<Row> timestamps(SparkSession spark) throws Exception {
    Path json = directory.resolve("timestamps.json");
    Files.writeString(json, """
        {"t": "2024-01-02T03:04:05.123456Z", "a": ["1969-12-31T23:59:59.999999Z", null]}
        {"t": null, "a": []}
        """);
    return spark.read().schema("t TIMESTAMP, a ARRAY<TIMESTAMP>").json(json.toString());
  }

  @Test
  void millisecondTimestampsAndTheSessionCodec() throws Exception {
    SparkSession spark = sessions.start("local[1]");
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS");
    spark.conf().set("spark.sql.parquet.compression.codec", "gzip");
    Path out = directory.resolve("millis");
    timestamps(spark).write().parquet(out.toString());

    Path part = onlyPartFile(out);
    assertTrue(part.getFileName().toString().endsWith(".gz.parquet"), part.toString());
    MessageType schema = footerSchema(part);
    assertEquals("TIMESTAMP(MILLIS,true)", schema.getType("t").getLogicalTypeAnnotation().toString());
    assertEquals("int64 element (TIMESTAMP(MILLIS,true))",
        schema.getType("a").asGroupType().getType(0).asGroupType().getType(0).toString().replace("optional ", ""));

    List<Row> rows = spark.read().parquet(out.toString()).orderBy("t").collectAsList();
    assertEquals(2, rows.size());
    assertEquals(null, rows.get(0).get(0));
    assertEquals(Instant.parse("2024-01-02T03:04:05.123Z"), rows.get(1).getTimestamp(0).toInstant());
    List<java.sql.Timestamp> nested = rows.get(1).getList(1);
    // Millisecond storage drops the sub-millisecond digits towards the past, also before 1970.
    assertEquals(Instant.parse("1969-12-31T23:59:59.999Z"), nested.get(0).toInstant());
    assertEquals(null, nested.get(1));
  }

  @Test
  void theWriteOptionOverridesTheSessionCodecAndInt96IsTheDefault() throws Exception {
    SparkSession spark = sessions.start("local[1]");
    spark.conf().set("spark.sql.parquet.compression.codec", "gzip");
    Path out = directory.resolve("zstd");
    timestamps(spark).write().option("compression", "zstd").parquet(out.toString());
    Path part = onlyPartFile(out);
    assertTrue(part.getFileName().toString().endsWith(".zstd.parquet"), part.toString());
    assertEquals("INT96", footerSchema(part).getType("t").asPrimitiveType().getPrimitiveTypeName().name());
  }

  @Test
  void valuesOutsideTheSettingsChoicesAreRejectedWhenSet() throws Exception {
    SparkSession spark = sessions.start("local[1]");
    IllegalArgumentException timestamps = assertThrows(IllegalArgumentException.class,
        () -> spark.conf().set("spark.sql.parquet.outputTimestampType", "bogus"));
    assertEquals("[INVALID_CONF_VALUE.OUT_OF_RANGE_OF_OPTIONS] The value 'bogus' in the config"
        + " \"spark.sql.parquet.outputTimestampType\" is invalid. It should be one of"
        + " 'INT96, TIMESTAMP_MICROS, TIMESTAMP_MILLIS'. SQLSTATE: 22022", timestamps.getMessage());
    IllegalArgumentException codec = assertThrows(IllegalArgumentException.class,
        () -> spark.conf().set("spark.sql.parquet.compression.codec", "bogus"));
    assertEquals("[INVALID_CONF_VALUE.OUT_OF_RANGE_OF_OPTIONS] The value 'bogus' in the config"
        + " \"spark.sql.parquet.compression.codec\" is invalid. It should be one of"
        + " 'brotli, uncompressed, lzo, snappy, lz4_raw, none, zstd, lz4, gzip'. SQLSTATE: 22022", codec.getMessage());
    assertEquals("INT96", spark.conf().get("spark.sql.parquet.outputTimestampType"));
    assertEquals("snappy", spark.conf().get("spark.sql.parquet.compression.codec"));
  }

  private static Path onlyPartFile(Path output) throws Exception {
    try (Stream<Path> files = Files.list(output)) {
      List<Path> parts = files.filter(file -> file.getFileName().toString().startsWith("part-")).toList();
      assertEquals(1, parts.size(), parts.toString());
      return parts.get(0);
    }
  }

  private static MessageType footerSchema(Path file) throws Exception {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }
}
