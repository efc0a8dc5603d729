package dev.ember.planner.analysis;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.YearMonthIntervalType;

/**
 * Which casts Spark 4.2 allows when one side is an ANSI interval: to and from strings, integral
 * numbers and decimals, and between intervals of one family. Floating-point numbers, booleans, dates
 * and the other family are DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION at analysis.
 */
final class IntervalCasts {
  private IntervalCasts() {}

  /** True for every cast that involves no interval: those are checked where they run. */
  static boolean allowed(DataType from, DataType to) {
    boolean fromInterval = isInterval(from);
    boolean toInterval = isInterval(to);
    if (!fromInterval && !toInterval || from.equals(to) || from instanceof NullType) {
      return true;
    } else if (fromInterval && toInterval) {
      return from.getClass() == to.getClass();
    }
    DataType other = fromInterval ? to : from;
    return other instanceof StringType || other.isIntegral() || other instanceof DecimalType;
  }

  private static boolean isInterval(DataType type) {
    return type instanceof DayTimeIntervalType || type instanceof YearMonthIntervalType;
  }
}
