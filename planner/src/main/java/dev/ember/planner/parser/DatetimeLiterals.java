package dev.ember.planner.parser;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text forms Spark accepts in {@code DATE '...'} and {@code TIMESTAMP '...'} literals. A date is
 * {@code yyyy[-[m]m[-[d]d]]}, optionally followed by a space or {@code T} and anything (ignored); a
 * timestamp adds {@code [h]h[:[m]m[:[s]s[.fraction]]]} and an optional zone ({@code Z}, {@code +02:00},
 * {@code UTC}, {@code Europe/Paris}). A timestamp without a zone is read in the session time zone, as
 * Spark reads it.
 */
final class DatetimeLiterals {
  private static final String DATE = "([+-]?\\d{4,7})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?";
  private static final Pattern DATE_TEXT = Pattern.compile(DATE + "(?:[ T].*)?", Pattern.DOTALL);
  private static final Pattern TIMESTAMP_TEXT = Pattern.compile(
      DATE + "(?:[ T](\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?)?)?\\s*(.*)");

  private DatetimeLiterals() {}

  /** Days since 1970-01-01, or empty when the text is not a valid date. */
  static Optional<Integer> parseDate(String text) {
    Matcher match = DATE_TEXT.matcher(text.trim());
    if (!match.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of((int) date(match).toEpochDay());
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Microseconds since 1970-01-01T00:00:00Z, or empty when the text is not a valid timestamp. */
  static Optional<Long> parseTimestamp(String text, ZoneId sessionZone) {
    Matcher match = TIMESTAMP_TEXT.matcher(text.trim());
    if (!match.matches()) {
      return Optional.empty();
    }
    try {
      String zone = match.group(8).trim();
      if (!zone.isEmpty() && match.group(6) == null) {
        // Spark reads a zone only after the seconds: '2024-07-01 12:00 UTC' is invalid.
        return Optional.empty();
      }
      LocalDate date = date(match);
      int hour = group(match, 4, 0);
      int minute = group(match, 5, 0);
      int second = group(match, 6, 0);
      String fraction = match.group(7) == null ? "" : match.group(7);
      // Spark keeps microseconds and drops finer digits.
      String micros = (fraction + "000000").substring(0, 6);
      LocalDateTime local = date.atTime(hour, minute, second, Integer.parseInt(micros) * 1000);
      Instant instant = local.atZone(zone.isEmpty() ? sessionZone : zone(zone)).toInstant();
      return Optional.of(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
          instant.getNano() / 1000L));
    } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /**
   * Microseconds of a wall-clock reading taken as UTC ({@code TIMESTAMP_NTZ '...'}), or empty when the
   * text is not a valid timestamp. Spark accepts a zone in the text and ignores it.
   */
  static Optional<Long> parseWallClock(String text) {
    Matcher match = TIMESTAMP_TEXT.matcher(text.trim());
    if (!match.matches()) {
      return Optional.empty();
    }
    try {
      String zone = match.group(8).trim();
      if (!zone.isEmpty()) {
        if (match.group(6) == null) {
          return Optional.empty();
        }
        zone(zone);
      }
      LocalDateTime local = localDateTime(match);
      return Optional.of(Math.addExact(Math.multiplyExact(local.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
          local.getNano() / 1000L));
    } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static LocalDateTime localDateTime(Matcher match) {
    LocalDate date = date(match);
    String fraction = match.group(7) == null ? "" : match.group(7);
    String micros = (fraction + "000000").substring(0, 6);
    return date.atTime(group(match, 4, 0), group(match, 5, 0), group(match, 6, 0), Integer.parseInt(micros) * 1000);
  }

  private static LocalDate date(Matcher match) {
    return LocalDate.of(Integer.parseInt(match.group(1)), group(match, 2, 1), group(match, 3, 1));
  }

  private static int group(Matcher match, int group, int absent) {
    return match.group(group) == null ? absent : Integer.parseInt(match.group(group));
  }

  private static ZoneId zone(String text) {
    if (text.isEmpty()) {
      return ZoneOffset.UTC;
    } else if (text.equals("Z")) {
      return ZoneOffset.UTC;
    } else if (text.startsWith("+") || text.startsWith("-")) {
      return ZoneOffset.of(text);
    }
    return ZoneId.of(text);
  }
}
