package dev.ember.runtime.functions;

import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Spark's text of ANSI interval values, as {@code show()}, casts to string and literal names write them:
 * {@code INTERVAL '3 04:05:06.789' DAY TO SECOND}, {@code INTERVAL '-1-2' YEAR TO MONTH}. Only the
 * fields of the type are written; the start field holds everything above it ({@code INTERVAL '30' HOUR}),
 * fields below the start have two digits, seconds keep their fraction without trailing zeros.
 */
public final class IntervalText {
  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
  static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
  private static final long[] MICROS_PER_FIELD = {MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND};

  private IntervalText() {}

  /** {@code INTERVAL '<value>' <FIELDS>} for a count of months. */
  public static String yearMonth(int months, YearMonthIntervalType type) {
    Objects.requireNonNull(type, "type is null");
    return "INTERVAL '" + yearMonthValue(months, type) + "' " + type.fieldsSql();
  }

  /** {@code INTERVAL '<value>' <FIELDS>} for a count of microseconds. */
  public static String dayTime(long micros, DayTimeIntervalType type) {
    Objects.requireNonNull(type, "type is null");
    return "INTERVAL '" + dayTimeValue(micros, type) + "' " + type.fieldsSql();
  }

  /** The quoted part of {@link #yearMonth}: {@code 1-2}, {@code -14} (months only), {@code 1} (years only). */
  static String yearMonthValue(int months, YearMonthIntervalType type) {
    String sign = months < 0 ? "-" : "";
    long magnitude = Math.abs((long) months);
    if (type.startField() == YearMonthIntervalType.MONTH()) {
      return sign + magnitude;
    } else if (type.endField() == YearMonthIntervalType.YEAR()) {
      return sign + magnitude / 12;
    }
    return sign + magnitude / 12 + "-" + magnitude % 12;
  }

  /** The quoted part of {@link #dayTime}: {@code 3 04:05:06.789}, {@code 30} (hours only) … */
  static String dayTimeValue(long micros, DayTimeIntervalType type) {
    String sign = micros < 0 ? "-" : "";
    // Long.MIN_VALUE has no positive long; its magnitude still fits an unsigned long.
    BigInteger magnitude = BigInteger.valueOf(micros).abs();
    StringBuilder text = new StringBuilder(sign);
    BigInteger rest = magnitude;
    for (int field = type.startField(); field <= type.endField(); field++) {
      boolean leading = field == type.startField();
      if (!leading) {
        text.append(field == DayTimeIntervalType.HOUR() ? " " : ":");
      }
      if (field == DayTimeIntervalType.SECOND()) {
        text.append(seconds(rest));
        break;
      }
      BigInteger[] split = rest.divideAndRemainder(BigInteger.valueOf(MICROS_PER_FIELD[field]));
      String digits = split[0].toString();
      text.append(field == DayTimeIntervalType.DAY() || digits.length() >= 2 ? digits : "0" + digits);
      rest = split[1];
    }
    return text.toString();
  }

  /** Whole seconds in at least two digits, then the fraction if any, without trailing zeros. */
  private static String seconds(BigInteger micros) {
    BigInteger[] split = micros.divideAndRemainder(BigInteger.valueOf(MICROS_PER_SECOND));
    String text = split[0].toString();
    text = text.length() < 2 ? "0" + text : text;
    long fraction = split[1].longValue();
    if (fraction == 0) {
      return text;
    }
    String digits = String.format("%06d", fraction);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return text + "." + digits.substring(0, end);
  }
}
