package dev.ember.codegen.semantics;

import dev.ember.runtime.functions.DateTimeText;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Spark's casts among dates, timestamps and timestamps without a time zone, called by both kernels.
 * A timestamp is an instant (UTC microseconds); a timestamp without a zone is a wall-clock reading
 * stored as the microseconds it would have in UTC, so moving between the two goes through the
 * session time zone. A wall-clock time that a zone skips (a daylight-saving gap) moves forward by
 * the gap and one it repeats takes the earlier offset, as java.time and Spark both do.
 */
public final class DateTimeCastOps {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  private DateTimeCastOps() {}

  /** {@code CAST(timestamp_ntz AS TIMESTAMP)}: the instant the wall clock shows in the zone. */
  public static long wallClockToInstant(long wallClock, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(wallClock, MICROS_PER_SECOND),
        (int) Math.floorMod(wallClock, MICROS_PER_SECOND) * 1_000, ZoneOffset.UTC);
    Instant instant = local.atZone(zone).toInstant();
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000);
  }

  /** {@code CAST(timestamp AS TIMESTAMP_NTZ)}: what a wall clock in the zone shows at the instant. */
  public static long instantToWallClock(long instant, ZoneId zone) {
    Instant moment = Instant.ofEpochSecond(Math.floorDiv(instant, MICROS_PER_SECOND),
        Math.floorMod(instant, MICROS_PER_SECOND) * 1_000);
    long offsetSeconds = zone.getRules().getOffset(moment).getTotalSeconds();
    return Math.addExact(instant, offsetSeconds * MICROS_PER_SECOND);
  }

  /** {@code CAST(timestamp_ntz AS DATE)}: the day of the wall-clock reading. */
  public static int wallClockToDate(long wallClock) {
    return Math.toIntExact(Math.floorDiv(wallClock, MICROS_PER_DAY));
  }

  /** {@code CAST(date AS TIMESTAMP_NTZ)}: the day's midnight. */
  public static long dateToWallClock(int days) {
    return days * MICROS_PER_DAY;
  }

  /** {@code CAST(timestamp AS DATE)}: the day the instant falls on in the zone. */
  public static int instantToDate(long instant, ZoneId zone) {
    return wallClockToDate(instantToWallClock(instant, zone));
  }

  /** {@code CAST(date AS TIMESTAMP)}: the instant the day starts in the zone. */
  public static long dateToInstant(int days, ZoneId zone) {
    Instant start = java.time.LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant();
    return Math.multiplyExact(start.getEpochSecond(), MICROS_PER_SECOND);
  }

  /** {@code CAST(timestamp AS STRING)}: the wall clock in the zone, as {@link StringCastOps#fromTimestamp}. */
  public static String instantToString(long instant, ZoneId zone) {
    return StringCastOps.fromTimestamp(instantToWallClock(instant, zone));
  }

  /**
   * {@code CAST(string AS TIMESTAMP_NTZ)}: Spark's timestamp text, a zone in it ignored; null for
   * malformed text when ANSI is off, CAST_INVALID_INPUT when it is on.
   */
  public static Long stringToWallClock(String text, boolean ansi) {
    Long wallClock = DateTimeText.parseWallClock(StringCastOps.trimmed(text));
    if (wallClock == null && ansi) {
      throw SparkErrors.castInvalidInput(text, DataTypes.StringType, DataTypes.TimestampNTZType);
    }
    return wallClock;
  }

  /**
   * {@code CAST(string AS TIMESTAMP)}: Spark's timestamp text, read in the session time zone unless it
   * names a zone; null for malformed text when ANSI is off, CAST_INVALID_INPUT when it is on.
   */
  public static Long stringToInstant(String text, ZoneId sessionZone, boolean ansi) {
    Long instant = DateTimeText.parseTimestamp(StringCastOps.trimmed(text), sessionZone);
    if (instant == null && ansi) {
      throw SparkErrors.castInvalidInput(text, DataTypes.StringType, DataTypes.TimestampType);
    }
    return instant;
  }

  /** {@code CAST(boolean AS TIMESTAMP)} (ANSI off only): true is one microsecond after the epoch. */
  public static long booleanToInstant(boolean value) {
    return value ? 1L : 0L;
  }

  /**
   * {@code CAST(integral AS TIMESTAMP)}: seconds since the epoch. Beyond the microseconds a bigint
   * holds the result is the nearest bound, ANSI or not (as Spark 4.2 does).
   */
  public static long secondsToInstant(long seconds) {
    if (seconds > Long.MAX_VALUE / MICROS_PER_SECOND) {
      return Long.MAX_VALUE;
    } else if (seconds < Long.MIN_VALUE / MICROS_PER_SECOND) {
      return Long.MIN_VALUE;
    }
    return seconds * MICROS_PER_SECOND;
  }

  /**
   * {@code CAST(double AS TIMESTAMP)} (a float is widened first): seconds since the epoch, truncated
   * toward zero to microseconds. ANSI on: NaN and the infinities are CAST_INVALID_INPUT and microseconds
   * beyond a bigint CAST_OVERFLOW (of the double microseconds to bigint, as Spark reports it). ANSI
   * off: NaN and the infinities give null and other values saturate.
   */
  public static Long fractionalSecondsToInstant(double seconds, DataType source, boolean ansi) {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
      if (ansi) {
        throw SparkErrors.castInvalidValue(Double.toString(seconds), source, DataTypes.TimestampType);
      }
      return null;
    }
    double micros = seconds * MICROS_PER_SECOND;
    if (ansi && !(micros >= -0x1p63 && micros < 0x1p63)) {
      throw SparkErrors.castOverflow(CastOps.fractionalSql(micros, DataTypes.DoubleType), DataTypes.DoubleType,
          DataTypes.LongType);
    }
    return (long) micros;
  }

  /**
   * {@code CAST(decimal AS TIMESTAMP)}: seconds since the epoch, truncated toward zero to microseconds;
   * beyond a bigint the microseconds wrap around, ANSI or not (as Spark 4.2 does).
   */
  public static long decimalSecondsToInstant(BigDecimal seconds) {
    return seconds.movePointRight(6).setScale(0, RoundingMode.DOWN).longValue();
  }

  /**
   * {@code CAST(timestamp AS integral)}: whole seconds since the epoch, rounded down. Outside the
   * target's range: CAST_OVERFLOW (naming the timestamp) with ANSI on, null with ANSI off.
   */
  public static Long instantToIntegral(long instant, DataType target, ZoneId zone, boolean ansi) {
    long seconds = Math.floorDiv(instant, MICROS_PER_SECOND);
    if (seconds >= IntegralRange.minimum(target) && seconds <= IntegralRange.maximum(target)) {
      return seconds;
    }
    if (ansi) {
      throw SparkErrors.castOverflow("TIMESTAMP '" + instantToString(instant, zone) + "'", DataTypes.TimestampType,
          target);
    }
    return null;
  }

  /** {@code CAST(timestamp AS DOUBLE)}: seconds since the epoch with the microseconds as a fraction. */
  public static double instantToDouble(long instant) {
    return instant / (double) MICROS_PER_SECOND;
  }

  /** {@code CAST(timestamp AS DECIMAL(p, s))}: the exact seconds, rounded half up to the scale. */
  public static BigDecimal instantToDecimal(long instant, int precision, int scale, boolean ansi) {
    return DecimalOps.toPrecision(BigDecimal.valueOf(instant, 6), precision, scale, ansi);
  }
}
