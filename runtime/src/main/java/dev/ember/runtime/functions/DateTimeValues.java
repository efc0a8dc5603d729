package dev.ember.runtime.functions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Conversions between Ember's date and timestamp values and java.time, in a given zone. */
public final class DateTimeValues {
  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  private DateTimeValues() {}

  public static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000L);
  }

  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
        Math.floorMod(micros, MICROS_PER_SECOND) * 1000L);
  }

  public static ZonedDateTime zoned(long micros, ZoneId zone) {
    return instant(micros).atZone(zone);
  }

  /** The day a timestamp falls on in the zone: Spark's cast from timestamp to date. */
  public static int days(long micros, ZoneId zone) {
    return (int) zoned(micros, zone).toLocalDate().toEpochDay();
  }

  /** The start of the day in the zone: Spark's cast from date to timestamp. */
  public static long startOfDay(int days, ZoneId zone) {
    return micros(LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant());
  }
}
