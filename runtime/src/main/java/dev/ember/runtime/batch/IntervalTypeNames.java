package dev.ember.runtime.batch;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.util.List;
import java.util.Locale;

/** Reads back the type names of {@code DayTimeIntervalType} and {@code YearMonthIntervalType}. */
final class IntervalTypeNames {
  private static final List<String> DAY_TIME = List.of("day", "hour", "minute", "second");
  private static final List<String> YEAR_MONTH = List.of("year", "month");

  private IntervalTypeNames() {}

  /** The type named {@code interval <start>[ to <end>]}, e.g. {@code interval day to second}. */
  static DataType parse(String name) {
    String[] words = name.trim().toLowerCase(Locale.ROOT).split("\\s+");
    boolean shaped = words[0].equals("interval") && (words.length == 2 || words.length == 4 && words[2].equals("to"));
    if (shaped) {
      String start = words[1];
      String end = words.length == 4 ? words[3] : start;
      if (DAY_TIME.contains(start) && DAY_TIME.contains(end)) {
        return new DayTimeIntervalType((byte) DAY_TIME.indexOf(start), (byte) DAY_TIME.indexOf(end));
      } else if (YEAR_MONTH.contains(start) && YEAR_MONTH.contains(end)) {
        return new YearMonthIntervalType((byte) YEAR_MONTH.indexOf(start), (byte) YEAR_MONTH.indexOf(end));
      }
    }
    throw new IllegalArgumentException("Not an ANSI interval type name: '" + name + "'");
  }
}
