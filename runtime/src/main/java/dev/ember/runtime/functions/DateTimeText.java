package dev.ember.runtime.functions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
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

  /** Microseconds since the epoch, or null when the text is not a timestamp: {@link TimestampText#toInstant}. */
  public static Long parseTimestamp(String text, ZoneId sessionZone) {
    return TimestampText.toInstant(text.strip(), sessionZone);
  }

  /**
   * The microseconds of a wall-clock reading taken as UTC (a {@code timestamp_ntz}), or null when the
   * text is not a timestamp: {@link TimestampText#toWallClock}.
   */
  public static Long parseWallClock(String text) {
    return TimestampText.toWallClock(text.strip());
  }

  private static LocalDate date(Matcher match) {
    return LocalDate.of(Integer.parseInt(match.group(1)), group(match, 2, 1), group(match, 3, 1));
  }

  private static int group(Matcher match, int group, int absent) {
    return match.group(group) == null ? absent : Integer.parseInt(match.group(group));
  }
}
