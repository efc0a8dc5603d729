package dev.ember.codegen.semantics;

import dev.ember.SparkException;
import dev.ember.sql.types.DataType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spark 4.2's runtime errors for expression evaluation, with Spark's conditions and message text as
 * {@code getMessage()} prints them (checked against Spark 4.2.0), minus the query context that Spark
 * appends after the SQLSTATE: Ember does not keep the SQL text positions at runtime.
 */
public final class SparkErrors {
  private static final String ANSI_CONFIG = "\"spark.sql.ansi.enabled\"";

  private SparkErrors() {}

  /** {@code int}/{@code bigint} overflow of {@code + - *}; {@code tryFunction} is e.g. {@code try_add}. */
  public static SparkException arithmeticOverflow(String tryFunction) {
    return dev.ember.runtime.functions.FunctionErrors.arithmeticOverflow("overflow", tryFunction);
  }

  /** {@code tinyint}/{@code smallint} overflow, which Spark reports with both operands. */
  public static SparkException binaryArithmeticOverflow(String left, String operator, String right,
      String tryFunction) {
    return new SparkException("BINARY_ARITHMETIC_OVERFLOW",
        parameters("value1", left, "symbol", operator, "value2", right, "functionName", "`" + tryFunction + "`"),
        left + " " + operator + " " + right + " caused overflow. Use `" + tryFunction
            + "` to ignore overflow problem and return NULL. SQLSTATE: 22003",
        null);
  }

  /** The same errors the function implementations raise (one text for both). */
  public static SparkException divideByZero() {
    return dev.ember.runtime.functions.FunctionErrors.divideByZero();
  }

  public static SparkException remainderByZero() {
    return dev.ember.runtime.functions.FunctionErrors.remainderByZero();
  }

  /** A string that does not parse as the target type; {@code value} is the raw string. */
  public static SparkException castInvalidInput(String value, DataType from, DataType to) {
    return new SparkException("CAST_INVALID_INPUT",
        parameters("expression", "'" + value + "'", "sourceType", quoted(from), "targetType", quoted(to),
            "ansiConfig", ANSI_CONFIG),
        "The value '" + value + "' of the type " + quoted(from) + " cannot be cast to " + quoted(to)
            + " because it is malformed. Correct the value as per the syntax, or change its target type."
            + " Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018",
        null);
  }

  /** A value that has no counterpart in the target type, e.g. NaN as a timestamp; {@code valueSql} unquoted. */
  public static SparkException castInvalidValue(String valueSql, DataType from, DataType to) {
    return new SparkException("CAST_INVALID_INPUT",
        parameters("expression", valueSql, "sourceType", quoted(from), "targetType", quoted(to),
            "ansiConfig", ANSI_CONFIG),
        "The value " + valueSql + " of the type " + quoted(from) + " cannot be cast to " + quoted(to)
            + " because it is malformed. Correct the value as per the syntax, or change its target type."
            + " Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018",
        null);
  }

  /** A number outside the target type's range; {@code valueSql} is Spark's literal form, e.g. {@code 3000000000L}. */
  public static SparkException castOverflow(String valueSql, DataType from, DataType to) {
    return new SparkException("CAST_OVERFLOW",
        parameters("value", valueSql, "sourceType", quoted(from), "targetType", quoted(to),
            "ansiConfig", ANSI_CONFIG),
        "The value " + valueSql + " of the type " + quoted(from) + " cannot be cast to " + quoted(to)
            + " due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. SQLSTATE: 22003",
        null);
  }

  /** A decimal result that needs more digits than {@code decimal(precision, scale)} has. */
  public static SparkException numericValueOutOfRange(BigDecimal value, int precision, int scale) {
    return new SparkException("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        parameters("value", value.toPlainString(), "precision", Integer.toString(precision),
            "scale", Integer.toString(scale), "config", ANSI_CONFIG),
        // Spark's template puts a space before the value, giving two spaces after the condition.
        " " + value.toPlainString() + " cannot be represented as Decimal(" + precision + ", " + scale
            + "). If necessary set " + ANSI_CONFIG
            + " to \"false\" to bypass this error, and return NULL instead. SQLSTATE: 22003",
        null);
  }

  private static String quoted(DataType type) {
    return "\"" + type.sql() + "\"";
  }

  private static Map<String, String> parameters(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
