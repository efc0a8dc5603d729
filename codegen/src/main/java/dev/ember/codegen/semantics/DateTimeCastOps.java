package dev.ember.codegen.semantics;

import dev.ember.runtime.functions.DateTimeText;
import dev.ember.sql.types.DataTypes;
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
}
