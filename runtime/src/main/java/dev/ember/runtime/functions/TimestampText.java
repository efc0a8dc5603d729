package dev.ember.runtime.functions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Timestamp text as Spark 4.2's {@code CAST(string AS TIMESTAMP)} and {@code TIMESTAMP_NTZ} read it
 * (checked against Spark 4.2.0). The text, already trimmed, is one of
 *
 * <pre>
 * [+-]yyyy[y...][-[m]m[-[d]d[( |T)[h]h[:[m]m[:[s]s[.fraction][zone]]]]]]
 * [T][h]h:[m]m:[s]s[.fraction][zone]        (a time of today; TIMESTAMP only)
 * </pre>
 *
 * Years have 4 to 7 digits; a fraction keeps its first six digits; a zone, allowed only after the
 * seconds and optionally after spaces, is {@code Z}, an offset ({@code +2}, {@code -1:00},
 * {@code +0200}, {@code +02:30:15}), a prefixed offset ({@code UTC+1}, {@code GMT-08:00}) or a region or
 * short id ({@code Europe/Paris}, {@code PST}), case-sensitive. Impossible dates and times
 * ({@code 2024-02-30}, {@code 10:60:00}) and instants beyond a bigint of microseconds are malformed.
 */
public final class TimestampText {
  /** Spark accepts a one-digit hour before a colon in an offset; java.time wants two digits. */
  private static final Pattern SHORT_OFFSET_HOUR = Pattern.compile("^([+-])(\\d):");

  /**
   * A parsed text: the wall clock it shows and the zone it names (null when it names none).
   * {@code timeOnly} marks a time without a date, which Spark reads as a time of today.
   */
  record Parsed(LocalDateTime wallClock, ZoneId zone, boolean timeOnly) {}

  private TimestampText() {}

  /** Microseconds since the epoch of {@code text} read in {@code sessionZone} unless it names a zone; null when malformed. */
  public static Long toInstant(String text, ZoneId sessionZone) {
    Objects.requireNonNull(sessionZone, "sessionZone is null");
    Parsed parsed = parse(text);
    if (parsed == null) {
      return null;
    }
    ZoneId zone = parsed.zone() == null ? sessionZone : parsed.zone();
    LocalDateTime wallClock = parsed.wallClock();
    if (parsed.timeOnly()) {
      wallClock = LocalDate.now(zone).atTime(wallClock.toLocalTime());
    }
    try {
      return DateTimeValues.micros(wallClock.atZone(zone).toInstant());
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * The microseconds of the wall clock {@code text} shows, taken as UTC (a {@code timestamp_ntz}); a
   * zone in the text must be valid but is ignored. Null when malformed or only a time.
   */
  public static Long toWallClock(String text) {
    Parsed parsed = parse(text);
    if (parsed == null || parsed.timeOnly()) {
      return null;
    }
    try {
      return DateTimeValues.micros(parsed.wallClock().toInstant(ZoneOffset.UTC));
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  /** The fields of {@code text}, or null when it is not a timestamp. */
  static Parsed parse(String text) {
    Cursor cursor = new Cursor(text);
    boolean timeOnly = cursor.peek() == 'T' || isTimeOnly(text);
    try {
      LocalDate date = LocalDate.EPOCH;
      if (!timeOnly) {
        date = date(cursor);
        if (date == null) {
          return null;
        }
        if (cursor.atEnd()) {
          return new Parsed(date.atStartOfDay(), null, false);
        }
        char separator = cursor.next();
        if (separator != ' ' && separator != 'T') {
          return null;
        }
      } else if (cursor.peek() == 'T') {
        cursor.next();
      }
      int hour = cursor.digits(1, 2);
      int minute = 0;
      int second = 0;
      int micros = 0;
      ZoneId zone = null;
      if (hour < 0) {
        return null;
      }
      if (cursor.accept(':')) {
        minute = cursor.digits(1, 2);
        if (minute < 0) {
          return null;
        }
        if (cursor.accept(':')) {
          second = cursor.digits(1, 2);
          if (second < 0) {
            return null;
          }
          if (cursor.accept('.')) {
            micros = cursor.fractionMicros();
          }
          if (!cursor.atEnd()) {
            zone = zone(cursor.rest().stripLeading());
            if (zone == null) {
              return null;
            }
          }
        }
      }
      if (!cursor.atEnd() && zone == null) {
        return null;
      }
      return new Parsed(date.atTime(LocalTime.of(hour, minute, second, micros * 1000)), zone, timeOnly);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** A time of today: digits then a colon before any dash (a date's year has at least four digits). */
  private static boolean isTimeOnly(String text) {
    int colon = text.indexOf(':');
    int dash = text.indexOf('-', 1);
    return colon > 0 && colon <= 2 && (dash < 0 || dash > colon);
  }

  private static LocalDate date(Cursor cursor) {
    int sign = 1;
    if (cursor.peek() == '+' || cursor.peek() == '-') {
      sign = cursor.next() == '-' ? -1 : 1;
    }
    int year = cursor.digits(4, 7);
    int month = 1;
    int day = 1;
    if (year < 0) {
      return null;
    }
    if (cursor.accept('-')) {
      month = cursor.digits(1, 2);
      if (month < 0) {
        return null;
      }
      if (cursor.accept('-')) {
        day = cursor.digits(1, 2);
        if (day < 0) {
          return null;
        }
      } else if (!cursor.atEnd()) {
        return null;
      }
    } else if (!cursor.atEnd()) {
      return null;
    }
    return LocalDate.of(sign * year, month, day);
  }

  /** {@code Z}, an offset ({@code +8:00} too) or a zone id, as Spark reads them; null when java.time does not know it. */
  static ZoneId zone(String text) {
    if (text.equals("Z")) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(SHORT_OFFSET_HOUR.matcher(text).replaceFirst("$10$2:"), ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Reads the text left to right. */
  private static final class Cursor {
    private final String text;
    private int position;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return position >= text.length();
    }

    char peek() {
      return atEnd() ? '\0' : text.charAt(position);
    }

    char next() {
      return text.charAt(position++);
    }

    boolean accept(char expected) {
      if (peek() == expected && !atEnd()) {
        position++;
        return true;
      }
      return false;
    }

    String rest() {
      return text.substring(position);
    }

    /** The value of the next {@code minimum} to {@code maximum} digits, or -1 when there are fewer or more. */
    int digits(int minimum, int maximum) {
      int start = position;
      int value = 0;
      while (!atEnd() && peek() >= '0' && peek() <= '9') {
        if (position - start == maximum) {
          return -1;
        }
        value = value * 10 + (next() - '0');
      }
      return position - start < minimum ? -1 : value;
    }

    /** Any number of digits, as microseconds: the first six count, later ones are dropped. */
    int fractionMicros() {
      int micros = 0;
      int count = 0;
      while (!atEnd() && peek() >= '0' && peek() <= '9') {
        int digit = next() - '0';
        if (count < 6) {
          micros = micros * 10 + digit;
          count++;
        }
      }
      for (; count < 6; count++) {
        micros *= 10;
      }
      return micros;
    }
  }
}
