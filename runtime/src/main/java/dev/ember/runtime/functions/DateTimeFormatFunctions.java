package dev.ember.runtime.functions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Spark 4.2's date and time functions that read or write text in a datetime pattern: date_format,
 * to_date and to_timestamp with a pattern, unix_timestamp, to_unix_timestamp and from_unixtime.
 * Every method takes {@code (boolean ansi, ZoneId zone, DateTimeFormatterCache cache)} first; the
 * cache keeps the formatter of a constant pattern for the whole kernel. Text the pattern cannot read
 * is CANNOT_PARSE_TIMESTAMP under ANSI and null otherwise; a bad pattern always fails.
 */
public final class DateTimeFormatFunctions {
  private DateTimeFormatFunctions() {}

  /** The per-kernel cache the function definitions name. */
  public static DateTimeFormatterCache newCache() {
    return new DateTimeFormatterCache();
  }

  /** Microseconds of {@code text} read in {@code pattern}; a time zone in the text wins over the session's. */
  static Long parse(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, String text, String pattern,
      String tryFunction) {
    var parser = cache.parser(pattern);
    try {
      TemporalAccessor parsed = parser.parse(text);
      LocalDate date = parsed.query(TemporalQueries.localDate());
      LocalTime time = parsed.query(TemporalQueries.localTime());
      ZoneId parsedZone = parsed.query(TemporalQueries.zone());
      LocalDateTime local = LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time);
      return DateTimeValues.micros(local.atZone(parsedZone == null ? zone : parsedZone).toInstant());
    } catch (DateTimeException | ArithmeticException e) {
      if (ansi) {
        throw DateTimeErrors.cannotParseTimestamp(e.getMessage(), tryFunction);
      }
      return null;
    }
  }

  // date_format(timestamp, pattern)

  public static String date_format(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, long timestamp,
      String pattern) {
    return cache.formatter(pattern).format(DateTimeValues.zoned(timestamp, zone));
  }

  public static String date_format(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, int days,
      String pattern) {
    return date_format(ansi, zone, cache, DateTimeValues.startOfDay(days, zone), pattern);
  }

  public static String date_format(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, String text,
      String pattern) {
    Long timestamp = DateTimeFunctions.timestampOf(ansi, zone, text);
    return timestamp == null ? null : date_format(ansi, zone, cache, (long) timestamp, pattern);
  }

  // from_unixtime(seconds, pattern)

  public static String from_unixtime(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, long seconds,
      String pattern) {
    return cache.formatter(pattern).format(java.time.Instant.ofEpochSecond(seconds).atZone(zone));
  }

  // to_timestamp(text, pattern)

  public static Long to_timestamp(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, String text,
      String pattern) {
    return parse(ansi, zone, cache, text, pattern, "try_to_timestamp");
  }

  public static long to_timestamp(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, long timestamp,
      String pattern) {
    return timestamp;
  }

  public static long to_timestamp(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, int days,
      String pattern) {
    return DateTimeValues.startOfDay(days, zone);
  }

  // to_date(text, pattern)

  public static Integer to_date(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, String text,
      String pattern) {
    Long timestamp = parse(ansi, zone, cache, text, pattern, "try_to_date");
    return timestamp == null ? null : DateTimeValues.days(timestamp, zone);
  }

  public static int to_date(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, long timestamp,
      String pattern) {
    return DateTimeValues.days(timestamp, zone);
  }

  public static int to_date(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, int days, String pattern) {
    return days;
  }

  // unix_timestamp(value, pattern) and to_unix_timestamp(value, pattern): seconds since the epoch,
  // truncated toward zero (Spark gives 0 for 1969-12-31 23:59:59.999999 UTC, where unix_seconds gives -1).

  public static Long unix_timestamp(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, String text,
      String pattern) {
    Long timestamp = parse(ansi, zone, cache, text, pattern, "try_to_timestamp");
    return timestamp == null ? null : timestamp / DateTimeValues.MICROS_PER_SECOND;
  }

  public static long unix_timestamp(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, long timestamp,
      String pattern) {
    return timestamp / DateTimeValues.MICROS_PER_SECOND;
  }

  public static long unix_timestamp(boolean ansi, ZoneId zone, DateTimeFormatterCache cache, int days,
      String pattern) {
    return DateTimeValues.startOfDay(days, zone) / DateTimeValues.MICROS_PER_SECOND;
  }
}
