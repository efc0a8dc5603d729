package dev.ember.runtime.functions;

import dev.ember.SparkException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spark 4.2's errors of the string, regular expression and LIKE functions, with Spark's conditions,
 * parameters and message text (observed on Spark 4.2.0).
 */
public final class StringFunctionErrors {
  private StringFunctionErrors() {}

  /** INVALID_PARAMETER_VALUE.PATTERN: a regular expression Java cannot compile. */
  public static SparkException invalidPattern(String function, String regex) {
    return new SparkException("INVALID_PARAMETER_VALUE.PATTERN",
        parameters("parameter", "`regexp`", "functionName", "`" + function + "`", "expected", "'" + regex + "'"),
        "The value of parameter(s) `regexp` in `" + function + "` is invalid: '" + regex + "'. SQLSTATE: 22023",
        null);
  }

  /** INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX. */
  public static SparkException groupIndexOutOfRange(String function, int groupCount, int index) {
    return new SparkException("INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX",
        parameters("parameter", "`idx`", "functionName", "`" + function + "`"),
        "The value of parameter(s) `idx` in `" + function + "` is invalid: Expects group index between 0 and "
            + groupCount + ", but got " + index + ". SQLSTATE: 22023",
        null);
  }

  /** INVALID_REGEXP_REPLACE: the replacement refers to a group that does not exist, or ends in a lone $ or \. */
  public static SparkException invalidReplacement(String source, String regex, String replacement, int position) {
    return new SparkException("INVALID_REGEXP_REPLACE",
        parameters("source", source, "pattern", regex, "replacement", replacement, "position",
            Integer.toString(position)),
        "Could not perform regexp_replace for source = \"" + source + "\", pattern = \"" + regex
            + "\", replacement = \"" + replacement + "\" and position = " + position + ". SQLSTATE: 22023",
        null);
  }

  /** regexp_replace's position must be positive. */
  public static SparkException positionNotPositive(int position) {
    return new SparkException("INVALID_PARAMETER_VALUE.REGEXP_REPLACE_POSITION",
        parameters("parameter", "`position`", "functionName", "`regexp_replace`"),
        "The value of parameter(s) `position` in `regexp_replace` is invalid: expects a positive number, but got "
            + position + ". SQLSTATE: 22023",
        null);
  }

  /** INVALID_ESCAPE_CHAR: LIKE's escape is not a single character. */
  public static SparkException invalidEscapeCharacter(String escape) {
    return new SparkException("INVALID_ESCAPE_CHAR", parameters("sqlExpr", "\"" + escape + "\""),
        "`EscapeChar` should be a string literal of length one, but got \"" + escape + "\". SQLSTATE: 42604", null);
  }

  /** INVALID_FORMAT.ESC_AT_THE_END: a LIKE pattern ending in its escape character. */
  public static SparkException escapeAtTheEnd(String pattern) {
    return new SparkException("INVALID_FORMAT.ESC_AT_THE_END", parameters("format", shown(pattern)),
        "The format is invalid: " + shown(pattern) + ". The escape character is not allowed to end with."
            + " SQLSTATE: 42601",
        null);
  }

  /** INVALID_FORMAT.ESC_IN_THE_MIDDLE: the escape character before something other than _, % or itself. */
  public static SparkException escapeInTheMiddle(String pattern, int next) {
    String character = new String(Character.toChars(next));
    return new SparkException("INVALID_FORMAT.ESC_IN_THE_MIDDLE",
        parameters("format", shown(pattern), "char", "'" + character + "'"),
        "The format is invalid: " + shown(pattern) + ". The escape character is not allowed to precede '"
            + character + "'. SQLSTATE: 42601",
        null);
  }

  /** Spark quotes the pattern as a SQL literal, doubling backslashes. */
  private static String shown(String pattern) {
    return "'" + pattern.replace("\\", "\\\\") + "'";
  }

  private static Map<String, String> parameters(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
