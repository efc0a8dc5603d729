package dev.ember.runtime.io.json;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses JSON string values as dates (days since the epoch) and timestamps (microseconds since the
 * epoch, UTC) as Spark 4.2 does.
 *
 * <p>Without a {@code dateFormat} / {@code timestampFormat} option Spark parses leniently, like a
 * SQL cast (checked against Spark: {@code 2020-1-2} is a date, {@code 2020-01-02T10:00} a date,
 * {@code 2020-01-02 03:04} a timestamp, {@code 2020-01-02} a timestamp at midnight). A timestamp
 * without a zone is in the session time zone. With a pattern, values must match it. Returns null
 * when the text is not a value. Not thread-safe.
 */
final class JsonDateTimeParser {
  private static final Pattern LENIENT_DATE = Pattern.compile("\\s*([+-]?\\d{4,6})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?(?:[ T].*)?\\s*", Pattern.DOTALL);
  private static final Pattern LENIENT_TIMESTAMP = Pattern.compile(
      "\\s*([+-]?\\d{4,6})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?"
          + "(?:[ T](?:(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?)?)?"
          + "\\s*(Z|[+-]\\d{1,2}(?::?\\d{2})?(?::?\\d{2})?|(?:UTC|GMT|UT)(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[A-Za-z_]+/[A-Za-z_/+-]+)?\\s*");

  private final ZoneId sessionZone;
  private final DateTimeFormatter dateFormatter;
  private final DateTimeFormatter timestampFormatter;

  JsonDateTimeParser(JsonOptions options, ZoneId sessionZone) {
    this.sessionZone = Objects.requireNonNull(sessionZone, "sessionZone is null");
    this.dateFormatter = options.hasDateFormat() ? formatter(options.dateFormat()) : null;
    this.timestampFormatter = options.hasTimestampFormat() ? formatter(options.timestampFormat()) : null;
  }

  /** Days since 1970-01-01, or null. */
  Integer parseDate(String text) {
    try {
      if (dateFormatter != null) {
        return (int) LocalDate.from(dateFormatter.parse(text)).toEpochDay();
      }
      Matcher matcher = LENIENT_DATE.matcher(text);
      if (!matcher.matches()) {
        return null;
      }
      return (int) date(matcher).toEpochDay();
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  /** Microseconds since the epoch, or null. */
  Long parseTimestamp(String text) {
    try {
      if (timestampFormatter != null) {
        return parseFormattedTimestamp(text);
      }
      Matcher matcher = LENIENT_TIMESTAMP.matcher(text);
      if (!matcher.matches()) {
        return null;
      }
      LocalDate date = date(matcher);
      int hour = intGroup(matcher, 4, 0);
      int minute = intGroup(matcher, 5, 0);
      int second = intGroup(matcher, 6, 0);
      String fraction = matcher.group(7);
      long micros = 0;
      if (fraction != null) {
        String six = (fraction + "000000").substring(0, 6);
        micros = Long.parseLong(six);
      }
      String zoneText = matcher.group(8);
      ZoneId zone = zoneText == null ? sessionZone : zone(zoneText);
      LocalDateTime local = date.atTime(hour, minute, second);
      long seconds = local.atZone(zone).toEpochSecond();
      return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), micros);
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  private long parseFormattedTimestamp(String text) {
    TemporalAccessor parsed = timestampFormatter.parse(text);
    LocalDate date = parsed.query(TemporalQueries.localDate());
    if (date == null) {
      throw new DateTimeException("no date in " + text);
    }
    java.time.LocalTime time = parsed.query(TemporalQueries.localTime());
    LocalDateTime local = date.atTime(time == null ? java.time.LocalTime.MIDNIGHT : time);
    ZoneId zone = parsed.query(TemporalQueries.zone());
    ZonedDateTime zoned = local.atZone(zone == null ? sessionZone : zone);
    long micros = zoned.getNano() / 1000;
    return Math.addExact(Math.multiplyExact(zoned.toEpochSecond(), 1_000_000L), micros);
  }

  private static LocalDate date(Matcher matcher) {
    int year = Integer.parseInt(matcher.group(1));
    return LocalDate.of(year, intGroup(matcher, 2, 1), intGroup(matcher, 3, 1));
  }

  private static int intGroup(Matcher matcher, int group, int defaultValue) {
    String value = matcher.group(group);
    return value == null ? defaultValue : Integer.parseInt(value);
  }

  private static ZoneId zone(String text) {
    if (text.equals("Z")) {
      return ZoneOffset.UTC;
    }
    if (text.charAt(0) == '+' || text.charAt(0) == '-') {
      String digits = text.substring(1).replace(":", "");
      int hours = Integer.parseInt(digits.substring(0, digits.length() <= 2 ? digits.length() : digits.length() % 2 == 1 ? 1 : 2));
      String rest = digits.substring(digits.length() <= 2 ? digits.length() : digits.length() % 2 == 1 ? 1 : 2);
      int minutes = rest.length() >= 2 ? Integer.parseInt(rest.substring(0, 2)) : 0;
      int seconds = rest.length() >= 4 ? Integer.parseInt(rest.substring(2, 4)) : 0;
      int sign = text.charAt(0) == '-' ? -1 : 1;
      return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
    }
    return ZoneId.of(text, ZoneId.SHORT_IDS);
  }

  /** A strict, proleptic-calendar formatter for a Spark datetime pattern. */
  static DateTimeFormatter formatter(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.US)
        .withResolverStyle(java.time.format.ResolverStyle.SMART);
  }
}
