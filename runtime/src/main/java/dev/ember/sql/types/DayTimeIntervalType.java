package dev.ember.sql.types;

import java.util.List;
import java.util.Locale;

/**
 * Spark's ANSI {@code interval day to second} family: a signed count of microseconds, whose fields
 * ({@link #DAY()} .. {@link #SECOND()}) say only how values are written and parsed, never what they
 * hold. {@code INTERVAL '3' DAY} and {@code INTERVAL '72' HOUR} are equal values of different types.
 */
public final class DayTimeIntervalType extends DataType {
  private static final List<String> FIELD_NAMES = List.of("day", "hour", "minute", "second");

  private final byte startField;
  private final byte endField;

  public DayTimeIntervalType(byte startField, byte endField) {
    if (startField < DAY() || endField > SECOND() || startField > endField) {
      throw new IllegalArgumentException("[INVALID_INTERVAL_FORMAT] Invalid day-time interval fields: start "
          + startField + ", end " + endField + " (each 0 = day .. 3 = second, start <= end).");
    }
    this.startField = startField;
    this.endField = endField;
  }

  /** {@code interval day to second}, Spark's default day-time interval type. */
  public DayTimeIntervalType() {
    this(DAY(), SECOND());
  }

  public static byte DAY() {
    return 0;
  }

  public static byte HOUR() {
    return 1;
  }

  public static byte MINUTE() {
    return 2;
  }

  public static byte SECOND() {
    return 3;
  }

  /** The lower-case name of a field: {@code day}, {@code hour}, {@code minute} or {@code second}. */
  public static String fieldToString(byte field) {
    return FIELD_NAMES.get(field);
  }

  public byte startField() {
    return startField;
  }

  public byte endField() {
    return endField;
  }

  @Override
  public String typeName() {
    String start = fieldToString(startField);
    return startField == endField
        ? "interval " + start
        : "interval " + start + " to " + fieldToString(endField);
  }

  /** The fields as a literal names them after its string: {@code DAY TO SECOND}, {@code HOUR}. */
  public String fieldsSql() {
    return typeName().substring("interval ".length()).toUpperCase(Locale.ROOT);
  }

  @Override
  public int defaultSize() {
    return 8;
  }

  @Override
  public String toString() {
    return "DayTimeIntervalType(" + startField + "," + endField + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DayTimeIntervalType type
        && type.startField == startField && type.endField == endField;
  }

  @Override
  public int hashCode() {
    return 31 * startField + endField + 7;
  }
}
