package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.io.json.JsonOptions;
import dev.ember.runtime.io.json.JsonSource;
import dev.ember.runtime.io.json.JsonWriterFactory;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON written by one engine and read by the other: Ember reads what Spark 4.2 wrote and shows the
 * same tables; Ember's writer, fed the rows it read, writes Spark's bytes, and Spark reads them back.
 */
class JsonRoundTripTest {
  private static final String SCHEMA = "i INT, l BIGINT, s STRING, b BOOLEAN, d DOUBLE, f FLOAT, dec DECIMAL(10,2),"
      + " dt DATE, ts TIMESTAMP, by TINYINT, sh SMALLINT, bin BINARY";
  /** Binary columns are left out of show(): the comparison is about JSON, not binary display. */
  private static final String[] SHOWN_REST = {"l", "s", "b", "d", "f", "dec", "dt", "ts", "by", "sh"};

  @TempDir
  static Path directory;
  private static Path sparkPart;
  private static Path sparkGzipPart;

  @BeforeAll
  static void sparkWrites() throws IOException {
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows = SparkOracle.session().sql(
        "SELECT * FROM VALUES"
            + " (1, 2L, 'q\"\\\\ é', true, 1.5D, CAST(1.5 AS FLOAT), CAST(12.30 AS DECIMAL(10,2)), DATE'2020-01-02',"
            + "  TIMESTAMP'2020-01-02 03:04:05.123456', CAST(1 AS TINYINT), CAST(2 AS SMALLINT), X'0102'),"
            + " (-7, 9000000000L, '', false, CAST('NaN' AS DOUBLE), CAST('-Infinity' AS FLOAT), CAST(-0.5 AS DECIMAL(10,2)),"
            + "  DATE'1500-03-01', TIMESTAMP'1969-12-31 23:59:59.9', CAST(-1 AS TINYINT), CAST(-2 AS SMALLINT), X''),"
            + " (NULL, NULL, NULL, NULL, 1.0E20D, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"
            + " AS t(i, l, s, b, d, f, dec, dt, ts, by, sh, bin)");
    rows.coalesce(1).write().json(directory.resolve("spark").toString());
    rows.coalesce(1).write().option("compression", "gzip").json(directory.resolve("spark-gzip").toString());
    sparkPart = onlyPart(directory.resolve("spark"));
    sparkGzipPart = onlyPart(directory.resolve("spark-gzip"));
  }

  private static Path onlyPart(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
    }
  }

  @Test
  void emberReadsWhatSparkWrote() throws Exception {
    for (String dir : new String[] {"spark", "spark-gzip"}) {
      String path = directory.resolve(dir).toString();
      String spark = ConsoleCapture.capture(() -> {
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> inferred =
            SparkOracle.session().read().format("json").load(path);
        inferred.printSchema();
        inferred.show(false);
        SparkOracle.session().read().format("json").schema(SCHEMA).load(path).select("i", SHOWN_REST).show(false);
      });
      String ember = ConsoleCapture.capture(() -> {
        dev.ember.sql.Dataset<dev.ember.sql.Row> inferred = EmberSessions.session().read().format("json").load(path);
        inferred.printSchema();
        inferred.show(false);
        EmberSessions.session().read().format("json").schema(SCHEMA).load(path).select("i", SHOWN_REST).show(false);
      });
      assertEquals(spark, ember, "reading " + dir);
    }
  }

  @Test
  void emberWritesSparksBytesAndSparkReadsThem() throws Exception {
    for (Map.Entry<Path, Map<String, String>> entry
        : Map.of(sparkPart, Map.<String, String>of(), sparkGzipPart, Map.of("compression", "gzip")).entrySet()) {
      Path sparkFile = entry.getKey();
      Map<String, String> options = entry.getValue();
      Path emberDirectory = Files.createDirectories(directory.resolve("ember-" + options.size()));
      JsonWriterFactory factory = new JsonWriterFactory(JsonOptions.parse(options), ZoneId.of("UTC"));
      Path emberFile = emberDirectory.resolve("part-00000" + factory.extension());
      copyThroughEmber(sparkFile, emberFile, factory);

      assertEquals(text(sparkFile), text(emberFile), "Ember's JSON differs from Spark's for " + options);
      String readSpark = ConsoleCapture.capture(() -> SparkOracle.session().read().format("json").schema(SCHEMA)
          .load(sparkFile.getParent().toString()).show(false));
      String readEmber = ConsoleCapture.capture(() -> SparkOracle.session().read().format("json").schema(SCHEMA)
          .load(emberDirectory.toString()).show(false));
      assertEquals(readSpark, readEmber);
    }
  }

  /** Reads Spark's file with Ember's JSON source and writes the batches with Ember's JSON writer. */
  private static void copyThroughEmber(Path source, Path target, JsonWriterFactory factory) {
    StructType schema = StructType.fromDDL(SCHEMA);
    int[] all = new int[schema.length()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    JsonSource reader = new JsonSource(List.of(source), schema, JsonOptions.defaults(), all, 1L << 20, ZoneId.of("UTC"));
    try (BufferAllocator allocator = Allocators.newRoot()) {
      BatchFileWriter writer = factory.open(target, schema, allocator);
      try {
        for (Morsel morsel : reader.morsels()) {
          try (BatchStream stream = reader.open(morsel, allocator)) {
            for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
              try (ColumnBatch borrowed = batch) {
                writer.write(borrowed);
              }
            }
          }
        }
        writer.close();
      } catch (RuntimeException e) {
        writer.abort();
        throw e;
      }
    }
  }

  private static String text(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (file.toString().endsWith(".gz")) {
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      }
    }
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }
}
