package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.examples.FunctionCases.Case;
import dev.ember.examples.FunctionCases.Table;
import dev.ember.planner.analysis.FunctionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table-driven conformance test of Ember's built-in functions against Spark 4.2: every case of
 * {@link FunctionCases} is evaluated on Spark and on Ember over the same edge-case rows (a Parquet
 * file Spark writes), in Ember's generated and interpreted kernels. Value cases of a table run as one
 * {@code selectExpr} per engine; they must agree on column names, types, nullability and every value.
 * Error cases run one by one and must fail with the same error condition and message.
 *
 * <p>It also writes the names of the functions Ember implements to
 * {@code examples/target/conformance/functions.txt} and checks them against the README's list.
 */
class FunctionConformanceTest {
  static final String INPUT_QUERY = """
      SELECT * FROM VALUES
        (CAST(1 AS TINYINT), CAST(2 AS SMALLINT), 3, CAST(4 AS BIGINT), CAST(1.5 AS FLOAT), CAST(2.5 AS DOUBLE),
         CAST(3.25 AS DECIMAL(10,2)), CAST(12345678901234567890.0123456789 AS DECIMAL(38,10)), 'abc', '4', true,
         X'0A0B', DATE'2024-02-29', TIMESTAMP'2024-02-29 12:34:56.789'),
        (CAST(-7 AS TINYINT), CAST(-8 AS SMALLINT), -9, CAST(-10 AS BIGINT), CAST(-1.5 AS FLOAT),
         CAST(-2.5 AS DOUBLE), CAST(-3.75 AS DECIMAL(10,2)), CAST(-0.0000000001 AS DECIMAL(38,10)),
         'Hello, World', '-12', false, X'', DATE'1970-01-01', TIMESTAMP'1969-12-31 23:59:59.999999'),
        (CAST(0 AS TINYINT), CAST(0 AS SMALLINT), 0, CAST(0 AS BIGINT), CAST(0.0 AS FLOAT), CAST('-0.0' AS DOUBLE),
         CAST(0 AS DECIMAL(10,2)), CAST(0 AS DECIMAL(38,10)), '', '0.5', false, X'00', DATE'1900-01-01',
         TIMESTAMP'1900-01-01 00:00:00'),
        (CAST(NULL AS TINYINT), CAST(NULL AS SMALLINT), CAST(NULL AS INT), CAST(NULL AS BIGINT),
         CAST(NULL AS FLOAT), CAST(NULL AS DOUBLE), CAST(NULL AS DECIMAL(10,2)), CAST(NULL AS DECIMAL(38,10)),
         CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS BOOLEAN), CAST(NULL AS BINARY),
         CAST(NULL AS DATE), CAST(NULL AS TIMESTAMP)),
        (CAST(127 AS TINYINT), CAST(32767 AS SMALLINT), 2147483647, CAST(9223372036854775807 AS BIGINT),
         CAST(3.4028235E38 AS FLOAT), CAST(1.7976931348623157E308 AS DOUBLE), CAST(99999999.99 AS DECIMAL(10,2)),
         CAST(9999999999999999999999999999.9999999999 AS DECIMAL(38,10)), 'héllo wörld ☃ 𝄞', ' 7 ', true, X'FF',
         DATE'9999-12-31', TIMESTAMP'2262-04-11 23:47:16'),
        (CAST(-128 AS TINYINT), CAST(-32768 AS SMALLINT), -2147483648, CAST(-9223372036854775808 AS BIGINT),
         CAST('NaN' AS FLOAT), CAST('-Infinity' AS DOUBLE), CAST(-99999999.99 AS DECIMAL(10,2)),
         CAST(-9999999999999999999999999999.9999999999 AS DECIMAL(38,10)), 'ÄÖÜ', 'NaN', false, X'7F80',
         DATE'1582-10-15', TIMESTAMP'1677-09-21 00:12:44'),
        (CAST(5 AS TINYINT), CAST(5 AS SMALLINT), 5, CAST(5 AS BIGINT), CAST('Infinity' AS FLOAT),
         CAST('NaN' AS DOUBLE), CAST(12.5 AS DECIMAL(10,2)), CAST(1.5 AS DECIMAL(38,10)), ' padded ', '1e3', true,
         X'DEADBEEF', DATE'2000-02-29', TIMESTAMP'2000-02-29 00:00:00.000001')
      AS t(b, s, i, l, f, d, dec, wide, str, num, flag, bin, dt, ts)
      """;

  private static final Pattern UP_TO_SQLSTATE = Pattern.compile("(?s)^(.*?SQLSTATE: [0-9A-Z]{5})");
  private static final Path FUNCTION_LIST = Path.of("examples/target/conformance/functions.txt");
  /** Registered names that are not scalar functions or have no conformance case yet, and why. */
  private static final Set<String> NOT_COVERED = Set.of(
      // Aggregates: covered by the differential programs Aggregates and AggregateFunctions.
      "count", "sum", "avg", "mean", "min", "max", "any", "any_value", "approx_count_distinct", "bool_and",
      "bool_or", "corr", "count_if", "covar_pop", "covar_samp", "every", "first", "first_value", "kurtosis",
      "last", "last_value", "max_by", "median", "min_by", "mode", "percentile", "skewness", "some", "std",
      "stddev", "stddev_pop", "stddev_samp", "var_pop", "var_samp", "variance",
      // Window functions: covered by the differential program Windows.
      "cume_dist", "dense_rank", "lag", "lead", "nth_value", "ntile", "percent_rank", "rank", "row_number",

      // Collection aggregates and generators: covered by the differential program Collections.
      "collect_list", "collect_set", "explode", "explode_outer", "posexplode", "posexplode_outer",

      // Covered by the differential program MissingValues.
      "percentile_approx", "approx_percentile");

  @TempDir
  static Path dataDirectory;

  private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> sparkInput;
  private static String inputPath;

  @BeforeAll
  static void writeInput() {
    org.apache.spark.sql.SparkSession spark = SparkOracle.session();
    inputPath = dataDirectory.resolve("input").toString();
    spark.sql(INPUT_QUERY).coalesce(1).write().parquet(inputPath);
    sparkInput = spark.read().parquet(inputPath);
  }

  private static dev.ember.sql.Dataset<dev.ember.sql.Row> emberInput(boolean codegen) {
    dev.ember.sql.SparkSession session = emberSession();
    session.conf().set("spark.sql.codegen.wholeStage", Boolean.toString(codegen));
    return session.read().parquet(inputPath);
  }

  @TestFactory
  Stream<DynamicTest> valuesMatchSpark() {
    return FunctionCases.TABLES.stream().flatMap(table -> Stream.of(true, false).map(codegen ->
        DynamicTest.dynamicTest(table.name() + (codegen ? " (generated)" : " (interpreted)"),
            () -> compareValues(table, codegen))));
  }

  @TestFactory
  Stream<DynamicTest> errorsMatchSpark() {
    return FunctionCases.TABLES.stream().flatMap(table -> table.errorCases().stream()
        .flatMap(errorCase -> Stream.of(true, false).map(codegen -> DynamicTest.dynamicTest(
            errorCase.expression() + (codegen ? " (generated)" : " (interpreted)"),
            () -> inSettingsOf(table, () -> compareError(errorCase, codegen))))));
  }

  /** The session time zone of the table being compared. */
  private static String sessionZone = "UTC";
  /** The ANSI setting of the table being compared. */
  private static boolean ansiEnabled = true;

  /** Ember's test session in the current table's time zone ({@link EmberSessions} sets UTC each time). */
  private static dev.ember.sql.SparkSession emberSession() {
    dev.ember.sql.SparkSession session = EmberSessions.session();
    session.conf().set("spark.sql.session.timeZone", sessionZone);
    session.conf().set("spark.sql.ansi.enabled", Boolean.toString(ansiEnabled));
    return session;
  }

  /** Runs {@code comparison} in the table's time zone and ANSI setting on both engines, then back to ANSI on. */
  private static void inSettingsOf(Table table, Runnable comparison) {
    ansiEnabled = table.ansi();
    SparkOracle.session().conf().set("spark.sql.ansi.enabled", Boolean.toString(ansiEnabled));
    try {
      inTimeZone(table.timeZone(), comparison);
    } finally {
      ansiEnabled = true;
      SparkOracle.session().conf().set("spark.sql.ansi.enabled", "true");
      emberSession();
    }
  }

  /** Runs {@code comparison} with both engines' session time zone set to {@code zone}, then back to UTC. */
  private static void inTimeZone(String zone, Runnable comparison) {
    sessionZone = zone;
    SparkOracle.session().conf().set("spark.sql.session.timeZone", zone);
    try {
      comparison.run();
    } finally {
      sessionZone = "UTC";
      SparkOracle.session().conf().set("spark.sql.session.timeZone", "UTC");
      emberSession();
    }
  }

  private static void compareValues(Table table, boolean codegen) {
    inSettingsOf(table, () -> compareValuesInSessionZone(table, codegen));
  }

  private static void compareValuesInSessionZone(Table table, boolean codegen) {
    String[] expressions = table.valueCases().stream().map(Case::expression).toArray(String[]::new);
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> spark = sparkInput.selectExpr(expressions);
    dev.ember.sql.Dataset<dev.ember.sql.Row> ember = emberInput(codegen).selectExpr(expressions);
    List<String> differences = new ArrayList<>();
    org.apache.spark.sql.types.StructField[] sparkFields = spark.schema().fields();
    dev.ember.sql.types.StructField[] emberFields = ember.schema().fields();
    for (int column = 0; column < expressions.length; column++) {
      String sparkField = sparkFields[column].name() + ": " + sparkFields[column].dataType().simpleString()
          + (sparkFields[column].nullable() ? " (nullable)" : "");
      String emberField = emberFields[column].name() + ": " + emberFields[column].dataType().simpleString()
          + (emberFields[column].nullable() ? " (nullable)" : "");
      if (!sparkField.equals(emberField)) {
        differences.add(expressions[column] + ": Spark's column is " + sparkField + ", Ember's " + emberField);
      }
    }
    List<org.apache.spark.sql.Row> sparkRows = spark.collectAsList();
    List<dev.ember.sql.Row> emberRows;
    try {
      emberSession().conf().set("spark.sql.codegen.wholeStage", Boolean.toString(codegen));
      emberRows = ember.collectAsList();
      if (codegen && table.interpretedBecause() == null) {
        String pipelines = ember.queryExecution().explainString("extended");
        String kernels = pipelines.substring(pipelines.indexOf("== Pipelines =="));
        assertFalse(kernels.contains("kernel=interpreted"), () -> table.name()
            + ": the generated kernel fell back to the interpreted one: "
            + kernels.substring(kernels.indexOf("kernel=interpreted")));
      }
    } finally {
      emberSession().conf().set("spark.sql.codegen.wholeStage", "true");
    }
    assertEquals(sparkRows.size(), emberRows.size(), "row count");
    for (int row = 0; row < sparkRows.size(); row++) {
      for (int column = 0; column < expressions.length; column++) {
        String expected = render(sparkRows.get(row).get(column));
        String actual = render(emberRows.get(row).get(column));
        if (!expected.equals(actual)) {
          differences.add(expressions[column] + " on input row " + row + ": Spark " + expected + ", Ember " + actual);
        }
      }
    }
    if (!differences.isEmpty()) {
      fail(table.name() + (codegen ? " (generated)" : " (interpreted)") + " differs from Spark in "
          + differences.size() + " places:\n  " + String.join("\n  ", differences));
    }
  }

  private static void compareError(Case errorCase, boolean codegen) {
    List<String> spark = errors(() -> sparkInput.selectExpr(errorCase.expression()).collectAsList());
    List<String> ember;
    try {
      ember = errors(() -> emberInput(codegen).selectExpr(errorCase.expression()).collectAsList());
    } finally {
      emberSession().conf().set("spark.sql.codegen.wholeStage", "true");
    }
    assertTrue(spark.stream().anyMatch(error -> error.startsWith(errorCase.errorCondition() + ":")),
        () -> "the table expects " + errorCase.errorCondition() + " but Spark reports " + spark);
    String sparkError = spark.stream().filter(error -> error.startsWith(errorCase.errorCondition() + ":"))
        .findFirst().orElseThrow();
    assertTrue(ember.contains(sparkError), () -> errorCase.expression() + ": Spark fails with\n  " + sparkError
        + "\nbut Ember with\n  " + ember);
  }

  /** "CONDITION: message up to SQLSTATE" for each throwable in the chain that carries a condition. */
  private static List<String> errors(Runnable query) {
    try {
      query.run();
    } catch (Exception e) { // Spark's AnalysisException is a checked exception, thrown undeclared
      List<String> errors = new ArrayList<>();
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        String condition = cause instanceof org.apache.spark.SparkThrowable spark ? spark.getCondition()
            : cause instanceof dev.ember.SparkThrowable ember ? ember.getCondition() : null;
        if (condition != null) {
          Matcher matcher = UP_TO_SQLSTATE.matcher(String.valueOf(cause.getMessage()));
          errors.add(condition + ": " + (matcher.find() ? matcher.group(1) : cause.getMessage()));
        }
      }
      if (errors.isEmpty()) {
        throw new AssertionError("failed without an error condition", e);
      }
      return errors;
    }
    return List.of("(no error)");
  }

  /** Values as text that shows every difference: doubles exactly, decimals with their scale, bytes in hex. */
  private static String render(Object value) {
    if (value instanceof byte[] bytes) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
    if (value != null && value.getClass().getSimpleName().contains("Row")) {
      // Spark's struct values are GenericRowWithSchema, Ember's GenericRow: compare their text.
      return value + " (Row)";
    }
    return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
  }

  @Test
  void everyFunctionHasConformanceCasesAndTheReadmeListsThem() throws Exception {
    SortedSet<String> implemented = FunctionRegistry.builtin().names();
    Files.createDirectories(FUNCTION_LIST.getParent());
    Files.writeString(FUNCTION_LIST, String.join("\n", implemented) + "\n");

    Set<String> covered = FunctionCases.TABLES.stream().flatMap(table -> table.cases().stream())
        .map(Case::function).collect(Collectors.toSet());
    SortedSet<String> uncovered = new TreeSet<>(implemented);
    uncovered.removeAll(covered);
    uncovered.removeAll(NOT_COVERED);
    assertEquals(Set.of(), uncovered, "registered functions without a row in FunctionCases");

    assertEquals(implemented, readmeFunctions(),
        "the README's list of built-in functions must name exactly the functions in " + FUNCTION_LIST);
  }

  /** The names in back-quotes in the README's list item that starts with "- **Built-in functions**". */
  private static SortedSet<String> readmeFunctions() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    int start = lines.indexOf(lines.stream().filter(text -> text.startsWith("- **Built-in functions**"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("README.md has no item starting with - **Built-in functions**")));
    StringBuilder item = new StringBuilder(lines.get(start));
    for (int i = start + 1; i < lines.size() && lines.get(i).startsWith("  "); i++) {
      item.append(' ').append(lines.get(i));
    }
    SortedSet<String> names = new TreeSet<>();
    // Names are identifiers, or the bitwise operators Spark registers as functions.
    Matcher matcher = Pattern.compile("`([a-z][a-z0-9_]*|[&|^~])`").matcher(item);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
