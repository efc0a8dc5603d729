package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark 4.2 writes Parquet files (every atomic type, nulls, several files, each timestamp storage
 * and codec); Spark and Ember read them and must print the same schemas, tables and counts.
 */
class ParquetReadDifferentialTest {
  /** Every atomic type, a null in each column every fourth row, a few edge values. */
  private static final String ALL_TYPES_QUERY = """
      SELECT id,
        CASE WHEN id % 4 = 1 THEN NULL ELSE id % 2 = 0 END AS flag,
        CASE WHEN id % 4 = 1 THEN NULL ELSE CAST(id % 256 - 128 AS TINYINT) END AS tiny,
        CASE WHEN id % 4 = 1 THEN NULL ELSE CAST(id * 300 - 30000 AS SMALLINT) END AS small,
        CASE WHEN id % 4 = 1 THEN NULL WHEN id = 2 THEN 2147483647 ELSE CAST(id * 7919 AS INT) END AS i32,
        CASE WHEN id % 4 = 1 THEN NULL WHEN id = 2 THEN -9223372036854775808 ELSE id * 1000000007 END AS i64,
        CASE WHEN id % 4 = 1 THEN NULL ELSE CAST(id / 8.0 AS FLOAT) END AS f,
        CASE WHEN id % 4 = 1 THEN NULL ELSE id / 3.0D - 10 END AS d,
        CASE WHEN id % 4 = 1 THEN NULL ELSE CAST(id * 1.25 - 50 AS DECIMAL(5,2)) END AS dec_int,
        CASE WHEN id % 4 = 1 THEN NULL ELSE CAST(id * 123456.789 AS DECIMAL(15,3)) END AS dec_long,
        CASE WHEN id % 4 = 1 THEN NULL
          ELSE CAST(id * -12345678901234567.8901 AS DECIMAL(30,4)) END AS dec_fixed,
        CASE WHEN id % 4 = 1 THEN NULL WHEN id = 2 THEN '' ELSE concat('s-', id, CASE WHEN id % 3 = 0 THEN 'é€' ELSE '' END) END AS s,
        CASE WHEN id % 4 = 1 THEN NULL ELSE CAST(concat('b', id) AS BINARY) END AS bin,
        CASE WHEN id % 4 = 1 THEN NULL ELSE date_add(DATE'1969-12-25', CAST(id * 37 AS INT)) END AS day,
        CASE WHEN id % 4 = 1 THEN NULL
          ELSE TIMESTAMP'1960-06-30 12:34:56.789012' + make_interval(0, 0, 0, CAST(id * 45 AS INT), 0, 0, id * 1.5) END AS ts
      FROM range(0, 120)
      """;

  @TempDir
  static Path dataDirectory;

  @BeforeAll
  static void writeWithSpark() throws Exception {
    org.apache.spark.sql.SparkSession spark = SparkOracle.session();
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows = spark.sql(ALL_TYPES_QUERY).repartition(3);
    write(spark, rows, "int96_snappy", "INT96", "snappy");
    write(spark, rows, "micros_zstd", "TIMESTAMP_MICROS", "zstd");
    write(spark, rows, "millis_gzip", "TIMESTAMP_MILLIS", "gzip");
    write(spark, rows.coalesce(1), "micros_lz4", "TIMESTAMP_MICROS", "lz4");
    write(spark, rows.coalesce(1), "plain", "TIMESTAMP_MICROS", "uncompressed");
    spark.range(0, 50_000).selectExpr("id", "CAST(id % 97 AS STRING) AS tag").coalesce(1).write()
        .option("parquet.block.size", "65536").parquet(dataDirectory.resolve("row_groups").toString());
  }

  private static void write(org.apache.spark.sql.SparkSession spark, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows,
      String name, String timestampType, String codec) {
    String previous = spark.conf().get("spark.sql.parquet.outputTimestampType");
    spark.conf().set("spark.sql.parquet.outputTimestampType", timestampType);
    try {
      rows.write().option("compression", codec).parquet(dataDirectory.resolve(name).toString());
    } finally {
      spark.conf().set("spark.sql.parquet.outputTimestampType", previous);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyTypeReadsAsSparkReadsIt() {
    return Stream.of("int96_snappy", "micros_zstd", "millis_gzip", "micros_lz4", "plain").map(name ->
        DynamicTest.dynamicTest(name, () -> {
          String path = dataDirectory.resolve(name).toString();
          String spark = ConsoleCapture.capture(() -> {
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df = SparkOracle.session().read().format("parquet").load(path);
            df.printSchema();
            df.orderBy("id").show(200, false);
            System.out.println(df.count());
            df.where("i32 > 100000").select("s", "ts", "id").orderBy("id").show(5, false);
          });
          String ember = ConsoleCapture.capture(() -> {
            dev.ember.sql.Dataset<dev.ember.sql.Row> df = EmberSessions.session().read().format("parquet").load(path);
            df.printSchema();
            df.orderBy("id").show(200, false);
            System.out.println(df.count());
            df.where("i32 > 100000").select("s", "ts", "id").orderBy("id").show(5, false);
          });
          assertSameOutput("parquet-" + name, spark, ember);
        }));
  }

  /**
   * Files from Arrow C++'s Parquet writer, the one pyarrow uses (see tools/arrow-cpp-parquet-files):
   * unsigned integers, millisecond timestamps, decimals as fixed-length bytes, lists, structs and maps.
   */
  @TestFactory
  Stream<DynamicTest> filesWrittenByArrowCppReadAsSparkReadsThem() {
    return Stream.of("scalars", "nested").map(name -> DynamicTest.dynamicTest(name, () -> {
      String path = Path.of(ParquetReadDifferentialTest.class.getResource("/parquet/arrow-cpp/" + name + ".parquet")
          .toURI()).toString();
      String spark = ConsoleCapture.capture(() -> {
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df = SparkOracle.session().read().parquet(path);
        df.printSchema();
        df.orderBy("id").show(1000, false);
        df.where("id % 3 = 0").select("*").orderBy(org.apache.spark.sql.functions.col("id").desc()).show(20, false);
      });
      String ember = ConsoleCapture.capture(() -> {
        dev.ember.sql.Dataset<dev.ember.sql.Row> df = EmberSessions.session().read().parquet(path);
        df.printSchema();
        df.orderBy("id").show(1000, false);
        df.where("id % 3 = 0").select("*").orderBy(dev.ember.sql.functions.col("id").desc()).show(20, false);
      });
      assertSameOutput("parquet-arrow-cpp-" + name, spark, ember);
    }));
  }

  /** Edge values for filters: NaN, signed zeros, infinities, nulls, strings whose byte order is not their code point order. */
  private static final String FILTER_VALUES_QUERY = """
      SELECT id,
        CASE WHEN id % 9 = 0 THEN NULL WHEN id % 9 = 1 THEN CAST('NaN' AS DOUBLE) WHEN id % 9 = 2 THEN -0.0D
          WHEN id % 9 = 3 THEN 0.0D WHEN id % 97 = 4 THEN CAST('-Infinity' AS DOUBLE) ELSE id / 7.0D - 1000 END AS d,
        CASE WHEN id % 5 = 0 THEN NULL WHEN id % 5 = 1 THEN CAST('NaN' AS FLOAT) ELSE CAST(id % 50 AS FLOAT) / 4 END AS f,
        CASE WHEN id % 6 = 0 THEN NULL WHEN id % 6 = 1 THEN 'é' WHEN id % 6 = 2 THEN 'Z' WHEN id % 6 = 3 THEN ''
          ELSE concat('k', id % 1000) END AS s,
        CASE WHEN id % 8 = 0 THEN NULL ELSE CAST(id % 3000 AS DECIMAL(20,4)) / 8 - 100 END AS dec_wide,
        CASE WHEN id % 8 = 1 THEN NULL ELSE CAST((id % 200) / 4 AS DECIMAL(5,2)) END AS dec_narrow,
        CASE WHEN id % 10 = 0 THEN NULL ELSE date_add(DATE'2020-01-01', CAST(id % 500 AS INT)) END AS day,
        CASE WHEN id % 11 = 0 THEN NULL ELSE TIMESTAMP'2020-01-01 00:00:00' + make_interval(0, 0, 0, 0, CAST(id % 1000 AS INT), 0, 0) END AS ts,
        CASE WHEN id % 7 = 0 THEN NULL ELSE id % 3 = 0 END AS flag,
        CASE WHEN id % 13 = 0 THEN NULL ELSE CAST(id % 256 - 128 AS TINYINT) END AS tiny
      FROM range(0, 30000)
      """;

  /**
   * Filters the Parquet reader evaluates itself before decoding the other columns (late
   * materialisation) select the same rows as in Spark: NaN equal to itself and above every number,
   * -0.0 equal to 0.0, nulls never matching a comparison, strings in byte order, decimals, dates,
   * timestamps and booleans; over several row groups and batches.
   */
  @Test
  void pushedFiltersSelectTheRowsSparkSelects() throws Exception {
    Path path = dataDirectory.resolve("filter_values");
    SparkOracle.session().sql(FILTER_VALUES_QUERY).coalesce(1).write().option("parquet.block.size", "131072")
        .parquet(path.toString());
    String[] conditions = {
        "d > 0D", "d = CAST('NaN' AS DOUBLE)", "d >= CAST('NaN' AS DOUBLE)", "d < CAST('NaN' AS DOUBLE)", "d = 0D",
        "d <= -0D", "d < CAST('-Infinity' AS DOUBLE)", "d IS NULL", "f > CAST(10 AS FLOAT)",
        "f = CAST('NaN' AS FLOAT)", "s > 'Z'", "s >= 'é'", "s < 'k5'", "s = ''", "s IS NOT NULL AND s <= 'Z'",
        "dec_wide >= CAST(200 AS DECIMAL(20,4))", "dec_wide < CAST(-99.875 AS DECIMAL(20,4))",
        "dec_narrow = CAST(12.00 AS DECIMAL(5,2))", "day >= DATE'2020-05-01' AND day < DATE'2020-06-01'",
        "ts > TIMESTAMP'2020-01-01 12:00:00'", "flag = true", "flag = false AND tiny < CAST(0 AS TINYINT)",
        "id = 12345", "id < 0", "d > 0D AND s > 'k5' AND ts < TIMESTAMP'2020-01-01 08:00:00'"};
    String spark = ConsoleCapture.capture(() -> {
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df = SparkOracle.session().read().parquet(path.toString());
      for (String condition : conditions) {
        System.out.println(condition);
        df.where(condition).selectExpr("count(*)", "sum(id)", "min(id)", "max(id)").show(false);
        df.where(condition).orderBy("id").show(3, false);
      }
    });
    String ember = ConsoleCapture.capture(() -> {
      dev.ember.sql.Dataset<dev.ember.sql.Row> df = EmberSessions.session().read().parquet(path.toString());
      for (String condition : conditions) {
        System.out.println(condition);
        df.where(condition).selectExpr("count(*)", "sum(id)", "min(id)", "max(id)").show(false);
        df.where(condition).orderBy("id").show(3, false);
      }
    });
    assertSameOutput("parquet-pushed-filters", spark, ember);
  }

  @Test
  void aUserSchemaPicksColumnsByNameAndMissingOnesAreNull() throws Exception {
    String path = dataDirectory.resolve("micros_zstd").toString();
    String schema = "s STRING, I32 INT, missing BIGINT, id BIGINT";
    String spark = ConsoleCapture.capture(() -> {
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df =
          SparkOracle.session().read().format("parquet").schema(schema).load(path);
      df.printSchema();
      df.orderBy("id").show(10, false);
    });
    String ember = ConsoleCapture.capture(() -> {
      dev.ember.sql.Dataset<dev.ember.sql.Row> df =
          EmberSessions.session().read().format("parquet").schema(schema).load(path);
      df.printSchema();
      df.orderBy("id").show(10, false);
    });
    assertSameOutput("parquet-user-schema", spark, ember);
  }

  @Test
  void manyRowGroupsAggregateAsInSpark() throws Exception {
    String path = dataDirectory.resolve("row_groups").toString();
    String spark = ConsoleCapture.capture(() -> {
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df = SparkOracle.session().read().format("parquet").load(path);
      System.out.println(df.count());
      df.groupBy("tag").count().orderBy("tag").show(5);
      df.where("id >= 49990").orderBy("id").show();
    });
    String ember = ConsoleCapture.capture(() -> {
      dev.ember.sql.Dataset<dev.ember.sql.Row> df = EmberSessions.session().read().format("parquet").load(path);
      System.out.println(df.count());
      df.groupBy("tag").count().orderBy("tag").show(5);
      df.where("id >= 49990").orderBy("id").show();
    });
    assertSameOutput("parquet-row-groups", spark, ember);
  }

  @Test
  void filesWithDifferentSchemasReadWithTheFirstFilesSchema() throws Exception {
    org.apache.spark.sql.SparkSession session = SparkOracle.session();
    Path directory = Files.createDirectories(dataDirectory.resolve("different_schemas"));
    String[] queries = {"SELECT id, id * 10 AS x FROM range(3)", "SELECT id + 100 AS id, 'y' AS y FROM range(2)"};
    for (int i = 0; i < queries.length; i++) {
      Path written = dataDirectory.resolve("schema_" + i);
      session.sql(queries[i]).coalesce(1).write().parquet(written.toString());
      try (Stream<Path> files = Files.list(written)) {
        Path part = files.filter(file -> file.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        Files.copy(part, directory.resolve("part-" + i + ".parquet"));
      }
    }
    String path = directory.toString();
    String spark = ConsoleCapture.capture(() -> {
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df = session.read().format("parquet").load(path);
      df.printSchema();
      df.orderBy("id").show();
    });
    String ember = ConsoleCapture.capture(() -> {
      dev.ember.sql.Dataset<dev.ember.sql.Row> df = EmberSessions.session().read().format("parquet").load(path);
      df.printSchema();
      df.orderBy("id").show();
    });
    assertSameOutput("parquet-different-schemas", spark, ember);
  }

  @Test
  void aTruncatedFileFailsAsInSpark() throws Exception {
    Path source = Files.list(dataDirectory.resolve("plain"))
        .filter(file -> file.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    byte[] bytes = Files.readAllBytes(source);
    Path directory = Files.createDirectories(dataDirectory.resolve("truncated"));
    Files.write(directory.resolve("part-0.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
    String path = directory.toString();

    Exception spark = assertThrows(Exception.class,
        () -> SparkOracle.session().read().format("parquet").load(path).collectAsList());
    Exception ember = assertThrows(Exception.class,
        () -> EmberSessions.session().read().format("parquet").load(path).collectAsList());

    assertEquals(((org.apache.spark.SparkThrowable) spark).getCondition(), ((dev.ember.SparkThrowable) ember).getCondition());
    assertEquals(upToSqlState(spark.getMessage()), upToSqlState(ember.getMessage()));
  }

  /** Also writes both outputs under target/differential, so a failure can be read with diff. */
  private static void assertSameOutput(String name, String spark, String ember) throws java.io.IOException {
    Path directory = Files.createDirectories(Path.of("examples/target/differential"));
    Files.writeString(directory.resolve(name + ".spark.txt"), spark);
    Files.writeString(directory.resolve(name + ".ember.txt"), ember);
    assertEquals(spark, ember, "output of " + name + " differs from Spark's");
  }

  @Test
  void aColumnOfAnotherTypeFailsAsInSparkAndNarrowTypesWiden() throws Exception {
    String path = dataDirectory.resolve("plain").toString();
    Exception spark = assertThrows(Exception.class,
        () -> SparkOracle.session().read().format("parquet").schema("s INT").load(path).collectAsList());
    Exception ember = assertThrows(Exception.class,
        () -> EmberSessions.session().read().format("parquet").schema("s INT").load(path).collectAsList());
    org.apache.spark.SparkThrowable sparkError = sparkCause(spark);
    dev.ember.SparkThrowable emberError = emberCause(ember);
    assertEquals(sparkError.getCondition(), emberError.getCondition());
    assertEquals(upToSqlState(((Throwable) sparkError).getMessage()), upToSqlState(((Throwable) emberError).getMessage()));

    String schema = "id BIGINT, tiny INT, small BIGINT, i32 BIGINT, f DOUBLE";
    String sparkRows = ConsoleCapture.capture(() ->
        SparkOracle.session().read().format("parquet").schema(schema).load(path).orderBy("id").show(8));
    String emberRows = ConsoleCapture.capture(() ->
        EmberSessions.session().read().format("parquet").schema(schema).load(path).orderBy("id").show(8));
    assertSameOutput("parquet-widening", sparkRows, emberRows);
  }

  private static org.apache.spark.SparkThrowable sparkCause(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.apache.spark.SparkThrowable throwable && throwable.getCondition() != null
          && throwable.getCondition().startsWith("FAILED_READ_FILE")) {
        return throwable;
      }
    }
    throw new AssertionError("no FAILED_READ_FILE error in Spark's", error);
  }

  private static dev.ember.SparkThrowable emberCause(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof dev.ember.SparkThrowable throwable && throwable.getCondition() != null
          && throwable.getCondition().startsWith("FAILED_READ_FILE")) {
        return throwable;
      }
    }
    throw new AssertionError("no FAILED_READ_FILE error in Ember's", error);
  }

  private static String upToSqlState(String message) {
    int end = message.indexOf("SQLSTATE: ");
    return end < 0 ? message : message.substring(0, end + "SQLSTATE: xxxxx".length());
  }
}
