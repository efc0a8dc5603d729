package dev.ember.runtime.operators.aggregate;

import dev.ember.SparkException;
import java.util.Map;

/** Spark's ANSI-mode errors for aggregates, with Spark 4.2's conditions, parameters and text. */
final class AggregateErrors {
  private static final String ANSI_CONFIG = "\"spark.sql.ansi.enabled\"";

  private AggregateErrors() {}

  /** {@code sum} of bigint leaves the long range (Spark: "long overflow" via its add). */
  static SparkException longSumOverflow() {
    return arithmeticOverflow("overflow", " Use 'try_add' to tolerate overflow and return NULL instead.");
  }

  /** A decimal sum needs more digits than its result type has; {@code function} is sum or avg. */
  static SparkException decimalSumOverflow(AccumulatorKind kind) {
    String tryFunction = kind == AccumulatorKind.AVG_DECIMAL ? "try_avg" : "try_sum";
    return arithmeticOverflow(
        "Overflow in sum of decimals",
        " Use '" + tryFunction + "' to tolerate overflow and return NULL instead.");
  }

  private static SparkException arithmeticOverflow(String message, String alternative) {
    return new SparkException(
        "ARITHMETIC_OVERFLOW",
        Map.of("message", message, "alternative", alternative, "config", ANSI_CONFIG),
        message + "." + alternative + " If necessary set " + ANSI_CONFIG
            + " to \"false\" to bypass this error. SQLSTATE: 22003",
        null);
  }

  /** A correlation of a constant column, which Spark computes as a division by zero. */
  static SparkException divideByZero() {
    return new SparkException("DIVIDE_BY_ZERO", Map.of("config", ANSI_CONFIG),
        "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set "
            + ANSI_CONFIG + " to \"false\" to bypass this error. SQLSTATE: 22012",
        null);
  }

  /** A decimal average that does not fit its result type {@code decimal(precision, scale)}. */
  static SparkException decimalOutOfRange(String value, int precision, int scale) {
    return new SparkException(
        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
        Map.of("value", value, "precision", Integer.toString(precision), "scale", Integer.toString(scale),
            "config", ANSI_CONFIG),
        " " + value + " cannot be represented as Decimal(" + precision + ", " + scale + "). If necessary set "
            + ANSI_CONFIG + " to \"false\" to bypass this error, and return NULL instead. SQLSTATE: 22003",
        null);
  }
}
