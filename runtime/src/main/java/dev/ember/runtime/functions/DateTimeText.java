package dev.ember.runtime.functions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strings read as Spark's casts to DATE and TIMESTAMP read them, for the functions that take a date or
 * timestamp and are given text (year('2024-01-31')). A date is {@code yyyy[-[m]m[-[d]d]]}, optionally
 * followed by a space or {@code T} and anything; a timestamp adds {@code [h]h[:[m]m[:[s]s[.fraction]]]}
 * and an optional zone. A timestamp without a zone is read in the session time zone.
 */
public final class DateTimeText {
  private static final String DATE = "([+-]?\\d{4,7})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?";
  private static final Pattern DATE_TEXT = Pattern.compile(DATE + "(?:[ T].*)?", Pattern.DOTALL);
  private static final Pattern TIMESTAMP_TEXT = Pattern.compile(
      DATE + "(?:[ T](\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?)?)?\\s*(.*)");

  private DateTimeText() {}

  /** Days since 1970-01-01, or null when the text is not a date. */
  public static Integer parseDate(String text) {
    Matcher match = DATE_TEXT.matcher(text.strip());
    if (!match.matches()) {
      return null;
    }
    try {
      return (int) date(match).toEpochDay();
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** Microseconds since the epoch, or null when the text is not a timestamp. */
  public static Long parseTimestamp(String text, ZoneId sessionZone) {
    Matcher match = TIMESTAMP_TEXT.matcher(text.strip());
    if (!match.matches()) {
      return null;
    }
    try {
      String zone = match.group(8).trim();
      if (!zone.isEmpty() && match.group(6) == null) {
        // Spark reads a zone only after the seconds.
        return null;
      }
      String fraction = match.group(7) == null ? "" : match.group(7);
      // Spark keeps microseconds and drops finer digits.
      String micros = (fraction + "000000").substring(0, 6);
      LocalDateTime local = date(match).atTime(group(match, 4, 0), group(match, 5, 0), group(match, 6, 0),
          Integer.parseInt(micros) * 1000);
      return DateTimeValues.micros(local.atZone(zone.isEmpty() ? sessionZone : zone(zone)).toInstant());
    } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * The microseconds of a wall-clock reading taken as UTC (a {@code timestamp_ntz}), or null when the
   * text is not a timestamp. A zone in the text must be valid but is ignored, as in Spark.
   */
  public static Long parseWallClock(String text) {
    Matcher match = TIMESTAMP_TEXT.matcher(text.strip());
    if (!match.matches()) {
      return null;
    }
    try {
      String zone = match.group(8).trim();
      if (!zone.isEmpty()) {
        if (match.group(6) == null) {
          return null;
        }
        zone(zone);
      }
      String fraction = match.group(7) == null ? "" : match.group(7);
      String micros = (fraction + "000000").substring(0, 6);
      LocalDateTime local = date(match).atTime(group(match, 4, 0), group(match, 5, 0), group(match, 6, 0),
          Integer.parseInt(micros) * 1000);
      return DateTimeValues.micros(local.toInstant(java.time.ZoneOffset.UTC));
    } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static LocalDate date(Matcher match) {
    return LocalDate.of(Integer.parseInt(match.group(1)), group(match, 2, 1), group(match, 3, 1));
  }

  private static int group(Matcher match, int group, int absent) {
    return match.group(group) == null ? absent : Integer.parseInt(match.group(group));
  }

  private static ZoneId zone(String text) {
    if (text.equals("Z")) {
      return ZoneOffset.UTC;
    } else if (text.startsWith("+") || text.startsWith("-")) {
      return ZoneOffset.of(text);
    }
    return ZoneId.of(text, ZoneId.SHORT_IDS);
  }
}
