package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkThrowable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code df.write()} through the public API: layout, save modes, partitioning, failed writes. */
class DataFrameWriterEndToEndTest {
  private static final Pattern PART_FILE =
      Pattern.compile("part-\\d{5}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-c000\\.csv");

  @TempDir
  Path directory;

  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.map(child -> child.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> siblings(Path dir) throws IOException {
    return names(dir.getParent());
  }

  @Test
  void writesPartFilesAndSuccessMarkerThatReadBackIdentical() throws IOException {
    SparkSession spark = sessions.start("local[3]");
    Path out = directory.resolve("out");
    Dataset<Row> data = spark.range(0, 20000).select(functions.expr("id"), functions.expr("cast(id * 2 as string) as doubled"));
    data.write().option("header", "true").csv(out.toString());

    List<String> names = names(out);
    assertTrue(names.contains("_SUCCESS"), names.toString());
    List<String> parts = names.stream().filter(name -> name.startsWith("part-")).toList();
    assertFalse(parts.isEmpty());
    parts.forEach(name -> assertTrue(PART_FILE.matcher(name).matches(), name));
    assertEquals(List.of("out"), siblings(out), "no staging directory is left beside the output");

    Dataset<Row> back = spark.read().option("header", "true").option("inferSchema", "true").csv(out.toString());
    assertEquals(20000L, back.count());
    assertEquals(199990000L, back.agg(functions.sum("id")).collectAsList().get(0).getLong(0));
  }

  private static List<String> partFiles(Path dir) throws IOException {
    return names(dir).stream().filter(name -> name.startsWith("part-")).toList();
  }

  @Test
  void coalesceOneWritesOneFileInTheSortedOrder() throws IOException {
    SparkSession spark = sessions.start("local[3]");
    Path out = directory.resolve("one");
    spark.range(0, 50_000).orderBy(functions.col("id").desc()).coalesce(1).write().csv(out.toString());
    List<String> parts = partFiles(out);
    assertEquals(1, parts.size(), parts.toString());
    List<String> lines = Files.readAllLines(out.resolve(parts.get(0)));
    assertEquals(50_000, lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(Integer.toString(49_999 - i), lines.get(i));
    }
  }

  @Test
  void repartitionWritesAsManyFilesAsAskedEvenThroughAProjection() throws IOException {
    SparkSession spark = sessions.start("local[2]");
    Path out = directory.resolve("five");
    spark.range(0, 1000).repartition(5).select(functions.col("id").plus(1).as("next")).filter("next > 10")
        .write().csv(out.toString());
    List<String> parts = partFiles(out);
    assertEquals(5, parts.size(), parts.toString());
    Dataset<Row> back = spark.read().schema("next BIGINT").csv(out.toString());
    assertEquals(990L, back.count());
    assertEquals(500_500L - 55L, back.agg(functions.sum("next")).collectAsList().get(0).getLong(0));
  }

  @Test
  void repartitionByColumnsPutsEachKeyIntoOneFile() throws IOException {
    SparkSession spark = sessions.start("local[2]");
    Path out = directory.resolve("keys");
    spark.range(0, 20_000).select(functions.col("id"), functions.col("id").mod(37).as("key"))
        .repartition(4, functions.col("key")).write().csv(out.toString());
    List<String> parts = partFiles(out);
    assertTrue(parts.size() <= 4 && parts.size() > 1, parts.toString());
    java.util.Set<String> seen = new java.util.HashSet<>();
    long rows = 0;
    for (String part : parts) {
      java.util.Set<String> keys = new java.util.HashSet<>();
      for (String line : Files.readAllLines(out.resolve(part))) {
        keys.add(line.split(",")[1]);
        rows++;
      }
      for (String key : keys) {
        assertTrue(seen.add(key), "key " + key + " is in two files");
      }
    }
    assertEquals(37, seen.size());
    assertEquals(20_000, rows);
  }

  @Test
  void repartitionChangesNoQueryResult() {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> data = spark.range(0, 100).select(functions.col("id"), functions.col("id").mod(3).as("key"));
    assertEquals(100L, data.repartition(7).count());
    assertEquals(100L, data.coalesce(1).filter("id >= 0").count());
    assertEquals(3L, data.repartition(functions.col("key")).groupBy("key").count().count());
    assertThrows(IllegalArgumentException.class, () -> data.repartition(0));
    assertThrows(IllegalArgumentException.class, () -> data.coalesce(-1));
  }

  @Test
  void emptyResultWritesOneEmptyPartFile() throws IOException {
    SparkSession spark = sessions.start("local[2]");
    Path out = directory.resolve("empty");
    spark.range(0, 10).filter("id > 100").write().csv(out.toString());
    List<String> names = names(out);
    assertEquals(2, names.size(), names.toString());
    assertEquals("_SUCCESS", names.get(0));
    assertEquals(0L, Files.size(out.resolve(names.get(1))));
  }

  @Test
  void saveModesFollowSpark() throws IOException {
    SparkSession spark = sessions.start("local[1]");
    Path out = directory.resolve("modes");
    spark.range(0, 3).write().csv(out.toString());
    List<String> first = names(out);

    AnalysisException exists = assertThrows(AnalysisException.class, () -> spark.range(1).write().csv(out.toString()));
    assertEquals("PATH_ALREADY_EXISTS", exists.getCondition());
    assertEquals("[PATH_ALREADY_EXISTS] Path file:" + out.toAbsolutePath() + " already exists. Set mode as "
        + "\"overwrite\" to overwrite the existing path. SQLSTATE: 42K04", exists.getMessage());

    spark.range(1).write().mode("ignore").csv(out.toString());
    assertEquals(first, names(out));

    spark.range(5, 7).write().mode(SaveMode.Append).csv(out.toString());
    assertEquals(5L, spark.read().csv(out.toString()).count());
    assertEquals(first.size() + 1, names(out).size());

    spark.range(100, 101).write().mode("OVERWRITE").csv(out.toString());
    List<Row> rows = spark.read().csv(out.toString()).collectAsList();
    assertEquals(1, rows.size());
    assertEquals("100", rows.get(0).getString(0));

    AnalysisException invalid = assertThrows(AnalysisException.class, () -> spark.range(1).write().mode("bogus"));
    assertEquals("INVALID_SAVE_MODE", invalid.getCondition());
    assertEquals("[INVALID_SAVE_MODE] The specified save mode \"bogus\" is invalid. Valid save modes include "
        + "\"append\", \"overwrite\", \"ignore\", \"error\", \"errorifexists\", and \"default\". SQLSTATE: 42000",
        invalid.getMessage());
  }

  @Test
  void failureMidwayKeepsPreviousOutputAndLeavesNoStaging() throws IOException {
    SparkSession spark = sessions.start("local[2]");
    Path out = directory.resolve("keep");
    spark.range(0, 5).write().csv(out.toString());
    List<String> before = names(out);

    // ANSI division by zero at row 30000: several batches have been written by then.
    RuntimeException failure = assertThrows(RuntimeException.class, () -> spark.range(0, 100000)
        .select(functions.expr("id"), functions.expr("10 / (id - 30000) as q")).write().mode("overwrite").csv(out.toString()));
    assertEquals("DIVIDE_BY_ZERO", ((SparkThrowable) failure).getCondition());
    assertEquals(before, names(out));
    assertEquals(5L, spark.read().csv(out.toString()).count());
    assertEquals(List.of("keep"), siblings(out));

    Path fresh = directory.resolve("fresh");
    assertThrows(RuntimeException.class, () -> spark.range(0, 100000)
        .select(functions.expr("10 / (id - 30000) as q")).write().csv(fresh.toString()));
    assertFalse(Files.exists(fresh), "a failed first write publishes nothing");
  }

  /** Spark deletes the output first and then fails to read it; staging lets Ember read it while writing. */
  @Test
  void overwritingThePathBeingReadKeepsItsRowsUntilTheNewOnesAreIn() throws IOException {
    SparkSession spark = sessions.start("local[2]");
    Path out = directory.resolve("self");
    spark.range(0, 10).write().csv(out.toString());
    spark.read().schema("id BIGINT").csv(out.toString()).filter("id >= 7").write().mode("overwrite").csv(out.toString());
    List<Row> rows = spark.read().schema("id BIGINT").csv(out.toString()).orderBy("id").collectAsList();
    assertEquals(List.of(7L, 8L, 9L), rows.stream().map(row -> row.getLong(0)).toList());
  }

  @Test
  void leftoverStagingOfAKilledWriteIsNotReadAndIsCleanedByTheNextWrite() throws IOException {
    SparkSession spark = sessions.start("local[1]");
    Path out = directory.resolve("data");
    spark.range(0, 2).write().csv(out.toString());
    Path leftover = directory.resolve(".data.ember-staging-killed");
    Files.createDirectories(leftover);
    Files.writeString(leftover.resolve("part-00000-killed-c000.csv"), "999\n");

    assertEquals(2L, spark.read().csv(out.toString()).count());
    assertEquals(2L, spark.read().csv(directory.toString() + "/data").count());
    spark.range(2, 3).write().mode("append").csv(out.toString());
    assertFalse(Files.exists(leftover));
    assertEquals(3L, spark.read().csv(out.toString()).count());
  }

  @Test
  void partitionByWritesHiveDirectoriesWithoutThePartitionColumns() throws IOException {
    SparkSession spark = sessions.start("local[2]");
    Path input = directory.resolve("in.csv");
    Files.writeString(input, "year,month,v\n2024,1,a\n2024,2,b\n,1,c\n2023,1,d\na/b=c d%,3,e\n");
    Path out = directory.resolve("parts");
    spark.read().option("header", "true").csv(input.toString()).write().partitionBy("year", "MONTH")
        .csv(out.toString());

    assertEquals(List.of("_SUCCESS", "year=2023", "year=2024", "year=__HIVE_DEFAULT_PARTITION__", "year=a%2Fb%3Dc d%25"),
        names(out));
    assertEquals(List.of("month=1", "month=2"), names(out.resolve("year=2024")));
    Path leaf = out.resolve("year=2024").resolve("month=2");
    List<String> files = names(leaf);
    assertEquals(1, files.size());
    assertTrue(files.get(0).matches("part-\\d{5}-[0-9a-f-]{36}\\.c000\\.csv"), files.get(0));
    assertEquals("b\n", Files.readString(leaf.resolve(files.get(0))));
  }

  @Test
  void partitionByErrorsFollowSpark() {
    SparkSession spark = sessions.start("local[1]");
    String out = directory.resolve("x").toString();
    AnalysisException missing = assertThrows(AnalysisException.class,
        () -> spark.range(1).write().partitionBy("nope").csv(out));
    assertEquals("_LEGACY_ERROR_TEMP_1155", missing.getCondition());
    assertEquals("Partition column `nope` not found in schema struct<id:bigint>.", missing.getMessage());
    AnalysisException all = assertThrows(AnalysisException.class,
        () -> spark.range(1).write().partitionBy("id").csv(out));
    assertEquals("ALL_PARTITION_COLUMNS_NOT_ALLOWED", all.getCondition());
    assertEquals(Map.of(), all.getMessageParameters());
    assertFalse(Files.exists(directory.resolve("x")));
  }

  @Test
  void timestampsAreWrittenInTheSessionTimeZone() throws IOException {
    SparkSession spark = sessions.start("local[1]", Map.of("spark.sql.session.timeZone", "America/Los_Angeles"));
    Path input = directory.resolve("ts.csv");
    Files.writeString(input, "t\n2024-01-02T03:04:05.123Z\n");
    Path out = directory.resolve("ts");
    spark.read().option("header", "true").schema("t TIMESTAMP").csv(input.toString()).write().csv(out.toString());
    String part = names(out).stream().filter(name -> name.startsWith("part-")).findFirst().orElseThrow();
    assertEquals("2024-01-01T19:04:05.123-08:00\n", Files.readString(out.resolve(part)));
  }
}
