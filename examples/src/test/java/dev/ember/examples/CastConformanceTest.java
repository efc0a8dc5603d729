package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Spark 4.2's cast table, generated rather than hand-picked: for every pair of the atomic types
 * below, with ANSI on and off, {@code CAST} and {@code TRY_CAST} must be accepted or rejected by
 * Ember's analysis as by Spark's, with the same error condition and message; and every cast both
 * accept must give the same values (or fail with the same condition) over sample values of the
 * source type. Arrays, maps and structs are left out: Ember's SQL parser has no syntax for their types.
 */
class CastConformanceTest {
  private static final Pattern UP_TO_SQLSTATE = Pattern.compile("(?s)^(.*?SQLSTATE: [0-9A-Z]{5})");

  /** Source types with sample values (as SQL) that exercise the casts' edge cases; null is always added. */
  private static final Map<String, List<String>> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put("VOID", List.of());
    SAMPLES.put("BOOLEAN", List.of("true", "false"));
    SAMPLES.put("TINYINT", List.of("0", "-1", "127", "-128"));
    SAMPLES.put("SMALLINT", List.of("1", "-32768", "32767"));
    SAMPLES.put("INT", List.of("0", "86400", "-2147483648", "2147483647"));
    // Not -9223372036855: Spark saturates it to the minimum timestamp, which it cannot turn into a java.sql.Timestamp.
    SAMPLES.put("BIGINT", List.of("-1", "1700000000", "9223372036854", "9223372036855", "9223372036854775807"));
    SAMPLES.put("FLOAT", List.of("1.5", "-0.25", "'NaN'", "'Infinity'", "3.4028235E38"));
    SAMPLES.put("DOUBLE", List.of("1.0000005", "-1.5", "'NaN'", "'-Infinity'", "1e20", "1700000000.123456"));
    SAMPLES.put("DECIMAL(10,2)", List.of("3.25", "-1.99", "99999999.99"));
    SAMPLES.put("STRING", List.of("'1'", "' 2024-01-02 03:04:05 '", "'true'", "'abc'", "'1.5'", "'2024-01-02'",
        "'1-2'", "'3 04:05:06'", "''"));
    SAMPLES.put("BINARY", List.of("X'41'", "X''", "X'FF00'"));
    SAMPLES.put("DATE", List.of("DATE'2024-02-29'", "DATE'1969-12-31'", "DATE'0001-01-01'"));
    SAMPLES.put("TIMESTAMP", List.of("TIMESTAMP'2024-02-29 12:34:56.789'", "TIMESTAMP'1969-12-31 23:59:59.5'",
        "TIMESTAMP'2100-01-01 00:00:00'"));
    SAMPLES.put("TIMESTAMP_NTZ", List.of("TIMESTAMP_NTZ'2024-02-29 12:34:56.789'",
        "TIMESTAMP_NTZ'1969-12-31 23:59:59.5'"));
    SAMPLES.put("INTERVAL DAY", List.of("INTERVAL '3' DAY", "INTERVAL '-1000' DAY"));
    SAMPLES.put("INTERVAL HOUR TO SECOND", List.of("INTERVAL '26:03:04.5' HOUR TO SECOND"));
    SAMPLES.put("INTERVAL YEAR TO MONTH", List.of("INTERVAL '-1-2' YEAR TO MONTH"));
  }

  /** Target types: every source type but VOID. */
  private static final List<String> TARGETS = SAMPLES.keySet().stream().filter(type -> !type.equals("VOID")).toList();

  @AfterAll
  static void ansiBackOn() {
    SparkOracle.session().conf().set("spark.sql.ansi.enabled", "true");
    EmberSessions.session().conf().set("spark.sql.ansi.enabled", "true");
  }

  private static void setAnsi(boolean ansi) {
    SparkOracle.session().conf().set("spark.sql.ansi.enabled", Boolean.toString(ansi));
    EmberSessions.session().conf().set("spark.sql.ansi.enabled", Boolean.toString(ansi));
  }

  private static String source(String type) {
    return type.equals("VOID") ? "NULL AS c" : "CAST(NULL AS " + type + ") AS c";
  }

  /**
   * One loop over the pairs: analysis first (accepted, or the same error and message), then the values
   * of all accepted casts of a source type in one query per engine; when Spark's query fails, cast by
   * cast, comparing error conditions. TRY_CAST ignores the ANSI setting, so it runs with ANSI on only.
   */
  @Test
  void castsMatchSparkForEveryPairOfTypes() {
    List<String> differences = new ArrayList<>();
    for (boolean ansi : new boolean[] {true, false}) {
      setAnsi(ansi);
      for (String kind : ansi ? List.of("CAST", "TRY_CAST") : List.of("CAST")) {
        String setting = (ansi ? "ANSI on, " : "ANSI off, ");
        for (Map.Entry<String, List<String>> sample : SAMPLES.entrySet()) {
          String from = sample.getKey();
          List<String> accepted = new ArrayList<>();
          org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> sparkNull = sparkInput(from, List.of());
          dev.ember.sql.Dataset<dev.ember.sql.Row> emberNull = emberInput(from, List.of());
          for (String to : TARGETS) {
            String cast = kind + "(c AS " + to + ")";
            String spark = outcome(() -> sparkNull.selectExpr(cast).schema().simpleString());
            String ember = outcome(() -> emberNull.selectExpr(cast).schema().simpleString());
            if (!spark.equals(ember)) {
              differences.add(setting + cast + " of " + from + " at analysis: Spark " + spark + "\n      Ember " + ember);
            } else if (!spark.startsWith("DATATYPE_MISMATCH")) {
              accepted.add(cast);
            }
          }
          compareValues(setting, from, sample.getValue(), accepted, differences);
        }
      }
    }
    if (!differences.isEmpty()) {
      fail(differences.size() + " casts differ from Spark:\n  " + String.join("\n  ", differences));
    }
  }

  private static void compareValues(String setting, String from, List<String> samples, List<String> casts,
      List<String> differences) {
    if (casts.isEmpty()) {
      return;
    }
    String[] columns = casts.toArray(String[]::new);
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> sparkSamples = sparkInput(from, samples);
    dev.ember.sql.Dataset<dev.ember.sql.Row> emberSamples = emberInput(from, samples);
    String spark = outcome(() -> rows(sparkSamples.selectExpr(columns).collectAsList()));
    if (spark.startsWith("[")) {
      String ember = outcome(() -> emberRows(emberSamples.selectExpr(columns).collectAsList()));
      if (!spark.equals(ember)) {
        differences.add(setting + String.join(", ", casts) + " of " + from + ": Spark " + spark + "\n      Ember "
            + ember);
      }
      return;
    }
    for (String cast : casts) {
      String sparkOne = outcome(() -> rows(sparkSamples.selectExpr(cast).collectAsList()));
      String emberOne = outcome(() -> emberRows(emberSamples.selectExpr(cast).collectAsList()));
      if (!conditionOf(sparkOne).equals(conditionOf(emberOne))) {
        differences.add(setting + cast + " of " + from + ": Spark " + sparkOne + "\n      Ember " + emberOne);
      }
    }
  }

  /** One row per sample and a null, as column {@code c} of the source type; only the null when {@code samples} is empty. */
  private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> sparkInput(String type, List<String> samples) {
    return SparkOracle.session().range(1).selectExpr(rowsOf(type, samples));
  }

  private static dev.ember.sql.Dataset<dev.ember.sql.Row> emberInput(String type, List<String> samples) {
    return EmberSessions.session().range(1).selectExpr(rowsOf(type, samples));
  }

  private static String rowsOf(String type, List<String> samples) {
    String nullValue = type.equals("VOID") ? "NULL" : "CAST(NULL AS " + type + ")";
    if (samples.isEmpty()) {
      return nullValue + " AS c";
    }
    List<String> values = new ArrayList<>();
    for (String sample : samples) {
      values.add("CAST(" + sample + " AS " + type + ")");
    }
    values.add(nullValue);
    return "explode(array(" + String.join(", ", values) + ")) AS c";
  }

  /** Results compare as text; an error compares by its condition only (rows may fail in another order). */
  private static String conditionOf(String outcome) {
    int colon = outcome.indexOf(':');
    return outcome.startsWith("[") || colon < 0 ? outcome : outcome.substring(0, colon);
  }

  private static String rows(List<org.apache.spark.sql.Row> rows) {
    List<String> values = new ArrayList<>();
    for (org.apache.spark.sql.Row row : rows) {
      List<String> columns = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        columns.add(render(row.get(i)));
      }
      values.add(String.join(" | ", columns));
    }
    return values.toString();
  }

  private static String emberRows(List<dev.ember.sql.Row> rows) {
    List<String> values = new ArrayList<>();
    for (dev.ember.sql.Row row : rows) {
      List<String> columns = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        columns.add(render(row.get(i)));
      }
      values.add(String.join(" | ", columns));
    }
    return values.toString();
  }

  private static String render(Object value) {
    if (value instanceof byte[] bytes) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
    return String.valueOf(value);
  }

  /** The supplier's text, or "CONDITION: message up to SQLSTATE" of the first throwable that has a condition. */
  private static String outcome(Supplier<String> query) {
    try {
      return query.get();
    } catch (Exception e) { // Spark's AnalysisException is checked, thrown undeclared
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        String condition = cause instanceof org.apache.spark.SparkThrowable spark ? spark.getCondition()
            : cause instanceof dev.ember.SparkThrowable ember ? ember.getCondition() : null;
        if (condition != null) {
          Matcher matcher = UP_TO_SQLSTATE.matcher(String.valueOf(cause.getMessage()));
          return condition + ": " + (matcher.find() ? matcher.group(1) : cause.getMessage());
        }
      }
      return "no error condition: " + e;
    }
  }
}
