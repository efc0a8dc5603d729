package dev.ember.sql.types;

import java.util.List;
import java.util.Locale;

/**
 * Spark's ANSI {@code interval year to month} family: a signed count of months in an int, whose fields
 * ({@link #YEAR()}, {@link #MONTH()}) say only how values are written and parsed.
 */
public final class YearMonthIntervalType extends DataType {
  private static final List<String> FIELD_NAMES = List.of("year", "month");

  private final byte startField;
  private final byte endField;

  public YearMonthIntervalType(byte startField, byte endField) {
    if (startField < YEAR() || endField > MONTH() || startField > endField) {
      throw new IllegalArgumentException("[INVALID_INTERVAL_FORMAT] Invalid year-month interval fields: start "
          + startField + ", end " + endField + " (each 0 = year or 1 = month, start <= end).");
    }
    this.startField = startField;
    this.endField = endField;
  }

  /** {@code interval year to month}, Spark's default year-month interval type. */
  public YearMonthIntervalType() {
    this(YEAR(), MONTH());
  }

  public static byte YEAR() {
    return 0;
  }

  public static byte MONTH() {
    return 1;
  }

  /** The lower-case name of a field: {@code year} or {@code month}. */
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

  /** The fields as a literal names them after its string: {@code YEAR TO MONTH}, {@code MONTH}. */
  public String fieldsSql() {
    return typeName().substring("interval ".length()).toUpperCase(Locale.ROOT);
  }

  @Override
  public int defaultSize() {
    return 4;
  }

  @Override
  public String toString() {
    return "YearMonthIntervalType(" + startField + "," + endField + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof YearMonthIntervalType type
        && type.startField == startField && type.endField == endField;
  }

  @Override
  public int hashCode() {
    return 31 * startField + endField + 11;
  }
}
