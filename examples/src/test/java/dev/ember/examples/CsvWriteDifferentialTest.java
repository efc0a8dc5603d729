package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code df.write().csv(...)} on Apache Spark 4.2 and on Ember from the same input: the same
 * directory layout (part-file names up to the random job id, {@code _SUCCESS}, Hive partition
 * directories), byte-identical part files for each option set, and each engine reads the other's
 * output as it reads its own.
 */
class CsvWriteDifferentialTest {
  private static final String SCHEMA =
      "s STRING, i INT, d DOUBLE, day DATE, ts TIMESTAMP, dec DECIMAL(10,2), b BOOLEAN";
  private static final String INPUT = """
      s,i,d,day,ts,dec,b
      plain,1,1.0,2024-01-02,2024-01-02T03:04:05.123Z,1.50,true
      "a,b",2,1.0E10,,2024-01-02T03:04:05Z,,false
      "he said \\"hi\\"",,NaN,,,,
      " lead",4,1.0E-5,2000-02-29,,-3.25,true
      "trail ",5,123456789.123,,,,false
      "",6,-0.0,,,,
      ,7,0.001,,,,true
      "#hash",8,2.0,,,,false
      "back\\\\slash\\"q",9,1e21,,1999-12-31T23:59:59.999999Z,99999999.99,true
      tab\tx,10,-1.5,1970-01-01,1970-01-01T00:00:00Z,0.01,false
      é ü 中,11,3.0,,,,true
      """;

  @TempDir
  static Path directory;

  private static String input;

  @BeforeAll
  static void writeInput() throws IOException {
    input = directory.resolve("input.csv").toString();
    Files.writeString(Path.of(input), INPUT, StandardCharsets.UTF_8);
  }

  static Stream<Map<String, String>> optionSets() {
    return Stream.of(Map.of(), Map.of("header", "true"), Map.of("quoteAll", "true"),
        Map.of("sep", ";", "quote", "'", "escape", "\\"), Map.of("nullValue", "NULL", "emptyValue", "EMPTY"),
        Map.of("dateFormat", "dd/MM/yyyy", "timestampFormat", "yyyy-MM-dd HH:mm:ss"), Map.of("escape", "\""),
        Map.of("compression", "gzip", "header", "true"), Map.of("sep", "\t", "nullValue", "\\N"));
  }

  @ParameterizedTest
  @MethodSource("optionSets")
  void partFilesAreByteIdentical(Map<String, String> options) throws IOException {
    String name = "bytes" + Math.abs(options.hashCode());
    Path sparkOut = directory.resolve("spark-" + name);
    Path emberOut = directory.resolve("ember-" + name);
    SparkOracle.session().read().option("header", "true").schema(SCHEMA).csv(input)
        .write().options(options).csv(sparkOut.toString());
    EmberSessions.session().read().option("header", "true").schema(SCHEMA).csv(input)
        .write().options(options).csv(emberOut.toString());

    assertEquals(layout(sparkOut), layout(emberOut));
    assertEquals(content(sparkOut), content(emberOut), "part files written with " + options);
  }

  @Test
  void sparkReadsEmbersOutputAsItsOwnAndEmberReadsSparks() throws IOException {
    Path sparkOut = directory.resolve("spark-read");
    Path emberOut = directory.resolve("ember-read");
    SparkOracle.session().read().option("header", "true").schema(SCHEMA).csv(input)
        .write().option("header", "true").csv(sparkOut.toString());
    EmberSessions.session().read().option("header", "true").schema(SCHEMA).csv(input)
        .write().option("header", "true").csv(emberOut.toString());

    List<String> sparkReadsSpark = sparkRows(sparkOut.toString());
    assertEquals(11, sparkReadsSpark.size());
    assertEquals(sparkReadsSpark, sparkRows(emberOut.toString()), "Spark reading Ember's output");
    assertEquals(sparkReadsSpark, emberRows(sparkOut.toString()), "Ember reading Spark's output");
    assertEquals(sparkReadsSpark, emberRows(emberOut.toString()), "Ember reading its own output");
  }

  @Test
  void partitionedLayoutMatchesSparkAndReadsBack() throws IOException {
    Path sparkOut = directory.resolve("spark-parts");
    Path emberOut = directory.resolve("ember-parts");
    SparkOracle.session().read().option("header", "true").schema(SCHEMA).csv(input)
        .write().partitionBy("b", "s").csv(sparkOut.toString());
    EmberSessions.session().read().option("header", "true").schema(SCHEMA).csv(input)
        .write().partitionBy("b", "s").csv(emberOut.toString());

    assertEquals(layout(sparkOut), layout(emberOut));
    assertEquals(sortedRows(SparkOracle.session().read().csv(sparkOut.toString())),
        sortedRows(SparkOracle.session().read().csv(emberOut.toString())));
  }

  @Test
  void emptyResultLayoutMatchesSpark() throws IOException {
    Path sparkOut = directory.resolve("spark-empty");
    Path emberOut = directory.resolve("ember-empty");
    SparkOracle.session().read().option("header", "true").schema(SCHEMA).csv(input).filter("i > 100")
        .write().option("header", "true").csv(sparkOut.toString());
    EmberSessions.session().read().option("header", "true").schema(SCHEMA).csv(input).filter("i > 100")
        .write().option("header", "true").csv(emberOut.toString());
    assertEquals(layout(sparkOut), layout(emberOut));
    assertEquals(content(sparkOut), content(emberOut));
  }

  /** A Spark program's repartition or coalesce before its write, for both engines. */
  private interface Partitioning {
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> spark(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows);

    dev.ember.sql.Dataset<dev.ember.sql.Row> ember(dev.ember.sql.Dataset<dev.ember.sql.Row> rows);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> partitionings() {
    return Stream.of(
        partitioning("repartition(4)", rows -> rows.repartition(4), rows -> rows.repartition(4), List.of()),
        partitioning("repartition(3, b)", rows -> rows.repartition(3, org.apache.spark.sql.functions.col("b")),
            rows -> rows.repartition(3, dev.ember.sql.functions.col("b")), List.of()),
        partitioning("repartition(5, s, i)",
            rows -> rows.repartition(5, org.apache.spark.sql.functions.col("s"), org.apache.spark.sql.functions.col("i")),
            rows -> rows.repartition(5, dev.ember.sql.functions.col("s"), dev.ember.sql.functions.col("i")), List.of()),
        partitioning("coalesce(1)", rows -> rows.coalesce(1), rows -> rows.coalesce(1), List.of()),
        partitioning("coalesce(5)", rows -> rows.coalesce(5), rows -> rows.coalesce(5), List.of()),
        partitioning("repartition(b) partitionBy(b)", rows -> rows.repartition(org.apache.spark.sql.functions.col("b")),
            rows -> rows.repartition(dev.ember.sql.functions.col("b")), List.of("b")),
        partitioning("repartition(2, i) partitionBy(b)", rows -> rows.repartition(2, org.apache.spark.sql.functions.col("i")),
            rows -> rows.repartition(2, dev.ember.sql.functions.col("i")), List.of("b")));
  }

  private static org.junit.jupiter.params.provider.Arguments partitioning(String name,
      java.util.function.UnaryOperator<org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>> spark,
      java.util.function.UnaryOperator<dev.ember.sql.Dataset<dev.ember.sql.Row>> ember, List<String> partitionBy) {
    Partitioning partitioning = new Partitioning() {
      @Override
      public org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> spark(
          org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows) {
        return spark.apply(rows);
      }

      @Override
      public dev.ember.sql.Dataset<dev.ember.sql.Row> ember(dev.ember.sql.Dataset<dev.ember.sql.Row> rows) {
        return ember.apply(rows);
      }
    };
    return org.junit.jupiter.params.provider.Arguments.of(name, partitioning, partitionBy);
  }

  /**
   * The same part files as Spark's, numbers included: a hash partitioning puts each row into the file
   * Spark puts it in; a round robin fills the same number of files (which row goes where is Spark's
   * random choice); {@code coalesce} makes as many files as Spark's input has partitions, at most n.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("partitionings")
  void repartitionAndCoalesceMakeSparksFiles(String name, Partitioning partitioning, List<String> partitionBy)
      throws IOException {
    String suffix = "repartition" + Math.abs(name.hashCode());
    Path sparkOut = directory.resolve("spark-" + suffix);
    Path emberOut = directory.resolve("ember-" + suffix);
    partitioning.spark(SparkOracle.session().read().option("header", "true").schema(SCHEMA).csv(input))
        .write().partitionBy(partitionBy.toArray(String[]::new)).csv(sparkOut.toString());
    partitioning.ember(EmberSessions.session().read().option("header", "true").schema(SCHEMA).csv(input))
        .write().partitionBy(partitionBy.toArray(String[]::new)).csv(emberOut.toString());

    assertEquals(numberedFiles(sparkOut), numberedFiles(emberOut));
    if (name.contains(",")) {
      assertEquals(linesByFile(sparkOut), linesByFile(emberOut), "each row in Spark's file");
    }
    assertEquals(content(sparkOut), content(emberOut));
  }

  @Test
  void coalesceOneKeepsTheSortedOrderInItsOnlyFile() throws IOException {
    Path sparkOut = directory.resolve("spark-sorted-one");
    Path emberOut = directory.resolve("ember-sorted-one");
    SparkOracle.session().read().option("header", "true").schema(SCHEMA).csv(input)
        .orderBy(org.apache.spark.sql.functions.col("d").desc()).coalesce(1).write().csv(sparkOut.toString());
    EmberSessions.session().read().option("header", "true").schema(SCHEMA).csv(input)
        .orderBy(dev.ember.sql.functions.col("d").desc()).coalesce(1).write().csv(emberOut.toString());
    assertEquals(numberedFiles(sparkOut), numberedFiles(emberOut));
    assertEquals(1, numberedFiles(emberOut).stream().filter(file -> file.contains("part-")).count());
    assertEquals(linesByFile(sparkOut), linesByFile(emberOut), "rows in Spark's order");
  }

  /** Part files with their task numbers, job ids normalized. */
  private static List<String> numberedFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(file -> root.relativize(file).toString().replace('\\', '/'))
          .filter(name -> !name.endsWith(".crc"))
          .map(name -> name.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID"))
          .sorted().toList();
    }
  }

  /** Each part file's lines (as written, in order), by the file's normalized name. */
  private static Map<String, List<String>> linesByFile(Path root) throws IOException {
    Map<String, List<String>> lines = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(file).toString();
        if (file.getFileName().toString().startsWith("part-")) {
          lines.put(name.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID"),
              Files.readAllLines(file, StandardCharsets.UTF_8));
        }
      }
    }
    return lines;
  }

  /** Every file below {@code root} except Hadoop's checksums, with job ids and task numbers normalized. */
  private static List<String> layout(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(file -> root.relativize(file).toString().replace('\\', '/'))
          .filter(name -> !name.endsWith(".crc"))
          .map(name -> name.replaceAll("part-\\d{5}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
              "part-N-UUID"))
          .distinct().sorted().toList();
    }
  }

  /** The text of all part files, decompressed, sorted by line so the split into files does not matter. */
  private static List<String> content(Path root) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (!name.startsWith("part-")) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (name.endsWith(".gz")) {
          try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            bytes = out.toByteArray();
          }
        }
        lines.addAll(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
      }
    }
    assertFalse(lines.isEmpty());
    return lines.stream().sorted().toList();
  }

  private static List<String> sparkRows(String path) {
    return SparkOracle.session().read().option("header", "true").schema(SCHEMA).csv(path).collectAsList().stream()
        .map(CsvWriteDifferentialTest::text).sorted().toList();
  }

  private static List<String> emberRows(String path) {
    return EmberSessions.session().read().option("header", "true").schema(SCHEMA).csv(path).collectAsList().stream()
        .map(CsvWriteDifferentialTest::text).sorted().toList();
  }

  private static List<String> sortedRows(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows) {
    return rows.collectAsList().stream().map(CsvWriteDifferentialTest::text).sorted().toList();
  }

  private static String text(org.apache.spark.sql.Row row) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      values.add(String.valueOf(row.get(i)));
    }
    return String.join("|", values);
  }

  private static String text(dev.ember.sql.Row row) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      values.add(String.valueOf(row.get(i)));
    }
    return String.join("|", values);
  }
}
