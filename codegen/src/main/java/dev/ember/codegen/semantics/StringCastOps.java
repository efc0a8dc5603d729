package dev.ember.codegen.semantics;

import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Spark 4.2's casts from strings (checked against Spark) and to strings. Parsing methods return
 * {@code null} for a malformed string when ANSI is off and raise CAST_INVALID_INPUT when it is on.
 * Leading and trailing whitespace and control characters are ignored, as in Spark.
 */
public final class StringCastOps {
  private StringCastOps() {}

  /**
   * A string as an integral {@code target} (tinyint to bigint). ANSI: an optional sign and digits
   * only ({@code 1.5} and {@code 5.} are malformed). ANSI off: a fractional part is dropped
   * ({@code -1.9} gives -1); an out-of-range value gives null.
   */
  public static Long toIntegral(String text, DataType target, boolean ansi) {
    String trimmed = trimmed(text);
    Long parsed = parseIntegral(trimmed, target, !ansi);
    if (parsed == null && ansi) {
      throw SparkErrors.castInvalidInput(text, DataTypes.StringType, target);
    }
    return parsed;
  }

  public static Double toDouble(String text, boolean ansi) {
    Double parsed = parseDouble(trimmed(text));
    if (parsed == null && ansi) {
      throw SparkErrors.castInvalidInput(text, DataTypes.StringType, DataTypes.DoubleType);
    }
    return parsed;
  }

  public static Float toFloat(String text, boolean ansi) {
    Double parsed = parseDouble(trimmed(text));
    if (parsed == null && ansi) {
      throw SparkErrors.castInvalidInput(text, DataTypes.StringType, DataTypes.FloatType);
    }
    return parsed == null ? null : parsed.floatValue();
  }

  /** Plain or scientific notation, rounded half-up to the scale; too many digits: see DecimalOps. */
  public static BigDecimal toDecimal(String text, int precision, int scale, boolean ansi) {
    BigDecimal parsed;
    try {
      parsed = new BigDecimal(trimmed(text));
    } catch (NumberFormatException e) {
      if (ansi) {
        throw SparkErrors.castInvalidInput(text, DataTypes.StringType, DataTypes.createDecimalType(precision, scale));
      }
      return null;
    }
    return DecimalOps.toPrecision(parsed, precision, scale, ansi);
  }

  /** {@code t, true, y, yes, 1} and {@code f, false, n, no, 0}, in any case. */
  public static Boolean toBoolean(String text, boolean ansi) {
    switch (trimmed(text).toLowerCase(Locale.ROOT)) {
      case "t", "true", "y", "yes", "1":
        return Boolean.TRUE;
      case "f", "false", "n", "no", "0":
        return Boolean.FALSE;
      default:
        if (ansi) {
          throw SparkErrors.castInvalidInput(text, DataTypes.StringType, DataTypes.BooleanType);
        }
        return null;
    }
  }

  /**
   * Days since the epoch. Accepted: {@code [+-]yyyy[y...]}, {@code yyyy-[m]m}, {@code yyyy-[m]m-[d]d},
   * the last optionally followed by a space or {@code T} and anything (a time part). Years have 4 to
   * 7 digits; impossible dates such as {@code 2024-02-30} are malformed.
   */
  public static Integer toDate(String text, boolean ansi) {
    Integer days = parseDate(trimmed(text));
    if (days == null && ansi) {
      throw SparkErrors.castInvalidInput(text, DataTypes.StringType, DataTypes.DateType);
    }
    return days;
  }

  public static String fromDouble(double value) {
    return Double.toString(value);
  }

  public static String fromFloat(float value) {
    return Float.toString(value);
  }

  /** Decimals print without exponent, with all digits of their scale: {@code 1.000}. */
  public static String fromDecimal(BigDecimal value) {
    return value.toPlainString();
  }

  public static String fromDate(int days) {
    return LocalDate.ofEpochDay(days).toString();
  }

  /**
   * {@code yyyy-MM-dd HH:mm:ss[.fraction]} with trailing zeros of the fraction dropped. Shown in UTC:
   * kernels do not know the session time zone yet.
   */
  public static String fromTimestamp(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int microsOfSecond = (int) Math.floorMod(micros, 1_000_000L);
    LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(LocalDate.from(time).toString()).append(' ');
    appendTwoDigits(out, time.getHour()).append(':');
    appendTwoDigits(out, time.getMinute()).append(':');
    appendTwoDigits(out, time.getSecond());
    if (microsOfSecond != 0) {
      String fraction = String.format(Locale.ROOT, "%06d", microsOfSecond);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(fraction, 0, end);
    }
    return out.toString();
  }

  private static StringBuilder appendTwoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private static Long parseIntegral(String text, DataType target, boolean allowFraction) {
    int length = text.length();
    int position = 0;
    boolean negative = false;
    if (position < length && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
      negative = text.charAt(position) == '-';
      position++;
    }
    int digitsStart = position;
    long limit = negative ? IntegralRange.minimum(target) : -IntegralRange.maximum(target);
    long accumulated = 0; // negative, so Long.MIN_VALUE is reachable
    while (position < length && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
      int digit = text.charAt(position) - '0';
      // Accumulating negatively reaches the minimum value, which has no positive counterpart.
      if (accumulated < Long.MIN_VALUE / 10) {
        return null;
      }
      long next = accumulated * 10 - digit;
      if (next > accumulated * 10 || next < limit) {
        return null;
      }
      accumulated = next;
      position++;
    }
    if (position == digitsStart) {
      // Outside ANSI mode Spark reads ".5" as 0: the integral digits may be absent if a fraction follows.
      boolean fractionFollows = allowFraction && position + 1 < length && text.charAt(position) == '.'
          && text.charAt(position + 1) >= '0' && text.charAt(position + 1) <= '9';
      if (!fractionFollows) {
        return null;
      }
    }
    if (position < length) {
      if (!allowFraction || text.charAt(position) != '.') {
        return null;
      }
      position++;
      while (position < length && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
        position++;
      }
      if (position < length) {
        return null;
      }
    }
    return negative ? accumulated : -accumulated;
  }

  /** Spark trims ASCII whitespace and control characters (up to space, and DEL) around a number. */
  static String trimmed(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isTrimmed(text.charAt(start))) {
      start++;
    }
    while (end > start && isTrimmed(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isTrimmed(char c) {
    return c <= 0x20 || c == 0x7F;
  }

  private static Double parseDouble(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer parseDate(String text) {
    int length = text.length();
    int position = 0;
    int sign = 1;
    if (position < length && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
      sign = text.charAt(position) == '-' ? -1 : 1;
      position++;
    }
    int[] fields = {0, 1, 1};
    int[] minimumDigits = {4, 1, 1};
    int[] maximumDigits = {7, 2, 2};
    for (int field = 0; field < 3; field++) {
      int start = position;
      int value = 0;
      while (position < length && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
        value = value * 10 + (text.charAt(position) - '0');
        position++;
        if (position - start > maximumDigits[field]) {
          return null;
        }
      }
      if (position - start < minimumDigits[field]) {
        return null;
      }
      fields[field] = value;
      if (position == length) {
        break;
      }
      char separator = text.charAt(position);
      if (field < 2 && separator == '-') {
        position++;
        continue;
      }
      // After the day, a time part may follow a space or 'T'; anything else is malformed.
      if (field == 2 && (separator == ' ' || separator == 'T')) {
        break;
      }
      return null;
    }
    try {
      return (int) LocalDate.of(sign * fields[0], fields[1], fields[2]).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
