package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Expression strings with subscripts, field access, qualified names, qualified stars and the
 * keyword-argument calls (POSITION, TRIM, SUBSTRING, OVERLAY), run through {@code selectExpr} and
 * {@code where} on Spark 4.2 and on Ember over the same nested rows: the column names, types,
 * nullability and values must agree, and so must the error condition and message of each bad one.
 */
class SqlExpressionSyntaxDifferentialTest {
  /** Two rows with arrays, maps, nested structs, an array of structs (with a null element) and strings. */
  private static final String[] NESTED_COLUMNS = {
    "id",
    "array(CAST(3 - id AS INT), 1, CASE WHEN id = 0 THEN 2 END) AS arr",
    "map('a', CAST(id AS INT), 'b', 2) AS m",
    "named_struct('x', CAST(id AS INT), 'y', named_struct('z', concat('q', id))) AS s",
    "array(named_struct('x', 7), CASE WHEN id = 1 THEN named_struct('x', 8) END) AS arrs",
    "'xxhixx' AS str",
    "'abcdef' AS w",
    "X'0102' AS b1",
    "X'03' AS b2",
    "CAST(id + 5 AS INT) AS n",
  };

  /** Each entry is one {@code selectExpr}; {@code t.} and {@code u.} entries run on {@code df.as("t")}. */
  private static final List<List<String>> SELECTIONS = List.of(
      List.of("arr[0]", "arr[1]", "m['a']", "m['zz']", "s.x", "s.y.z", "s['x']", "arrs[0].x", "arr[n - 5]"),
      List.of("S.X", "s.`x`", "m.a", "m.zz", "s.y", "(s).x", "s.y['z']", "arr[0L]", "arr[CAST(1 AS SMALLINT)]"),
      List.of("s.x + 1", "arr[0] + arr[1] * 2", "arr[0]::string", "s.y.z AS renamed", "m[NULL]"),
      List.of("arrs.x", "arrs['x']", "arrs[1].x"),
      List.of("s.*"),
      List.of("s.y.*"),
      List.of("position('hi' IN str)", "POSITION('x' IN str)", "position('hi', str)", "locate('hi', str)"),
      List.of("trim(BOTH 'x' FROM str)", "trim(LEADING 'x' FROM str)", "trim(TRAILING 'x' FROM str)",
          "trim(FROM str)", "trim(BOTH FROM str)", "trim('x' FROM str)", "trim(LEADING FROM str)",
          "trim(TRAILING 'x' || 'h' FROM str)"),
      List.of("substring(w FROM 2 FOR 3)", "substring(w FROM 2)", "substr(w FROM 2 FOR 3)", "substr(w, 2 FOR 3)",
          "substring(w FROM 2, 3)", "substr(w, 2, 3)"),
      List.of("overlay(w PLACING 'ZZ' FROM 2 FOR 3)", "overlay(w PLACING 'ZZ' FROM 2)",
          "overlay(w, 'ZZ', 2, 3)", "overlay(b1 PLACING b2 FROM 2)", "overlay(n PLACING 'Q' FROM 2)"),
      List.of("extract(YEAR FROM DATE '2024-03-05')"),
      List.of("percentile_approx(n, array(0.25, 0.5, 1.0))", "percentile_approx(n, array(0.5D), 100)",
          "approx_percentile(id, array(0.1, 0.9))", "percentile_approx(n, array())", "percentile_approx(n, 0.5)"));

  private static final List<List<String>> ALIASED_SELECTIONS = List.of(
      List.of("t.arr", "t.s.y.z", "t.m['b']", "t.arr[1] + 1", "T.S.X", "t.`s`.x", "`t`.s.y.z"),
      List.of("t.*"),
      List.of("`t`.*"),
      List.of("t.s.*"));

  private static final List<String> CONDITIONS = List.of(
      "arr[0] = 3", "s.x = 1", "m['a'] = 0", "s.y.z = 'q1'", "position('h' IN str) = 3",
      "trim(BOTH 'x' FROM str) = 'hi'");

  /** Bad expressions: the same condition and message on both engines. */
  private static final List<String> FAILURES = List.of(
      "arr[n - 3]", "arr[1.5]", "arr['1']", "n[0]", "arr[0][0]", "s.nope", "s.y.nope", "arr.x", "q.r.s", "`s.x`",
      "n.*", "s.x.*", "arr.*", "arr[", "arr[0", "arr[0 1]", "arr[0].*", "position('a' IN)",
      "trim(BOTH 'x' s)", "substring(w FROM 1 FOR)", "overlay(w PLACING 'a')");

  private static final List<String> ALIASED_FAILURES = List.of("t.nope", "t.s.nope", "t.n.*", "u.*");

  private static final Pattern UP_TO_SQLSTATE = Pattern.compile("(?s)^(.*?SQLSTATE: [0-9A-Z]{5})");

  private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> sparkInput() {
    return SparkOracle.session().range(2).selectExpr(NESTED_COLUMNS);
  }

  private static dev.ember.sql.Dataset<dev.ember.sql.Row> emberInput() {
    return EmberSessions.session().range(2).selectExpr(NESTED_COLUMNS);
  }

  @TestFactory
  Stream<DynamicTest> selectionsMatchSpark() {
    Stream<DynamicTest> plain = SELECTIONS.stream().map(expressions -> DynamicTest.dynamicTest(
        String.join(", ", expressions), () -> compare(
            sparkInput().selectExpr(expressions.toArray(String[]::new)),
            emberInput().selectExpr(expressions.toArray(String[]::new)))));
    Stream<DynamicTest> aliased = ALIASED_SELECTIONS.stream().map(expressions -> DynamicTest.dynamicTest(
        "as t: " + String.join(", ", expressions), () -> compare(
            sparkInput().as("t").selectExpr(expressions.toArray(String[]::new)),
            emberInput().as("t").selectExpr(expressions.toArray(String[]::new)))));
    Stream<DynamicTest> joined = Stream.of(DynamicTest.dynamicTest("t join u: t.n, u.n, t.s.x, u.s.y.z",
        () -> compare(
            sparkInput().as("t").join(sparkInput().as("u")).selectExpr("t.n", "u.n", "t.s.x", "u.s.y.z"),
            emberInput().as("t").join(emberInput().as("u")).selectExpr("t.n", "u.n", "t.s.x", "u.s.y.z"))));
    Stream<DynamicTest> filtered = CONDITIONS.stream().map(condition -> DynamicTest.dynamicTest(
        "where " + condition, () -> compare(sparkInput().where(condition).selectExpr("id"),
            emberInput().where(condition).selectExpr("id"))));
    return Stream.of(plain, aliased, joined, filtered).flatMap(Function.identity());
  }

  @TestFactory
  Stream<DynamicTest> failuresMatchSpark() {
    Stream<DynamicTest> plain = FAILURES.stream().map(expression -> DynamicTest.dynamicTest(expression,
        () -> compareErrors(expression,
            () -> sparkInput().selectExpr(expression).collectAsList(),
            () -> emberInput().selectExpr(expression).collectAsList())));
    Stream<DynamicTest> aliased = ALIASED_FAILURES.stream().map(expression -> DynamicTest.dynamicTest(
        "as t: " + expression, () -> compareErrors(expression,
            () -> sparkInput().as("t").selectExpr(expression).collectAsList(),
            () -> emberInput().as("t").selectExpr(expression).collectAsList())));
    return Stream.concat(plain, aliased);
  }

  private static void compare(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> spark,
      dev.ember.sql.Dataset<dev.ember.sql.Row> ember) {
    List<String> sparkColumns = Arrays.stream(spark.schema().fields())
        .map(field -> field.name() + ": " + field.dataType().simpleString() + (field.nullable() ? " (nullable)" : ""))
        .toList();
    List<String> emberColumns = Arrays.stream(ember.schema().fields())
        .map(field -> field.name() + ": " + field.dataType().simpleString() + (field.nullable() ? " (nullable)" : ""))
        .toList();
    assertEquals(sparkColumns, emberColumns, "columns");
    List<String> sparkRows = new ArrayList<>();
    for (org.apache.spark.sql.Row row : spark.collectAsList()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(render(row.get(i)));
      }
      sparkRows.add(String.join(" | ", values));
    }
    List<String> emberRows = new ArrayList<>();
    for (dev.ember.sql.Row row : ember.collectAsList()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(render(row.get(i)));
      }
      emberRows.add(String.join(" | ", values));
    }
    // A cross join's row order is not specified.
    Collections.sort(sparkRows);
    Collections.sort(emberRows);
    assertEquals(sparkRows, emberRows, "rows");
  }

  private static String render(Object value) {
    return value instanceof byte[] bytes ? "0x" + HexFormat.of().formatHex(bytes) : String.valueOf(value);
  }

  private static void compareErrors(String expression, Runnable spark, Runnable ember) {
    List<String> sparkErrors = errors(spark);
    List<String> emberErrors = errors(ember);
    assertTrue(!sparkErrors.isEmpty() && !sparkErrors.get(0).equals("(no error)"),
        () -> expression + " does not fail on Spark");
    assertTrue(emberErrors.contains(sparkErrors.get(0)), () -> expression + ": Spark fails with\n  "
        + sparkErrors.get(0) + "\nbut Ember with\n  " + emberErrors);
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
          // Spark ends a legacy message, which has no SQLSTATE, with the origin of the expression text.
          String message = String.valueOf(cause.getMessage()).replaceFirst("; line \\d+ pos \\d+$", "");
          Matcher matcher = UP_TO_SQLSTATE.matcher(message);
          errors.add(condition + ": " + (matcher.find() ? matcher.group(1) : message));
        }
      }
      if (errors.isEmpty()) {
        throw new AssertionError("failed without an error condition", e);
      }
      return errors;
    }
    return List.of("(no error)");
  }
}
