package dev.ember.runtime.io.csv;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses CSV dates (days since the epoch) and timestamps (microseconds since the epoch, UTC) as
 * Spark 4.2 does.
 *
 * <p>Without a {@code dateFormat} / {@code timestampFormat} option Spark parses leniently, like a
 * SQL cast: surrounding spaces are ignored; a date is {@code [+-]yyyy[-m[m][-d[d]]]}, optionally
 * followed by a space or {@code T} and anything; a timestamp is such a date, then optionally
 * {@code [h]h[:[m]m[:[s]s[.fraction]]]} and a zone ({@code Z}, {@code +02:00}, {@code UTC},
 * {@code America/Los_Angeles}, with or without a space before it). Fractions beyond microseconds
 * are cut off. A timestamp without a zone is in the session time zone. With an explicit pattern,
 * values must match it exactly. Failures set {@link #failed()}. Not thread-safe.
 */
final class CsvDateTimeParser {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long SECONDS_PER_DAY = 86_400L;

  private final ZoneId sessionZone;
  private final ZoneOffset sessionFixedOffset;
  private final DateTimeFormatter dateFormatter;
  private final DateTimeFormatter timestampFormatter;
  private boolean failed;
  // The parsed pieces of the last lenient value, kept in fields to avoid allocating per value.
  private int year;
  private int month;
  private int day;
  private int position;
  private String lastZoneText;
  private ZoneId lastZone;

  CsvDateTimeParser(CsvOptions options, ZoneId sessionZone) {
    this.sessionZone = Objects.requireNonNull(sessionZone, "sessionZone is null");
    this.sessionFixedOffset = fixedOffset(sessionZone);
    this.dateFormatter = options.hasDateFormat() ? formatter(options.dateFormat()) : null;
    this.timestampFormatter = options.hasTimestampFormat() ? formatter(options.timestampFormat()) : null;
  }

  boolean failed() {
    return failed;
  }

  int parseDate(byte[] bytes, int start, int end) {
    if (dateFormatter != null) {
      return parseFormattedDate(bytes, start, end);
    }
    failed = true;
    int first = skipSpaces(bytes, start, end);
    int last = trimSpaces(bytes, first, end);
    if (!parseDatePart(bytes, first, last)) {
      return 0;
    }
    if (position < last && bytes[position] != ' ' && bytes[position] != 'T') {
      return 0;
    }
    failed = false;
    return (int) epochDay(year, month, day);
  }

  long parseTimestamp(byte[] bytes, int start, int end) {
    if (timestampFormatter != null) {
      return parseFormattedTimestamp(bytes, start, end);
    }
    failed = true;
    int first = skipSpaces(bytes, start, end);
    int last = trimSpaces(bytes, first, end);
    if (!parseDatePart(bytes, first, last)) {
      return 0;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    long micros = 0;
    if (position < last) {
      byte separator = bytes[position];
      if (separator != ' ' && separator != 'T') {
        return 0;
      }
      position++;
      if (position < last && isDigit(bytes[position])) {
        hour = digits(bytes, last, 1, 2);
        if (hour < 0 || hour > 23) {
          return 0;
        }
        if (position < last && bytes[position] == ':') {
          position++;
          minute = digits(bytes, last, 1, 2);
          if (minute < 0 || minute > 59) {
            return 0;
          }
          if (position < last && bytes[position] == ':') {
            position++;
            second = digits(bytes, last, 1, 2);
            if (second < 0 || second > 59) {
              return 0;
            }
            if (position < last && bytes[position] == '.') {
              position++;
              int fractionStart = position;
              while (position < last && isDigit(bytes[position])) {
                if (position - fractionStart < 6) {
                  micros = micros * 10 + (bytes[position] - '0');
                }
                position++;
              }
              int fractionDigits = position - fractionStart;
              if (fractionDigits == 0 || fractionDigits > 9) {
                return 0;
              }
              for (int i = fractionDigits; i < 6; i++) {
                micros *= 10;
              }
            }
          }
        }
      }
    }
    ZoneId zone = sessionZone;
    ZoneOffset offset = sessionFixedOffset;
    int zoneStart = position;
    while (zoneStart < last && bytes[zoneStart] == ' ') {
      zoneStart++;
    }
    if (zoneStart < last) {
      zone = zone(new String(bytes, zoneStart, last - zoneStart, StandardCharsets.UTF_8));
      if (zone == null) {
        return 0;
      }
      offset = fixedOffset(zone);
    } else if (position < last) {
      return 0;
    }
    long days = epochDay(year, month, day);
    long localSeconds = days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    long epochSeconds;
    if (offset != null) {
      epochSeconds = localSeconds - offset.getTotalSeconds();
    } else {
      epochSeconds = LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toEpochSecond();
    }
    failed = false;
    return epochSeconds * MICROS_PER_SECOND + micros;
  }

  /** Reads {@code [+-]yyyy[-m[m][-d[d]]]} from {@code start}; leaves {@link #position} after it. */
  private boolean parseDatePart(byte[] bytes, int start, int end) {
    position = start;
    boolean negative = false;
    if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
      negative = bytes[position] == '-';
      position++;
    }
    int parsedYear = digits(bytes, end, 4, 7);
    if (parsedYear < 0) {
      return false;
    }
    year = negative ? -parsedYear : parsedYear;
    month = 1;
    day = 1;
    if (position < end && bytes[position] == '-') {
      position++;
      month = digits(bytes, end, 1, 2);
      if (month < 1 || month > 12) {
        return false;
      }
      if (position < end && bytes[position] == '-') {
        position++;
        day = digits(bytes, end, 1, 2);
        if (day < 1 || day > daysInMonth(year, month)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Reads between {@code min} and {@code max} digits at {@link #position}; -1 if there are fewer. */
  private int digits(byte[] bytes, int end, int min, int max) {
    int value = 0;
    int count = 0;
    while (position < end && isDigit(bytes[position])) {
      if (++count > max) {
        return -1;
      }
      value = value * 10 + (bytes[position] - '0');
      position++;
    }
    return count < min ? -1 : value;
  }

  private ZoneId zone(String text) {
    if (text.equals(lastZoneText)) {
      return lastZone;
    }
    ZoneId zone;
    try {
      zone = text.equals("Z") ? ZoneOffset.UTC : ZoneId.of(text, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      zone = null;
    }
    lastZoneText = text;
    lastZone = zone;
    return zone;
  }

  private static ZoneOffset fixedOffset(ZoneId zone) {
    if (zone instanceof ZoneOffset offset) {
      return offset;
    }
    return zone.getRules().isFixedOffset() ? zone.getRules().getOffset(java.time.Instant.EPOCH) : null;
  }

  private int parseFormattedDate(byte[] bytes, int start, int end) {
    failed = true;
    try {
      TemporalAccessor parsed = dateFormatter.parse(new String(bytes, start, end - start, StandardCharsets.UTF_8));
      LocalDate date = parsed.query(TemporalQueries.localDate());
      if (date == null) {
        return 0;
      }
      failed = false;
      return (int) date.toEpochDay();
    } catch (DateTimeException e) {
      return 0;
    }
  }

  private long parseFormattedTimestamp(byte[] bytes, int start, int end) {
    failed = true;
    try {
      TemporalAccessor parsed =
          timestampFormatter.parse(new String(bytes, start, end - start, StandardCharsets.UTF_8));
      LocalDate date = parsed.query(TemporalQueries.localDate());
      if (date == null) {
        return 0;
      }
      LocalTime time = parsed.query(TemporalQueries.localTime());
      ZoneId zone = parsed.query(TemporalQueries.zone());
      LocalDateTime local = date.atTime(time == null ? LocalTime.MIDNIGHT : time);
      java.time.Instant instant = local.atZone(zone == null ? sessionZone : zone).toInstant();
      failed = false;
      return instant.getEpochSecond() * MICROS_PER_SECOND + instant.getNano() / 1000;
    } catch (DateTimeException | ArithmeticException e) {
      return 0;
    }
  }

  /**
   * A formatter for a Spark datetime pattern. Spark's patterns are Java's, except that Spark's
   * {@code y} is a proleptic year, which is Java's {@code u}.
   */
  static DateTimeFormatter formatter(String pattern) {
    StringBuilder javaPattern = new StringBuilder(pattern.length());
    boolean inQuotes = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        inQuotes = !inQuotes;
      }
      javaPattern.append(!inQuotes && c == 'y' ? 'u' : c);
    }
    try {
      return new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern(javaPattern.toString())
          .parseDefaulting(ChronoField.ERA, 1)
          .toFormatter(Locale.US)
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid datetime pattern in CSV options: '" + pattern + "'", e);
    }
  }

  private static int skipSpaces(byte[] bytes, int start, int end) {
    while (start < end && bytes[start] >= 0 && bytes[start] <= ' ') {
      start++;
    }
    return start;
  }

  private static int trimSpaces(byte[] bytes, int start, int end) {
    while (end > start && bytes[end - 1] >= 0 && bytes[end - 1] <= ' ') {
      end--;
    }
    return end;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isLeapYear(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeapYear(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 in the proleptic Gregorian calendar, without allocating a LocalDate. */
  static long epochDay(long year, int month, int day) {
    long adjustedYear = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(adjustedYear, 400);
    long yearOfEra = adjustedYear - era * 400;
    int shiftedMonth = month > 2 ? month - 3 : month + 9;
    long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }
}
