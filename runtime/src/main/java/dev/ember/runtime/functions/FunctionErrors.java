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

  /** INVALID_PARAMETER_VALUE.CHARSET: encode or decode with a charset Spark does not allow. */
  public static SparkException invalidCharset(String function, String charset, java.util.List<String> allowed) {
    String expected = String.join(", ", allowed);
    return new SparkException("INVALID_PARAMETER_VALUE.CHARSET",
        parameters("functionName", "`" + function + "`", "parameter", "`charset`", "charsets", expected,
            "charset", charset),
        "The value of parameter(s) `charset` in `" + function + "` is invalid: expects one of the " + expected
            + ", but got " + charset + ". SQLSTATE: 22023",
        null);
  }

  /** MALFORMED_CHARACTER_CODING: text that the charset cannot encode, or bytes it cannot decode. */
  public static SparkException malformedCharacterCoding(String function, String charset) {
    return new SparkException("MALFORMED_CHARACTER_CODING",
        parameters("function", "`" + function + "`", "charset", charset),
        "Invalid value found when performing `" + function + "` with " + charset + " SQLSTATE: 22000", null);
  }

  private static Map<String, String> parameters(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
