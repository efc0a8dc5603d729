package dev.ember.api.rows;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.SimpleTimeZone;
import java.util.TimeZone;

/**
 * Converts between Spark's internal dates and timestamps (proleptic Gregorian days and UTC
 * microseconds) and the {@code java.sql.Date} and {@code java.sql.Timestamp} values Spark hands to
 * Java code.
 *
 * <p>{@code java.sql} types count in the hybrid Julian/Gregorian calendar, so before the 1582
 * switch Spark "rebases": it keeps the local date and wall-clock fields, read in the JVM's default
 * time zone, rather than the instant. The session time zone plays no part (checked against Spark
 * 4.2: the same timestamp collects to the same {@code getTime()} under any session zone). From the
 * switch on both calendars agree and the instant is kept as is.
 */
public final class SqlDateTimes {
  /** A little after the Gregorian switch, so every zone's local date is past it. */
  private static final Instant CALENDARS_AGREE_FROM = Instant.parse("1582-10-17T00:00:00Z");
  private static final LocalDate FIRST_GREGORIAN_DAY = LocalDate.of(1582, 10, 15);
  private static final LocalDate FIRST_SKIPPED_DAY = LocalDate.of(1582, 10, 5);
  /**
   * From here on java.time finds the same local midnight as the hybrid calendar where both see the
   * same offset: the calendars agree, and early local mean times are left to the calendar.
   */
  private static final int FAST_FROM_DAY = (int) LocalDate.of(1900, 1, 1).toEpochDay();

  /**
   * The last day the fast path converted: collected dates often repeat row after row (a column
   * sorted or grouped by date), and the zone lookups cost more than the rest of the conversion.
   */
  private record LastMidnight(String zoneId, int rawOffset, int epochDay, long millis) {}

  /** Racy by design: a reader sees some complete record (final fields) or null. */
  private static volatile LastMidnight lastMidnight;

  private SqlDateTimes() {}

  /**
   * The {@code java.sql.Date} Spark returns for a date column holding {@code epochDay}: local
   * midnight of that day in the JVM's default time zone, as the hybrid calendar counts days.
   */
  public static Date toSqlDate(int epochDay) {
    if (epochDay >= FAST_FROM_DAY) {
      TimeZone timeZone = TimeZone.getDefault();
      // A SimpleTimeZone may carry rules of its own that java.time would not see behind its ID.
      if (!(timeZone instanceof SimpleTimeZone)) {
        LastMidnight last = lastMidnight;
        if (last != null && last.epochDay() == epochDay && last.rawOffset() == timeZone.getRawOffset()
            && last.zoneId().equals(timeZone.getID())) {
          return new Date(last.millis());
        }
        ZoneRules rules = timeZone.toZoneId().getRules();
        LocalDateTime midnight = LocalDate.ofEpochDay(epochDay).atStartOfDay();
        // Midnight inside a daylight-saving gap or overlap is resolved by each API its own way, and
        // java.util's zones keep some early offsets (India's until 1941) apart from java.time's.
        if (rules.getTransition(midnight) == null) {
          ZoneOffset offset = rules.getOffset(midnight);
          long millis = midnight.toEpochSecond(offset) * 1000L;
          if (timeZone.getOffset(millis) == offset.getTotalSeconds() * 1000) {
            lastMidnight = new LastMidnight(timeZone.getID(), timeZone.getRawOffset(), epochDay, millis);
            return new Date(millis);
          }
        }
      }
    }
    return toSqlDateByCalendar(epochDay);
  }

  /** {@link #toSqlDate} through the hybrid calendar, right for every day but slow (a calendar per value). */
  static Date toSqlDateByCalendar(int epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    // The ten days dropped at the switch do not exist in the hybrid calendar; Spark maps them to the
    // first Gregorian day.
    if (!date.isBefore(FIRST_SKIPPED_DAY) && date.isBefore(FIRST_GREGORIAN_DAY)) {
      date = FIRST_GREGORIAN_DAY;
    }
    GregorianCalendar calendar = hybridCalendar();
    setDate(calendar, date);
    return new Date(calendar.getTimeInMillis());
  }

  /** The proleptic Gregorian date whose fields a {@code java.sql.Date} shows. */
  public static LocalDate toLocalDate(Date date) {
    GregorianCalendar calendar = hybridCalendar();
    calendar.setTime(date);
    return LocalDate.of(year(calendar), calendar.get(Calendar.MONTH) + 1, calendar.get(Calendar.DAY_OF_MONTH));
  }

  /** The {@code java.sql.Timestamp} Spark returns for a timestamp column holding {@code micros}. */
  public static Timestamp toSqlTimestamp(long micros) {
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    if (!instant.isBefore(CALENDARS_AGREE_FROM)) {
      return Timestamp.from(instant);
    }
    LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
    GregorianCalendar calendar = hybridCalendar();
    setDate(calendar, local.toLocalDate());
    calendar.set(Calendar.HOUR_OF_DAY, local.getHour());
    calendar.set(Calendar.MINUTE, local.getMinute());
    calendar.set(Calendar.SECOND, local.getSecond());
    Timestamp timestamp = new Timestamp(calendar.getTimeInMillis());
    timestamp.setNanos(local.getNano());
    return timestamp;
  }

  /**
   * The {@code LocalDateTime} Spark returns for a {@code timestamp_ntz} column holding {@code micros}
   * (the wall-clock reading taken as UTC); proleptic Gregorian like java.time, so nothing is rebased.
   */
  public static LocalDateTime toLocalDateTime(long micros) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1_000, java.time.ZoneOffset.UTC);
  }

  /** The instant a {@code java.sql.Timestamp} stands for, undoing {@link #toSqlTimestamp}'s rebasing. */
  public static Instant toInstant(Timestamp timestamp) {
    Instant instant = timestamp.toInstant();
    if (!instant.isBefore(CALENDARS_AGREE_FROM)) {
      return instant;
    }
    GregorianCalendar calendar = hybridCalendar();
    calendar.setTime(timestamp);
    LocalDateTime local = LocalDateTime.of(
        year(calendar),
        calendar.get(Calendar.MONTH) + 1,
        calendar.get(Calendar.DAY_OF_MONTH),
        calendar.get(Calendar.HOUR_OF_DAY),
        calendar.get(Calendar.MINUTE),
        calendar.get(Calendar.SECOND),
        timestamp.getNanos());
    return local.atZone(ZoneId.systemDefault()).toInstant();
  }

  private static GregorianCalendar hybridCalendar() {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getDefault());
    calendar.clear();
    return calendar;
  }

  private static void setDate(GregorianCalendar calendar, LocalDate date) {
    int year = date.getYear();
    calendar.set(Calendar.ERA, year > 0 ? GregorianCalendar.AD : GregorianCalendar.BC);
    calendar.set(Calendar.YEAR, year > 0 ? year : 1 - year);
    calendar.set(Calendar.MONTH, date.getMonthValue() - 1);
    calendar.set(Calendar.DAY_OF_MONTH, date.getDayOfMonth());
  }

  private static int year(GregorianCalendar calendar) {
    int year = calendar.get(Calendar.YEAR);
    return calendar.get(Calendar.ERA) == GregorianCalendar.BC ? 1 - year : year;
  }
}
