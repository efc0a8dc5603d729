package dev.ember.runtime.functions;

import dev.ember.SparkException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Spark's ANSI interval arithmetic, called by both kernels. Year-month intervals are int months,
 * day-time intervals long microseconds, dates int days and timestamps long microseconds since the
 * epoch (UTC). Products and quotients round half away from zero, as Spark does.
 */
public final class IntervalFunctions {
  private static final long MICROS_PER_DAY = IntervalText.MICROS_PER_DAY;

  private IntervalFunctions() {}

  /** Microseconds of a duration, as Spark converts {@code java.time.Duration} values. */
  public static long toMicros(Duration duration) {
    return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1000L);
  }

  // Interval with interval.

  public static int yearMonthAdd(int left, int right) {
    try {
      return Math.addExact(left, right);
    } catch (ArithmeticException e) {
      throw overflow("try_add");
    }
  }

  public static long dayTimeAdd(long left, long right) {
    try {
      return Math.addExact(left, right);
    } catch (ArithmeticException e) {
      throw overflow("try_add");
    }
  }

  public static int yearMonthSubtract(int left, int right) {
    try {
      return Math.subtractExact(left, right);
    } catch (ArithmeticException e) {
      throw overflow("try_subtract");
    }
  }

  public static long dayTimeSubtract(long left, long right) {
    try {
      return Math.subtractExact(left, right);
    } catch (ArithmeticException e) {
      throw overflow("try_subtract");
    }
  }

  public static int yearMonthNegate(int months) {
    try {
      return Math.negateExact(months);
    } catch (ArithmeticException e) {
      throw overflow(null);
    }
  }

  public static long dayTimeNegate(long micros) {
    try {
      return Math.negateExact(micros);
    } catch (ArithmeticException e) {
      throw overflow(null);
    }
  }

  // Intervals from their fields.

  /** {@code make_ym_interval(years, months)}; months may be outside 0-11 and of either sign. */
  public static int makeYmInterval(int years, int months) {
    try {
      return Math.addExact(Math.multiplyExact(years, 12), months);
    } catch (ArithmeticException e) {
      throw overflow(null);
    }
  }

  /** {@code make_dt_interval(days, hours, mins, secs)}; secs is a decimal(18,6), so exact to the microsecond. */
  public static long makeDtInterval(int days, int hours, int minutes, BigDecimal seconds) {
    try {
      long micros = seconds.movePointRight(6).setScale(0, RoundingMode.DOWN).longValueExact();
      micros = Math.addExact(micros, Math.multiplyExact(minutes, 60_000_000L));
      micros = Math.addExact(micros, Math.multiplyExact(hours, 3_600_000_000L));
      return Math.addExact(micros, Math.multiplyExact(days, MICROS_PER_DAY));
    } catch (ArithmeticException e) {
      throw overflow(null);
    }
  }

  // Interval with number. Spark lets Java's own overflow errors through here ("integer overflow").

  public static int yearMonthMultiply(int months, long n) {
    return Math.toIntExact(Math.multiplyExact(months, n));
  }

  public static int yearMonthMultiply(int months, double n) {
    return Math.toIntExact(roundHalfUp(months * n));
  }

  public static int yearMonthMultiply(int months, BigDecimal n) {
    return BigDecimal.valueOf(months).multiply(n).setScale(0, RoundingMode.HALF_UP).intValueExact();
  }

  public static long dayTimeMultiply(long micros, long n) {
    return Math.multiplyExact(micros, n);
  }

  public static long dayTimeMultiply(long micros, double n) {
    return roundHalfUp(micros * n);
  }

  public static long dayTimeMultiply(long micros, BigDecimal n) {
    return BigDecimal.valueOf(micros).multiply(n).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  public static int yearMonthDivide(int months, long n) {
    checkDivisor(n == 0);
    return Math.toIntExact(divideHalfUp(months, n));
  }

  public static int yearMonthDivide(int months, double n) {
    checkDivisor(n == 0);
    return Math.toIntExact(roundHalfUp(months / n));
  }

  public static int yearMonthDivide(int months, BigDecimal n) {
    checkDivisor(n.signum() == 0);
    return BigDecimal.valueOf(months).divide(n, 0, RoundingMode.HALF_UP).intValueExact();
  }

  public static long dayTimeDivide(long micros, long n) {
    checkDivisor(n == 0);
    return divideHalfUp(micros, n);
  }

  public static long dayTimeDivide(long micros, double n) {
    checkDivisor(n == 0);
    return roundHalfUp(micros / n);
  }

  public static long dayTimeDivide(long micros, BigDecimal n) {
    checkDivisor(n.signum() == 0);
    return BigDecimal.valueOf(micros).divide(n, 0, RoundingMode.HALF_UP).longValueExact();
  }

  public static int yearMonthMultiply(int interval, byte n) {
    return yearMonthMultiply(interval, (long) n);
  }

  public static int yearMonthMultiply(int interval, short n) {
    return yearMonthMultiply(interval, (long) n);
  }

  public static int yearMonthMultiply(int interval, int n) {
    return yearMonthMultiply(interval, (long) n);
  }

  public static int yearMonthMultiply(int interval, float n) {
    return yearMonthMultiply(interval, (double) n);
  }

  public static int yearMonthDivide(int interval, byte n) {
    return yearMonthDivide(interval, (long) n);
  }

  public static int yearMonthDivide(int interval, short n) {
    return yearMonthDivide(interval, (long) n);
  }

  public static int yearMonthDivide(int interval, int n) {
    return yearMonthDivide(interval, (long) n);
  }

  public static int yearMonthDivide(int interval, float n) {
    return yearMonthDivide(interval, (double) n);
  }

  public static long dayTimeMultiply(long interval, byte n) {
    return dayTimeMultiply(interval, (long) n);
  }

  public static long dayTimeMultiply(long interval, short n) {
    return dayTimeMultiply(interval, (long) n);
  }

  public static long dayTimeMultiply(long interval, int n) {
    return dayTimeMultiply(interval, (long) n);
  }

  public static long dayTimeMultiply(long interval, float n) {
    return dayTimeMultiply(interval, (double) n);
  }

  public static long dayTimeDivide(long interval, byte n) {
    return dayTimeDivide(interval, (long) n);
  }

  public static long dayTimeDivide(long interval, short n) {
    return dayTimeDivide(interval, (long) n);
  }

  public static long dayTimeDivide(long interval, int n) {
    return dayTimeDivide(interval, (long) n);
  }

  public static long dayTimeDivide(long interval, float n) {
    return dayTimeDivide(interval, (double) n);
  }

  // Dates and timestamps with intervals.

  /** A date plus months, clamped to the month's last day as add_months does. */
  public static int dateAddYearMonth(int days, int months) {
    return Math.toIntExact(LocalDate.ofEpochDay(days).plusMonths(months).toEpochDay());
  }

  /** A date plus a day-time interval of whole days (Spark's {@code date_add(d, extractansiintervaldays(i))}). */
  public static int dateAddDays(int days, long micros) {
    return Math.addExact(days, Math.toIntExact(micros / MICROS_PER_DAY));
  }

  public static int dateSubtractDays(int days, long micros) {
    return Math.subtractExact(days, Math.toIntExact(micros / MICROS_PER_DAY));
  }

  /** The date's midnight in the session zone plus a day-time interval, as a timestamp. */
  public static long dateAddDayTime(ZoneId zone, int days, long micros) {
    return timestampAddDayTime(zone, DateTimeValues.startOfDay(days, zone), micros);
  }

  /** Months are added to the local date-time in the session zone, keeping the time of day. */
  public static long timestampAddYearMonth(ZoneId zone, long timestamp, int months) {
    return addLocal(zone, timestamp, months, 0, 0);
  }

  /**
   * Whole days of the interval move the local date-time in the session zone (a day across a DST change
   * keeps the wall-clock time); the rest is added as elapsed microseconds.
   */
  public static long timestampAddDayTime(ZoneId zone, long timestamp, long micros) {
    return addLocal(zone, timestamp, 0, micros / MICROS_PER_DAY, micros % MICROS_PER_DAY);
  }

  public static int dateSubtractYearMonth(int days, int months) {
    return dateAddYearMonth(days, yearMonthNegate(months));
  }

  public static long dateSubtractDayTime(ZoneId zone, int days, long micros) {
    return dateAddDayTime(zone, days, dayTimeNegate(micros));
  }

  public static long timestampSubtractYearMonth(ZoneId zone, long timestamp, int months) {
    return timestampAddYearMonth(zone, timestamp, yearMonthNegate(months));
  }

  public static long timestampSubtractDayTime(ZoneId zone, long timestamp, long micros) {
    return timestampAddDayTime(zone, timestamp, dayTimeNegate(micros));
  }

  /** A wall-clock reading plus months, clamped to the month's last day; no zone is involved. */
  public static long timestampNtzAddYearMonth(long wallClock, int months) {
    return addLocal(ZoneOffset.UTC, wallClock, months, 0, 0);
  }

  /** A wall-clock reading plus a day-time interval: every day has 24 hours without a zone. */
  public static long timestampNtzAddDayTime(long wallClock, long micros) {
    return Math.addExact(wallClock, micros);
  }

  public static long timestampNtzSubtractYearMonth(long wallClock, int months) {
    return timestampNtzAddYearMonth(wallClock, yearMonthNegate(months));
  }

  public static long timestampNtzSubtractDayTime(long wallClock, long micros) {
    return timestampNtzAddDayTime(wallClock, dayTimeNegate(micros));
  }

  // sum and avg: an exact decimal sum of months or microseconds, brought back to an interval.

  public static BigDecimal dayTimeAsDecimal(long micros) {
    return BigDecimal.valueOf(micros);
  }

  public static BigDecimal yearMonthAsDecimal(int months) {
    return BigDecimal.valueOf(months);
  }

  /** A group's sum; INTERVAL_ARITHMETIC_OVERFLOW (ANSI or not, as Spark) when it leaves the type's range. */
  public static long dayTimeSum(BigDecimal total) {
    if (total.toBigIntegerExact().bitLength() > 63) {
      throw overflow("try_add");
    }
    return total.longValueExact();
  }

  public static int yearMonthSum(BigDecimal total) {
    if (total.toBigIntegerExact().bitLength() > 31) {
      throw overflow("try_add");
    }
    return total.intValueExact();
  }

  /** A group's average, rounded half up (away from zero) to a microsecond; the sum must fit first. */
  public static long dayTimeAverage(BigDecimal total, long count) {
    dayTimeSum(total);
    return total.divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).longValueExact();
  }

  public static int yearMonthAverage(BigDecimal total, long count) {
    yearMonthSum(total);
    return total.divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).intValueExact();
  }

  // extract(field FROM interval): each field keeps the interval's sign; the field name is checked at analysis.

  public static int extractDays(String field, long micros) {
    return (int) (micros / MICROS_PER_DAY);
  }

  public static byte extractHours(String field, long micros) {
    return (byte) (micros / IntervalText.MICROS_PER_HOUR % 24);
  }

  public static byte extractMinutes(String field, long micros) {
    return (byte) (micros / IntervalText.MICROS_PER_MINUTE % 60);
  }

  /** Seconds with their fraction, decimal(8, 6). */
  public static BigDecimal extractSeconds(String field, long micros) {
    return BigDecimal.valueOf(micros % IntervalText.MICROS_PER_MINUTE, 6);
  }

  public static int extractYears(String field, int months) {
    return months / 12;
  }

  public static byte extractMonths(String field, int months) {
    return (byte) (months % 12);
  }

  // Differences of dates and timestamps, and the absolute value.

  /** {@code date - date}: the days between them as an INTERVAL DAY. */
  public static long dateDifference(int end, int start) {
    return ((long) end - start) * MICROS_PER_DAY;
  }

  /**
   * {@code timestamp - timestamp}: the difference of the wall clocks in the session zone, so the day
   * across a daylight-saving change is 24 hours, not the 23 that elapsed, as Spark 4.2 gives.
   */
  public static long timestampDifference(ZoneId zone, long end, long start) {
    // The offsets are applied to the difference, so instants near the ends of the range do not overflow.
    long offsetChange = offsetSeconds(zone, end) - offsetSeconds(zone, start);
    return Math.addExact(Math.subtractExact(end, start), offsetChange * 1_000_000L);
  }

  /** {@code timestamp_ntz - timestamp_ntz}: the difference of the two wall-clock readings. */
  public static long timestampNtzDifference(long end, long start) {
    return Math.subtractExact(end, start);
  }

  private static long offsetSeconds(ZoneId zone, long instant) {
    return zone.getRules().getOffset(Instant.EPOCH.plus(instant, ChronoUnit.MICROS)).getTotalSeconds();
  }

  /** {@code abs} of a year-month interval; the most negative has no positive twin (ARITHMETIC_OVERFLOW). */
  public static int yearMonthAbsolute(int months) {
    if (months == Integer.MIN_VALUE) {
      throw FunctionErrors.arithmeticOverflow("overflow", null);
    }
    return Math.abs(months);
  }

  public static long dayTimeAbsolute(long micros) {
    if (micros == Long.MIN_VALUE) {
      throw FunctionErrors.arithmeticOverflow("overflow", null);
    }
    return Math.abs(micros);
  }

  private static long addLocal(ZoneId zone, long timestamp, int months, long days, long micros) {
    long moved = timestamp;
    if (months != 0 || days != 0) {
      Instant instant = Instant.EPOCH.plus(timestamp, ChronoUnit.MICROS);
      Instant local = instant.atZone(zone).toLocalDateTime().plusMonths(months).plusDays(days).atZone(zone).toInstant();
      moved = Math.addExact(Math.multiplyExact(local.getEpochSecond(), 1_000_000L), local.getNano() / 1000L);
    }
    return Math.addExact(moved, micros);
  }

  private static long roundHalfUp(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new ArithmeticException("long overflow");
    }
    return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static long divideHalfUp(long value, long divisor) {
    long quotient = value / divisor;
    long remainder = value % divisor;
    // |2 * remainder| >= |divisor| rounds away from zero; compared without overflowing.
    if (remainder != 0 && Math.abs(remainder) >= Math.abs(divisor) - Math.abs(remainder)) {
      quotient += (value < 0) == (divisor < 0) ? 1 : -1;
    }
    return quotient;
  }

  private static void checkDivisor(boolean zero) {
    if (zero) {
      throw new SparkException("INTERVAL_DIVIDED_BY_ZERO", Map.of(),
          "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. SQLSTATE: 22012",
          null);
    }
  }

  /** INTERVAL_ARITHMETIC_OVERFLOW, suggesting {@code tryFunction} when there is one. */
  private static SparkException overflow(String tryFunction) {
    if (tryFunction == null) {
      return new SparkException("INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION", Map.of(),
          "Integer overflow while operating with intervals. Try devising appropriate values for the interval "
              + "parameters. SQLSTATE: 22015",
          null);
    }
    return new SparkException("INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION", Map.of("functionName", "`" + tryFunction + "`"),
        "Integer overflow while operating with intervals. Use `" + tryFunction
            + "` to tolerate overflow and return NULL instead. SQLSTATE: 22015",
        null);
  }
}
