package dev.ember.api.format;

import dev.ember.api.rows.SqlDateTimes;
import dev.ember.sql.Row;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * How {@code Dataset.show()} renders one value, per type, as Spark 4.2 does (each rule checked
 * against Spark's output): NULL as {@code NULL}; floats and doubles as Java prints them
 * ({@code 1.0E10}, {@code NaN}, {@code -0.0}); decimals in plain notation with the column's scale;
 * binary as upper-case hex bytes in brackets; dates as {@code yyyy-MM-dd} with a sign beyond four
 * digits; timestamps in the session time zone with trailing zeros of the fraction dropped (timestamps
 * without a zone as they are); arrays
 * as {@code [1, 2, NULL]}, maps as {@code {a -> 1, b -> NULL}} and structs as {@code {1, x}}, their
 * values rendered by the same rules.
 */
public final class DisplayStrings {
  public static final String NULL = "NULL";

  private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

  private DisplayStrings() {}

  /**
   * The text {@code show} prints for {@code value} of column type {@code type}, before control
   * characters are escaped and before truncation.
   *
   * @param sessionZone the zone timestamps are shown in ({@code spark.sql.session.timeZone})
   */
  public static String toDisplayString(Object value, DataType type, ZoneId sessionZone) {
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(sessionZone, "sessionZone is null");
    if (value == null) {
      return NULL;
    }
    if (type instanceof ArrayType array && value instanceof scala.collection.Iterable<?> elements) {
      StringJoiner joined = new StringJoiner(", ", "[", "]");
      elements.foreach(element -> joined.add(toDisplayString(element, array.elementType(), sessionZone)));
      return joined.toString();
    }
    if (type instanceof MapType map && value instanceof scala.collection.Map<?, ?> entries) {
      StringJoiner joined = new StringJoiner(", ", "{", "}");
      entries.foreachEntry((key, entry) -> joined.add(toDisplayString(key, map.keyType(), sessionZone) + " -> "
          + toDisplayString(entry, map.valueType(), sessionZone)));
      return joined.toString();
    }
    if (type instanceof StructType struct && value instanceof Row row) {
      StringJoiner joined = new StringJoiner(", ", "{", "}");
      for (int i = 0; i < row.size(); i++) {
        joined.add(toDisplayString(row.get(i), struct.apply(i).dataType(), sessionZone));
      }
      return joined.toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimalString(decimal, type);
    }
    if (value instanceof byte[] bytes) {
      return binaryString(bytes);
    }
    if (value instanceof Date date) {
      return dateString(SqlDateTimes.toLocalDate(date));
    }
    if (value instanceof LocalDate date) {
      return dateString(date);
    }
    if (value instanceof Timestamp timestamp) {
      return timestampString(SqlDateTimes.toInstant(timestamp), sessionZone);
    }
    if (value instanceof java.time.Duration duration
        && type instanceof dev.ember.sql.types.DayTimeIntervalType dayTime) {
      return dev.ember.runtime.functions.IntervalText.dayTime(
          dev.ember.runtime.functions.IntervalFunctions.toMicros(duration), dayTime);
    }
    if (value instanceof java.time.Period period
        && type instanceof dev.ember.sql.types.YearMonthIntervalType yearMonth) {
      return dev.ember.runtime.functions.IntervalText.yearMonth((int) period.toTotalMonths(), yearMonth);
    }
    if (value instanceof Instant instant) {
      return timestampString(instant, sessionZone);
    }
    if (value instanceof LocalDateTime wallClock) {
      // A timestamp without a time zone shows its own digits under every session zone.
      return timestampString(wallClock.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }
    // Booleans, integers, floats (Float.toString and Spark agree, e.g. 0.33333334) and strings.
    return value.toString();
  }

  /** Plain notation, never scientific: a decimal(10,8) holding 1E-8 shows as {@code 0.00000001}. */
  static String decimalString(BigDecimal decimal, DataType type) {
    BigDecimal scaled = decimal;
    if (type instanceof DecimalType decimalType && decimal.scale() != decimalType.scale()) {
      scaled = decimal.setScale(decimalType.scale(), RoundingMode.HALF_UP);
    }
    return scaled.toPlainString();
  }

  /** {@code [4A 6F FF 00]}; an empty value is {@code []}. */
  static String binaryString(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 3 + 2).append('[');
    for (int i = 0; i < bytes.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(HEX_DIGITS[(bytes[i] >> 4) & 0xF]).append(HEX_DIGITS[bytes[i] & 0xF]);
    }
    return out.append(']').toString();
  }

  /** {@code 2024-01-15}; {@code +10000-01-01} and {@code -0044-03-15} outside years 0 to 9999. */
  static String dateString(LocalDate date) {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
  }

  /**
   * {@code 2024-01-15 10:30:00}, with the fraction of a second to microseconds and its trailing
   * zeros dropped: {@code .1}, {@code .12}, {@code .000001}.
   */
  static String timestampString(Instant instant, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    StringBuilder out = new StringBuilder(26)
        .append(dateString(local.toLocalDate()))
        .append(' ');
    appendTwoDigits(out, local.getHour()).append(':');
    appendTwoDigits(out, local.getMinute()).append(':');
    appendTwoDigits(out, local.getSecond());
    int micros = local.getNano() / 1_000;
    if (micros != 0) {
      String digits = Integer.toString(micros + 1_000_000).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(digits, 0, end);
    }
    return out.toString();
  }

  /**
   * Replaces the control characters Spark escapes in {@code show} output with their backslash
   * forms: BEL {@code \a}, backspace {@code \b}, tab {@code \t}, newline {@code \n}, vertical tab
   * {@code \v}, form feed {@code \f}, carriage return {@code \r}. Other characters, including other
   * control characters and the backslash itself, are left alone.
   */
  public static String escapeControlCharacters(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape = switch (c) {
        case '\u0007' -> "\\a";
        case '\b' -> "\\b";
        case '\t' -> "\\t";
        case '\n' -> "\\n";
        case '\u000B' -> "\\v";
        case '\f' -> "\\f";
        case '\r' -> "\\r";
        default -> null;
      };
      if (escape != null && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (escape != null) {
          out.append(escape);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static StringBuilder appendTwoDigits(StringBuilder out, int value) {
    if (value < 10) {
      out.append('0');
    }
    return out.append(value);
  }
}
