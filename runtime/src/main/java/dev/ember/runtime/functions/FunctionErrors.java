package dev.ember.runtime.functions;

import dev.ember.SparkException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spark 4.2's run-time errors raised by built-in functions, with Spark's conditions, parameters and
 * message text (checked against Spark 4.2.0), minus the query context Spark appends after the
 * SQLSTATE.
 */
public final class FunctionErrors {
  private static final String ANSI_CONFIG = "\"spark.sql.ansi.enabled\"";

  private FunctionErrors() {}

  /**
   * ARITHMETIC_OVERFLOW. Spark's message differs by function: {@code overflow} (abs, negative, +),
   * {@code Overflow} (round), {@code Overflow in integral divide} (div); {@code tryFunction}, when
   * not null, is suggested as the way to get null instead.
   */
  public static SparkException arithmeticOverflow(String message, String tryFunction) {
    String alternative = tryFunction == null
        ? ""
        : " Use '" + tryFunction + "' to tolerate overflow and return NULL instead.";
    return new SparkException("ARITHMETIC_OVERFLOW",
        parameters("message", message, "alternative", alternative, "config", ANSI_CONFIG),
        message + "." + alternative + " If necessary set " + ANSI_CONFIG
            + " to \"false\" to bypass this error. SQLSTATE: 22003",
        null);
  }

  public static SparkException divideByZero() {
    return new SparkException("DIVIDE_BY_ZERO", parameters("config", ANSI_CONFIG),
        "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set "
            + ANSI_CONFIG + " to \"false\" to bypass this error. SQLSTATE: 22012",
        null);
  }

  public static SparkException remainderByZero() {
    return new SparkException("REMAINDER_BY_ZERO", parameters("config", ANSI_CONFIG),
        "Remainder by zero. Use `try_mod` to tolerate divisor being 0 and return NULL instead. If necessary set "
            + ANSI_CONFIG + " to \"false\" to bypass this error. SQLSTATE: 22012",
        null);
  }

  private static Map<String, String> parameters(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
