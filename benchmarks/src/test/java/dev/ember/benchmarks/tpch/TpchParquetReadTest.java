package dev.ember.benchmarks.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * TPC-H at scale factor 0.01, written to Parquet by Spark 4.2 and by DuckDB: Ember reads every table
 * of both writers with the schema and exactly the values Spark reads (same Java classes, same
 * decimal scales, every row).
 */
class TpchParquetReadTest {
  @TempDir
  static Path root;

  private static org.apache.spark.sql.SparkSession spark;
  private static dev.ember.sql.SparkSession ember;
  private static TpchFiles files;

  @BeforeAll
  static void generate() throws Exception {
    spark = org.apache.spark.sql.SparkSession.builder().master("local[2]").appName("tpch-read-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    files = TpchData.generate(root.resolve("sf0.01"), 0.01, spark);
    ember = dev.ember.sql.SparkSession.builder().master("local[2]").getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (ember != null) {
      ember.stop();
    }
    if (spark != null) {
      spark.stop();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyTableOfBothWritersReadsAsSparkReadsIt() {
    return TpchSchema.all().stream().flatMap(schema -> Stream.of(
        DynamicTest.dynamicTest(schema.table() + " written by Spark",
            () -> assertEmberReadsAsSpark(schema, files.sparkParquet(schema.table()))),
        DynamicTest.dynamicTest(schema.table() + " written by DuckDB",
            () -> assertEmberReadsAsSpark(schema, files.duckDbParquet(schema.table())))));
  }

  /**
   * Per column of every table of both writers: the row count, the non-null count and the sum of
   * Spark's {@code hash} of every value, on Spark and on Ember. Cheap enough for scale factor 1, where
   * collecting every row is not: run with {@code -Dtpch.read.scale=1} to check the benchmark cache's
   * data set (generated first if missing); by default the scale factor 0.01 files of this class.
   */
  @TestFactory
  Stream<DynamicTest> columnChecksumsEqualSparksAtAnyScale() throws Exception {
    String scale = System.getProperty("tpch.read.scale");
    TpchFiles checked = scale == null ? files : TpchData.ensure(Double.parseDouble(scale));
    return TpchSchema.all().stream().flatMap(schema -> Stream.of(
        DynamicTest.dynamicTest(schema.table() + " written by Spark",
            () -> assertSameChecksums(schema, checked.sparkParquet(schema.table()))),
        DynamicTest.dynamicTest(schema.table() + " written by DuckDB",
            () -> assertSameChecksums(schema, checked.duckDbParquet(schema.table())))));
  }

  private static void assertSameChecksums(TpchSchema schema, Path path) {
    List<String> expressions = new ArrayList<>();
    expressions.add("count(*)");
    for (TpchSchema.Column column : schema.columns()) {
      expressions.add("count(" + column.name() + ")");
      expressions.add("sum(hash(" + column.name() + "))");
    }
    String[] select = expressions.toArray(new String[0]);
    List<Object> bySpark = values(spark.read().parquet(path.toString()).selectExpr(select).head());
    dev.ember.sql.Row emberRow = ember.read().parquet(path.toString()).selectExpr(select).head();
    List<Object> byEmber = new ArrayList<>();
    for (int i = 0; i < emberRow.size(); i++) {
      byEmber.add(emberRow.get(i));
    }
    assertEquals(bySpark, byEmber, path + ": " + String.join(", ", expressions));
  }

  private static List<Object> values(org.apache.spark.sql.Row row) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      values.add(row.get(i));
    }
    return values;
  }

  @Test
  void bothWritersHoldTheSameRows() {
    for (TpchSchema schema : TpchSchema.all()) {
      List<List<Object>> bySpark = sparkRows(files.sparkParquet(schema.table()));
      List<List<Object>> byDuckDb = sparkRows(files.duckDbParquet(schema.table()));
      assertEquals(bySpark, byDuckDb, schema.table() + ": Spark's and DuckDB's Parquet files differ");
    }
  }

  @Test
  void rowCountsAreTpchs() {
    assertEquals(60_175, files.rows("lineitem"));
    assertEquals(15_000, files.rows("orders"));
    assertEquals(25, files.rows("nation"));
    assertEquals(5, files.rows("region"));
  }

  private static void assertEmberReadsAsSpark(TpchSchema schema, Path path) {
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> bySpark = spark.read().parquet(path.toString());
    dev.ember.sql.Dataset<dev.ember.sql.Row> byEmber = ember.read().parquet(path.toString());

    List<String> declared = schema.columns().stream()
        .map(column -> column.name() + ":" + column.sparkType().toLowerCase(java.util.Locale.ROOT))
        .toList();
    List<String> sparkFields = new ArrayList<>();
    for (org.apache.spark.sql.types.StructField field : bySpark.schema().fields()) {
      sparkFields.add(field.name() + ":" + field.dataType().sql().toLowerCase(java.util.Locale.ROOT));
    }
    List<String> emberFields = new ArrayList<>();
    for (dev.ember.sql.types.StructField field : byEmber.schema().fields()) {
      emberFields.add(field.name() + ":" + field.dataType().sql().toLowerCase(java.util.Locale.ROOT));
    }
    assertEquals(declared, sparkFields, path + ": Spark does not read the declared types");
    assertEquals(sparkFields, emberFields, path + ": Ember's schema differs from Spark's");

    List<List<Object>> expected = sparkRows(path);
    List<List<Object>> actual = sortedRows(byEmber.collectAsList().stream().map(row -> {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(row.get(i));
      }
      return values;
    }).toList());
    assertEquals(files.rows(schema.table()), expected.size(), path + ": Spark's row count");
    assertEquals(expected.size(), actual.size(), path + ": Ember's row count");
    for (int row = 0; row < expected.size(); row++) {
      // List.equals: BigDecimal equality includes the scale, java.sql.Date compares the day.
      assertEquals(expected.get(row), actual.get(row), path + ": row " + row + " in sorted order");
      for (int column = 0; column < expected.get(row).size(); column++) {
        Object value = expected.get(row).get(column);
        if (value != null) {
          assertEquals(value.getClass(), actual.get(row).get(column).getClass(), path + ": class of column " + column);
        }
      }
    }
  }

  private static List<List<Object>> sparkRows(Path path) {
    return sortedRows(spark.read().parquet(path.toString()).collectAsList().stream().map(row -> {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(row.get(i));
      }
      return values;
    }).toList());
  }

  private static List<List<Object>> sortedRows(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(TpchParquetReadTest::sortKey));
    return copy;
  }

  private static String sortKey(List<Object> row) {
    StringBuilder key = new StringBuilder();
    for (Object value : row) {
      key.append(value).append('\u0001');
    }
    return key.toString();
  }
}
