package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrays, maps and structs through both engines: nested JSON read (inferred schema, show, rows),
 * Parquet written by Spark 4.2 read by Ember, and nested Parquet and JSON written by Ember read by
 * Spark. Every comparison is of the text both engines print.
 */
class NestedTypesDifferentialTest {
  private static final List<String> JSON_LINES = List.of(
      "{\"id\":1,\"arr\":[1,2,null],\"m\":{\"b\":2,\"a\":1},\"s\":{\"y\":\"hi\",\"x\":1},\"mixed\":[1,2.5],"
          + "\"conf\":[1,\"a\"],\"deep\":{\"l\":[{\"q\":1},{\"p\":\"z\"}]},\"e\":[],\"odd\":[1,[2]],\"empty\":{}}",
      "{\"id\":2,\"arr\":null,\"m\":{\"a\":null},\"s\":{\"x\":2},\"mixed\":[3],\"conf\":[{\"a\":1}],\"deep\":null,"
          + "\"e\":[null],\"odd\":[{\"a\":1},2],\"empty\":{}}",
      "{\"id\":3,\"arr\":[],\"s\":null,\"mixed\":[1,10000000000],\"conf\":\"str\",\"deep\":{\"l\":[]},\"e\":[[1]]}",
      "{\"id\":4,\"arr\":[4,5,6,7,8,9,10,11,12,13],\"s\":{\"x\":3,\"y\":\"a very long string value\"},"
          + "\"odd\":[true,1]}");

  /** Nested values of every kind Spark's SQL can build; Parquet written from it by both engines. */
  private static final String NESTED_QUERY = """
      SELECT id,
        CASE WHEN id % 5 = 1 THEN NULL ELSE array(id, NULL, id * 2) END AS ints,
        CASE WHEN id % 5 = 2 THEN NULL WHEN id % 5 = 3 THEN map() ELSE map(concat('k', id), id, 'z', NULL) END AS m,
        CASE WHEN id % 5 = 3 THEN NULL ELSE named_struct('x', id, 'y', concat('s', id), 'n', CAST(NULL AS INT)) END AS st,
        array(named_struct('d', CAST(id / 4 AS DECIMAL(10,2)), 'ts', TIMESTAMP'2024-01-02 03:04:05.5' + make_interval(0, 0, 0, CAST(id AS INT), 0, 0, 0)),
              CASE WHEN id % 2 = 0 THEN NULL ELSE named_struct('d', CAST(1.5 AS DECIMAL(10,2)), 'ts', NULL) END) AS structs,
        CASE WHEN id % 4 = 0 THEN array() ELSE array(array('a', NULL), array(), CAST(NULL AS ARRAY<STRING>)) END AS nested,
        map('k', array(date_add(DATE'2020-02-28', CAST(id AS INT))), 'n', CAST(NULL AS ARRAY<DATE>)) AS dates,
        named_struct('inner', named_struct('b', CAST(concat('b', id) AS BINARY), 'big', CAST(id AS DECIMAL(30,3))),
                     'f', CAST(id / 8.0 AS FLOAT)) AS deep
      FROM range(0, 12)
      """;

  @TempDir
  static Path directory;

  @BeforeAll
  static void writeData() throws IOException {
    Files.createDirectories(directory.resolve("json"));
    Files.write(directory.resolve("json").resolve("part.json"), JSON_LINES);
    SparkOracle.session().sql(NESTED_QUERY).coalesce(1).write().parquet(directory.resolve("spark-parquet").toString());
  }

  @Test
  void nestedJsonReadsShowsAndCollectsLikeSpark() throws Exception {
    String path = directory.resolve("json").toString();
    String spark = ConsoleCapture.capture(() -> {
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df = SparkOracle.session().read().json(path);
      df.printSchema();
      df.show();
      df.show(false);
      df.select("s", "arr", "deep").where("s is not null").show();
      df.collectAsList().forEach(System.out::println);
      System.out.println(df.schema().toDDL());
    });
    String ember = ConsoleCapture.capture(() -> {
      dev.ember.sql.Dataset<dev.ember.sql.Row> df = EmberSessions.session().read().json(path);
      df.printSchema();
      df.show();
      df.show(false);
      df.select("s", "arr", "deep").where("s is not null").show();
      df.collectAsList().forEach(System.out::println);
      System.out.println(df.schema().toDDL());
    });
    assertEquals(spark, ember);
  }

  @Test
  void emberReadsNestedParquetWrittenBySpark() throws Exception {
    String path = directory.resolve("spark-parquet").toString();
    String spark = ConsoleCapture.capture(() -> {
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df = SparkOracle.session().read().parquet(path);
      df.printSchema();
      df.orderBy("id").show(false);
      df.where("ints is null or m is not null").select("id", "m", "st").orderBy("id").show();
      df.select("id", "ints", "m", "st", "structs", "nested", "dates").orderBy("id").limit(3).collectAsList()
          .forEach(System.out::println);
    });
    String ember = ConsoleCapture.capture(() -> {
      dev.ember.sql.Dataset<dev.ember.sql.Row> df = EmberSessions.session().read().parquet(path);
      df.printSchema();
      df.orderBy("id").show(false);
      df.where("ints is null or m is not null").select("id", "m", "st").orderBy("id").show();
      df.select("id", "ints", "m", "st", "structs", "nested", "dates").orderBy("id").limit(3).collectAsList()
          .forEach(System.out::println);
    });
    assertEquals(spark, ember);
  }

  @Test
  void sparkReadsNestedParquetAndJsonWrittenByEmber() throws Exception {
    String sparkParquet = directory.resolve("spark-parquet").toString();
    String emberParquet = directory.resolve("ember-parquet").toString();
    String emberJson = directory.resolve("ember-json").toString();
    EmberSessions.session().read().parquet(sparkParquet).write().parquet(emberParquet);
    EmberSessions.session().read().parquet(sparkParquet).write().json(emberJson);
    String fromSpark = ConsoleCapture.capture(() -> {
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df = SparkOracle.session().read().parquet(sparkParquet);
      df.printSchema();
      df.orderBy("id").show(false);
    });
    String fromEmber = ConsoleCapture.capture(() -> {
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df = SparkOracle.session().read().parquet(emberParquet);
      df.printSchema();
      df.orderBy("id").show(false);
    });
    assertEquals(fromSpark, fromEmber);
    String sparkJson = directory.resolve("spark-json").toString();
    SparkOracle.session().read().parquet(sparkParquet).write().json(sparkJson);
    String jsonFromSpark = ConsoleCapture.capture(() ->
        SparkOracle.session().read().json(sparkJson).orderBy("id").show(false));
    String jsonFromEmber = ConsoleCapture.capture(() ->
        SparkOracle.session().read().json(emberJson).orderBy("id").show(false));
    assertEquals(jsonFromSpark, jsonFromEmber);
  }
}
