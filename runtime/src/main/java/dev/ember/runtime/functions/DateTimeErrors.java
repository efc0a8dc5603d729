package dev.ember.runtime.functions;

import dev.ember.SparkException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spark 4.2's run-time errors of the date and time functions, with Spark's conditions, parameters
 * and message text (checked against Spark 4.2.0) up to the SQLSTATE.
 */
public final class DateTimeErrors {
  private static final String ANSI_CONFIG = "\"spark.sql.ansi.enabled\"";

  private DateTimeErrors() {}

  /** A string that is not a date or timestamp, cast implicitly (year('x'), to_date('x')). */
  public static SparkException castInvalidInput(String text, String targetType) {
    return new SparkException("CAST_INVALID_INPUT",
        parameters("expression", "'" + text + "'", "sourceType", "\"STRING\"", "targetType", "\"" + targetType + "\""),
        "The value '" + text + "' of the type \"STRING\" cannot be cast to \"" + targetType
            + "\" because it is malformed. Correct the value as per the syntax, or change its target type. "
            + "Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018",
        null);
  }

  /** Text a pattern cannot read; {@code tryFunction} is the function Spark suggests (try_to_timestamp). */
  public static SparkException cannotParseTimestamp(String message, String tryFunction) {
    return new SparkException("CANNOT_PARSE_TIMESTAMP", parameters("message", message, "func", tryFunction),
        message + ". Use `" + tryFunction + "` to tolerate invalid input string and return NULL instead. "
            + "SQLSTATE: 22007",
        null);
  }

  /** A zone argument java.time cannot read (from_utc_timestamp(ts, 'Mars/Base')). */
  public static SparkException invalidTimeZone(String text) {
    return new SparkException("INVALID_TIMEZONE", parameters("timeZone", text),
        "The timezone: " + text + " is invalid. The timezone must be either a region-based zone ID or a zone offset. "
            + "Region IDs must have the form 'area/city', such as 'America/Los_Angeles'. Zone offsets must be in the "
            + "format '(+|-)HH', '(+|-)HH:mm\u2019 or '(+|-)HH:mm:ss', e.g '-08' , '+01:00' or '-13:33:33', and must be in "
            + "the range from -18:00 to +18:00. 'Z' and 'UTC' are accepted as synonyms for '+00:00'. SQLSTATE: 22009",
        null);
  }

  public static SparkException illegalDayOfWeek(String text) {
    return new SparkException("ILLEGAL_DAY_OF_WEEK", parameters("string", text),
        "Illegal input for day of week: " + text + ". SQLSTATE: 22009", null);
  }

  /** make_date(2024, 2, 30) and friends; {@code message} is java.time's, as in Spark. */
  public static SparkException fieldOutOfBounds(String message) {
    return new SparkException("DATETIME_FIELD_OUT_OF_BOUNDS.WITH_SUGGESTION",
        parameters("rangeMessage", message, "ansiConfig", ANSI_CONFIG),
        message + ". If necessary set " + ANSI_CONFIG + " to \"false\" to bypass this error. SQLSTATE: 22023",
        null);
  }

  public static SparkException overflow(String message) {
    return new SparkException("ARITHMETIC_OVERFLOW",
        parameters("message", message, "alternative", "", "config", ANSI_CONFIG),
        message + ". If necessary set " + ANSI_CONFIG + " to \"false\" to bypass this error. SQLSTATE: 22003",
        null);
  }

  /** A pattern with a letter java.time does not know ({@code b}). */
  public static SparkException invalidPattern(String pattern) {
    return new SparkException("INVALID_DATETIME_PATTERN.WITH_SUGGESTION", parameters("pattern", "'" + pattern + "'"),
        "Unrecognized datetime pattern: '" + pattern + "'. You can form a valid datetime pattern with the guide from "
            + "'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'. SQLSTATE: 22007",
        null);
  }

  /** A pattern with a letter Spark 3 and later reject though java.time knows it: week-based {@code Y}, {@code u}. */
  public static SparkException patternNotRecognized(String pattern) {
    return new SparkException("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION",
        parameters("pattern", "'" + pattern + "'", "config", "\"spark.sql.legacy.timeParserPolicy\"",
            "docroot", "https://spark.apache.org/docs/latest"),
        "You may get a different result due to the upgrading to Spark >= 3.0:\nFail to recognize '" + pattern
            + "' pattern in the DateTimeFormatter.\n1) You can set \"spark.sql.legacy.timeParserPolicy\" to "
            + "\"LEGACY\" to restore the behavior before Spark 3.0.\n2) You can form a valid datetime pattern with "
            + "the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'. SQLSTATE: 42K0B",
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
