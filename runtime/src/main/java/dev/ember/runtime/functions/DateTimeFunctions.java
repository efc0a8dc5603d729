package dev.ember.runtime.functions;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * Spark 4.2's date and time functions that need no pattern: fields, arithmetic, truncation and
 * conversions to and from epoch numbers (checked against Spark 4.2.0). Dates are days since
 * 1970-01-01, timestamps microseconds since the epoch; fields of a timestamp are read in the session
 * time zone. Every method takes {@code (boolean ansi, ZoneId zone)} first. A function of a date also
 * takes a timestamp (its day in the session zone) and text (read as Spark's cast reads it: malformed
 * text is CAST_INVALID_INPUT under ANSI, null otherwise), because Ember's kernels do not cast between
 * these types yet; likewise a function of a timestamp takes a date (its first instant) and text.
 */
public final class DateTimeFunctions {
  private static final double SECONDS_PER_MONTH = 31 * 86_400.0;

  private DateTimeFunctions() {}

  // ---------------------------------------------------------------------------------------------
  // Text read as a date or timestamp, as Spark's implicit cast does.

  static Integer dateOf(boolean ansi, String text) {
    Integer days = DateTimeText.parseDate(text);
    if (days == null && ansi) {
      throw DateTimeErrors.castInvalidInput(text, "DATE");
    }
    return days;
  }

  static Long timestampOf(boolean ansi, ZoneId zone, String text) {
    Long micros = DateTimeText.parseTimestamp(text, zone);
    if (micros == null && ansi) {
      throw DateTimeErrors.castInvalidInput(text, "TIMESTAMP");
    }
    return micros;
  }

  // ---------------------------------------------------------------------------------------------
  // Fields, arithmetic and truncation of dates; the overloads for timestamps and text follow the
  // date version.

  public static int year(boolean ansi, ZoneId zone, int days) {
    LocalDate date = LocalDate.ofEpochDay(days);
    return date.getYear();
  }

  public static int year(boolean ansi, ZoneId zone, long timestamp) {
    return year(ansi, zone, DateTimeValues.days(timestamp, zone));
  }

  public static Integer year(boolean ansi, ZoneId zone, String text) {
    Integer days = dateOf(ansi, text);
    return days == null ? null : year(ansi, zone, days);
  }

  public static int quarter(boolean ansi, ZoneId zone, int days) {
    LocalDate date = LocalDate.ofEpochDay(days);
    return (date.getMonthValue() + 2) / 3;
  }

  public static int quarter(boolean ansi, ZoneId zone, long timestamp) {
    return quarter(ansi, zone, DateTimeValues.days(timestamp, zone));
  }

  public static Integer quarter(boolean ansi, ZoneId zone, String text) {
    Integer days = dateOf(ansi, text);
    return days == null ? null : quarter(ansi, zone, days);
  }

  public static int month(boolean ansi, ZoneId zone, int days) {
    LocalDate date = LocalDate.ofEpochDay(days);
    return date.getMonthValue();
  }

  public static int month(boolean ansi, ZoneId zone, long timestamp) {
    return month(ansi, zone, DateTimeValues.days(timestamp, zone));
  }

  public static Integer month(boolean ansi, ZoneId zone, String text) {
    Integer days = dateOf(ansi, text);
    return days == null ? null : month(ansi, zone, days);
  }

  public static int day(boolean ansi, ZoneId zone, int days) {
    LocalDate date = LocalDate.ofEpochDay(days);
    return date.getDayOfMonth();
  }

  public static int day(boolean ansi, ZoneId zone, long timestamp) {
    return day(ansi, zone, DateTimeValues.days(timestamp, zone));
  }

  public static Integer day(boolean ansi, ZoneId zone, String text) {
    Integer days = dateOf(ansi, text);
    return days == null ? null : day(ansi, zone, days);
  }

  public static int dayofmonth(boolean ansi, ZoneId zone, int days) {
    LocalDate date = LocalDate.ofEpochDay(days);
    return date.getDayOfMonth();
  }

  public static int dayofmonth(boolean ansi, ZoneId zone, long timestamp) {
    return dayofmonth(ansi, zone, DateTimeValues.days(timestamp, zone));
  }

  public static Integer dayofmonth(boolean ansi, ZoneId zone, String text) {
    Integer days = dateOf(ansi, text);
    return days == null ? null : dayofmonth(ansi, zone, days);
  }

  public static int dayofweek(boolean ansi, ZoneId zone, int days) {
    LocalDate date = LocalDate.ofEpochDay(days);
    return date.getDayOfWeek().getValue() % 7 + 1;
  }

  public static int dayofweek(boolean ansi, ZoneId zone, long timestamp) {
    return dayofweek(ansi, zone, DateTimeValues.days(timestamp, zone));
  }

  public static Integer dayofweek(boolean ansi, ZoneId zone, String text) {
    Integer days = dateOf(ansi, text);
    return days == null ? null : dayofweek(ansi, zone, days);
  }

  public static int weekday(boolean ansi, ZoneId zone, int days) {
    LocalDate date = LocalDate.ofEpochDay(days);
    return date.getDayOfWeek().getValue() - 1;
  }

  public static int weekday(boolean ansi, ZoneId zone, long timestamp) {
    return weekday(ansi, zone, DateTimeValues.days(timestamp, zone));
  }

  public static Integer weekday(boolean ansi, ZoneId zone, String text) {
    Integer days = dateOf(ansi, text);
    return days == null ? null : weekday(ansi, zone, days);
  }

  public static int dayofyear(boolean ansi, ZoneId zone, int days) {
    LocalDate date = LocalDate.ofEpochDay(days);
    return date.getDayOfYear();
  }

  public static int dayofyear(boolean ansi, ZoneId zone, long timestamp) {
    return dayofyear(ansi, zone, DateTimeValues.days(timestamp, zone));
  }

  public static Integer dayofyear(boolean ansi, ZoneId zone, String text) {
    Integer days = dateOf(ansi, text);
    return days == null ? null : dayofyear(ansi, zone, days);
  }

  public static int weekofyear(boolean ansi, ZoneId zone, int days) {
    LocalDate date = LocalDate.ofEpochDay(days);
    return date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  public static int weekofyear(boolean ansi, ZoneId zone, long timestamp) {
    return weekofyear(ansi, zone, DateTimeValues.days(timestamp, zone));
  }

  public static Integer weekofyear(boolean ansi, ZoneId zone, String text) {
    Integer days = dateOf(ansi, text);
    return days == null ? null : weekofyear(ansi, zone, days);
  }

  public static int last_day(boolean ansi, ZoneId zone, int days) {
    LocalDate date = LocalDate.ofEpochDay(days);
    return (int) date.with(TemporalAdjusters.lastDayOfMonth()).toEpochDay();
  }

  public static int last_day(boolean ansi, ZoneId zone, long timestamp) {
    return last_day(ansi, zone, DateTimeValues.days(timestamp, zone));
  }

  public static Integer last_day(boolean ansi, ZoneId zone, String text) {
    Integer days = dateOf(ansi, text);
    return days == null ? null : last_day(ansi, zone, days);
  }

  public static int hour(boolean ansi, ZoneId zone, long timestamp) {
    ZonedDateTime time = DateTimeValues.zoned(timestamp, zone);
    return time.getHour();
  }

  public static int hour(boolean ansi, ZoneId zone, int days) {
    return hour(ansi, zone, DateTimeValues.startOfDay(days, zone));
  }

  public static Integer hour(boolean ansi, ZoneId zone, String text) {
    Long timestamp = timestampOf(ansi, zone, text);
    return timestamp == null ? null : hour(ansi, zone, timestamp);
  }

  public static int minute(boolean ansi, ZoneId zone, long timestamp) {
    ZonedDateTime time = DateTimeValues.zoned(timestamp, zone);
    return time.getMinute();
  }

  public static int minute(boolean ansi, ZoneId zone, int days) {
    return minute(ansi, zone, DateTimeValues.startOfDay(days, zone));
  }

  public static Integer minute(boolean ansi, ZoneId zone, String text) {
    Long timestamp = timestampOf(ansi, zone, text);
    return timestamp == null ? null : minute(ansi, zone, timestamp);
  }

  public static int second(boolean ansi, ZoneId zone, long timestamp) {
    ZonedDateTime time = DateTimeValues.zoned(timestamp, zone);
    return time.getSecond();
  }

  public static int second(boolean ansi, ZoneId zone, int days) {
    return second(ansi, zone, DateTimeValues.startOfDay(days, zone));
  }

  public static Integer second(boolean ansi, ZoneId zone, String text) {
    Long timestamp = timestampOf(ansi, zone, text);
    return timestamp == null ? null : second(ansi, zone, timestamp);
  }

  public static int date_add(boolean ansi, ZoneId zone, int date, int days) {
    // Spark wraps around on overflow rather than failing (checked).
    return date + days;
  }

  public static int date_add(boolean ansi, ZoneId zone, long timestamp, int days) {
    return date_add(ansi, zone, DateTimeValues.days(timestamp, zone), days);
  }

  public static Integer date_add(boolean ansi, ZoneId zone, String text, int days) {
    Integer date = dateOf(ansi, text);
    return date == null ? null : date_add(ansi, zone, date, days);
  }

  public static int date_sub(boolean ansi, ZoneId zone, int date, int days) {
    return date - days;
  }

  public static int date_sub(boolean ansi, ZoneId zone, long timestamp, int days) {
    return date_sub(ansi, zone, DateTimeValues.days(timestamp, zone), days);
  }

  public static Integer date_sub(boolean ansi, ZoneId zone, String text, int days) {
    Integer date = dateOf(ansi, text);
    return date == null ? null : date_sub(ansi, zone, date, days);
  }

  public static int add_months(boolean ansi, ZoneId zone, int date, int months) {
    return addMonths(date, months);
  }

  public static int add_months(boolean ansi, ZoneId zone, long timestamp, int months) {
    return add_months(ansi, zone, DateTimeValues.days(timestamp, zone), months);
  }

  public static Integer add_months(boolean ansi, ZoneId zone, String text, int months) {
    Integer date = dateOf(ansi, text);
    return date == null ? null : add_months(ansi, zone, date, months);
  }

  public static Integer next_day(boolean ansi, ZoneId zone, long timestamp, String unit) {
    return next_day(ansi, zone, DateTimeValues.days(timestamp, zone), unit);
  }

  public static Integer next_day(boolean ansi, ZoneId zone, String text, String unit) {
    Integer date = dateOf(ansi, text);
    return date == null ? null : next_day(ansi, zone, date, unit);
  }

  public static Integer trunc(boolean ansi, ZoneId zone, long timestamp, String unit) {
    return trunc(ansi, zone, DateTimeValues.days(timestamp, zone), unit);
  }

  public static Integer trunc(boolean ansi, ZoneId zone, String text, String unit) {
    Integer date = dateOf(ansi, text);
    return date == null ? null : trunc(ansi, zone, date, unit);
  }

  public static int datediff(boolean ansi, ZoneId zone, int end, long start) {
    return end - DateTimeValues.days(start, zone);
  }

  public static Integer datediff(boolean ansi, ZoneId zone, int end, String start) {
    Integer endDay = end;
    Integer startDay = dateOf(ansi, start);
    return endDay == null || startDay == null ? null : endDay - startDay;
  }

  public static int datediff(boolean ansi, ZoneId zone, long end, int start) {
    return DateTimeValues.days(end, zone) - start;
  }

  public static int datediff(boolean ansi, ZoneId zone, long end, long start) {
    return DateTimeValues.days(end, zone) - DateTimeValues.days(start, zone);
  }

  public static Integer datediff(boolean ansi, ZoneId zone, long end, String start) {
    Integer endDay = DateTimeValues.days(end, zone);
    Integer startDay = dateOf(ansi, start);
    return endDay == null || startDay == null ? null : endDay - startDay;
  }

  public static Integer datediff(boolean ansi, ZoneId zone, String end, int start) {
    Integer endDay = dateOf(ansi, end);
    Integer startDay = start;
    return endDay == null || startDay == null ? null : endDay - startDay;
  }

  public static Integer datediff(boolean ansi, ZoneId zone, String end, long start) {
    Integer endDay = dateOf(ansi, end);
    Integer startDay = DateTimeValues.days(start, zone);
    return endDay == null || startDay == null ? null : endDay - startDay;
  }

  public static Integer datediff(boolean ansi, ZoneId zone, String end, String start) {
    Integer endDay = dateOf(ansi, end);
    Integer startDay = dateOf(ansi, start);
    return endDay == null || startDay == null ? null : endDay - startDay;
  }

  public static Double months_between(boolean ansi, ZoneId zone, long first, int second, boolean roundOff) {
    Long firstTime = first;
    Long secondTime = DateTimeValues.startOfDay(second, zone);
    return firstTime == null || secondTime == null ? null
        : months_between(ansi, zone, (long) firstTime, (long) secondTime, roundOff);
  }

  public static Double months_between(boolean ansi, ZoneId zone, long first, String second, boolean roundOff) {
    Long firstTime = first;
    Long secondTime = timestampOf(ansi, zone, second);
    return firstTime == null || secondTime == null ? null
        : months_between(ansi, zone, (long) firstTime, (long) secondTime, roundOff);
  }

  public static Double months_between(boolean ansi, ZoneId zone, int first, long second, boolean roundOff) {
    Long firstTime = DateTimeValues.startOfDay(first, zone);
    Long secondTime = second;
    return firstTime == null || secondTime == null ? null
        : months_between(ansi, zone, (long) firstTime, (long) secondTime, roundOff);
  }

  public static Double months_between(boolean ansi, ZoneId zone, int first, int second, boolean roundOff) {
    Long firstTime = DateTimeValues.startOfDay(first, zone);
    Long secondTime = DateTimeValues.startOfDay(second, zone);
    return firstTime == null || secondTime == null ? null
        : months_between(ansi, zone, (long) firstTime, (long) secondTime, roundOff);
  }

  public static Double months_between(boolean ansi, ZoneId zone, int first, String second, boolean roundOff) {
    Long firstTime = DateTimeValues.startOfDay(first, zone);
    Long secondTime = timestampOf(ansi, zone, second);
    return firstTime == null || secondTime == null ? null
        : months_between(ansi, zone, (long) firstTime, (long) secondTime, roundOff);
  }

  public static Double months_between(boolean ansi, ZoneId zone, String first, long second, boolean roundOff) {
    Long firstTime = timestampOf(ansi, zone, first);
    Long secondTime = second;
    return firstTime == null || secondTime == null ? null
        : months_between(ansi, zone, (long) firstTime, (long) secondTime, roundOff);
  }

  public static Double months_between(boolean ansi, ZoneId zone, String first, int second, boolean roundOff) {
    Long firstTime = timestampOf(ansi, zone, first);
    Long secondTime = DateTimeValues.startOfDay(second, zone);
    return firstTime == null || secondTime == null ? null
        : months_between(ansi, zone, (long) firstTime, (long) secondTime, roundOff);
  }

  public static Double months_between(boolean ansi, ZoneId zone, String first, String second, boolean roundOff) {
    Long firstTime = timestampOf(ansi, zone, first);
    Long secondTime = timestampOf(ansi, zone, second);
    return firstTime == null || secondTime == null ? null
        : months_between(ansi, zone, (long) firstTime, (long) secondTime, roundOff);
  }

  // ---------------------------------------------------------------------------------------------
  // Hand-written date functions.

  /** Spark keeps the day when it exists and takes the month's last day otherwise (2024-01-31 + 1 month). */
  static int addMonths(int days, int months) {
    try {
      return Math.toIntExact(LocalDate.ofEpochDay(days).plusMonths(months).toEpochDay());
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw DateTimeErrors.overflow("overflow");
    }
  }

  /** The first date after {@code days} that falls on the named weekday (SU, SUN, SUNDAY in any case). */
  public static Integer next_day(boolean ansi, ZoneId zone, int days, String dayOfWeek) {
    DayOfWeek target = dayOfWeek(dayOfWeek.strip());
    if (target == null) {
      if (ansi) {
        throw DateTimeErrors.illegalDayOfWeek(dayOfWeek);
      }
      return null;
    }
    return (int) LocalDate.ofEpochDay(days).with(TemporalAdjusters.next(target)).toEpochDay();
  }

  private static DayOfWeek dayOfWeek(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      String name = day.name();
      if (upper.equals(name) || upper.equals(name.substring(0, 2)) || upper.equals(name.substring(0, 3))) {
        return day;
      }
    }
    return null;
  }

  /** trunc(date, unit): YEAR, YYYY, YY, QUARTER, MONTH, MON, MM, WEEK (Monday); any other unit gives null. */
  public static Integer trunc(boolean ansi, ZoneId zone, int days, String unit) {
    LocalDate date = LocalDate.ofEpochDay(days);
    LocalDate truncated = switch (unit.toUpperCase(Locale.ROOT)) {
      case "YEAR", "YYYY", "YY" -> date.withDayOfYear(1);
      case "QUARTER" -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
      case "MONTH", "MON", "MM" -> date.withDayOfMonth(1);
      case "WEEK" -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      default -> null;
    };
    return truncated == null ? null : (int) truncated.toEpochDay();
  }

  /**
   * date_trunc(unit, timestamp): the units of trunc plus DAY, DD, HOUR, MINUTE, SECOND, MILLISECOND and
   * MICROSECOND, truncated in the session zone; any other unit gives null.
   */
  public static Long date_trunc(boolean ansi, ZoneId zone, String unit, long timestamp) {
    ZonedDateTime time = DateTimeValues.zoned(timestamp, zone);
    ZonedDateTime truncated;
    switch (unit.toUpperCase(Locale.ROOT)) {
      case "MICROSECOND":
        return timestamp;
      case "MILLISECOND":
        return Math.floorDiv(timestamp, 1000L) * 1000L;
      case "SECOND":
        return Math.floorDiv(timestamp, DateTimeValues.MICROS_PER_SECOND) * DateTimeValues.MICROS_PER_SECOND;
      case "MINUTE":
        truncated = time.truncatedTo(ChronoUnit.MINUTES);
        break;
      case "HOUR":
        truncated = time.truncatedTo(ChronoUnit.HOURS);
        break;
      case "DAY", "DD":
        truncated = time.truncatedTo(ChronoUnit.DAYS);
        break;
      default:
        Integer day = trunc(ansi, zone, (int) time.toLocalDate().toEpochDay(), unit);
        return day == null ? null : DateTimeValues.startOfDay(day, zone);
    }
    return DateTimeValues.micros(truncated.toInstant());
  }

  public static Long date_trunc(boolean ansi, ZoneId zone, String unit, int days) {
    return date_trunc(ansi, zone, unit, DateTimeValues.startOfDay(days, zone));
  }

  public static Long date_trunc(boolean ansi, ZoneId zone, String unit, String text) {
    Long timestamp = timestampOf(ansi, zone, text);
    return timestamp == null ? null : date_trunc(ansi, zone, unit, (long) timestamp);
  }

  public static int datediff(boolean ansi, ZoneId zone, int end, int start) {
    return end - start;
  }

  /**
   * Whole months when both days are the same day of the month or both are month ends; otherwise the
   * months between plus the difference of the times within the month over a 31-day month, rounded to
   * 8 digits when {@code roundOff}.
   */
  public static double months_between(boolean ansi, ZoneId zone, long first, long second, boolean roundOff) {
    ZonedDateTime one = DateTimeValues.zoned(first, zone);
    ZonedDateTime two = DateTimeValues.zoned(second, zone);
    int months = (one.getYear() * 12 + one.getMonthValue()) - (two.getYear() * 12 + two.getMonthValue());
    boolean bothMonthEnds = one.getDayOfMonth() == one.toLocalDate().lengthOfMonth()
        && two.getDayOfMonth() == two.toLocalDate().lengthOfMonth();
    if (one.getDayOfMonth() == two.getDayOfMonth() || bothMonthEnds) {
      return months;
    }
    // Spark counts whole seconds of the time of day (checked: 23:59:59.999999 is 86399).
    double secondsOne = (one.getDayOfMonth() - 1) * 86_400.0 + one.toLocalTime().toSecondOfDay();
    double secondsTwo = (two.getDayOfMonth() - 1) * 86_400.0 + two.toLocalTime().toSecondOfDay();
    double difference = months + (secondsOne - secondsTwo) / SECONDS_PER_MONTH;
    return roundOff ? Math.round(difference * 1e8) / 1e8 : difference;
  }

  /** make_date(year, month, day): an impossible date fails under ANSI and is null otherwise. */
  public static Integer make_date(boolean ansi, ZoneId zone, int year, int month, int day) {
    try {
      return (int) LocalDate.of(year, month, day).toEpochDay();
    } catch (java.time.DateTimeException e) {
      if (ansi) {
        throw DateTimeErrors.fieldOutOfBounds(e.getMessage());
      }
      return null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // to_date(value) and to_timestamp(value) without a pattern: Spark's casts.

  public static int to_date(boolean ansi, ZoneId zone, int days) {
    return days;
  }

  public static int to_date(boolean ansi, ZoneId zone, long timestamp) {
    return DateTimeValues.days(timestamp, zone);
  }

  public static Integer to_date(boolean ansi, ZoneId zone, String text) {
    return dateOf(ansi, text);
  }

  public static long to_timestamp(boolean ansi, ZoneId zone, long timestamp) {
    return timestamp;
  }

  public static long to_timestamp(boolean ansi, ZoneId zone, int days) {
    return DateTimeValues.startOfDay(days, zone);
  }

  public static Long to_timestamp(boolean ansi, ZoneId zone, String text) {
    return timestampOf(ansi, zone, text);
  }

  // ---------------------------------------------------------------------------------------------
  // Epoch numbers.

  public static long timestamp_seconds(boolean ansi, ZoneId zone, long seconds) {
    return multiply(seconds, DateTimeValues.MICROS_PER_SECOND);
  }

  public static long timestamp_millis(boolean ansi, ZoneId zone, long millis) {
    return multiply(millis, 1000L);
  }

  public static long timestamp_micros(boolean ansi, ZoneId zone, long micros) {
    return micros;
  }

  /** Spark 4.2 lets java's ArithmeticException("long overflow") through, without an error condition. */
  private static long multiply(long value, long factor) {
    return Math.multiplyExact(value, factor);
  }

  public static long unix_seconds(boolean ansi, ZoneId zone, long timestamp) {
    return Math.floorDiv(timestamp, DateTimeValues.MICROS_PER_SECOND);
  }

  public static long unix_millis(boolean ansi, ZoneId zone, long timestamp) {
    return Math.floorDiv(timestamp, 1000L);
  }

  public static long unix_micros(boolean ansi, ZoneId zone, long timestamp) {
    return timestamp;
  }

  /**
   * {@code from_utc_timestamp(ts, tz)}: reads {@code ts} as a UTC wall clock and gives the instant whose
   * reading in the session is what that clock shows in {@code tz}, that is {@code ts} plus {@code tz}'s
   * offset at that instant.
   */
  public static long from_utc_timestamp(boolean ansi, ZoneId zone, long timestamp, String timeZone) {
    ZoneId target = zoneArgument(timeZone);
    long seconds = Math.floorDiv(timestamp, DateTimeValues.MICROS_PER_SECOND);
    int offset = target.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
    return Math.addExact(timestamp, offset * DateTimeValues.MICROS_PER_SECOND);
  }

  /**
   * {@code to_utc_timestamp(ts, tz)}: the reverse, {@code ts}'s UTC reading taken as a wall clock in
   * {@code tz} (a reading that does not exist there, in a spring-forward gap, moves forward as java.time's does).
   */
  public static long to_utc_timestamp(boolean ansi, ZoneId zone, long timestamp, String timeZone) {
    ZoneId source = zoneArgument(timeZone);
    long seconds = Math.floorDiv(timestamp, DateTimeValues.MICROS_PER_SECOND);
    long micros = Math.floorMod(timestamp, DateTimeValues.MICROS_PER_SECOND);
    LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, (int) micros * 1000, ZoneOffset.UTC);
    Instant instant = local.atZone(source).toInstant();
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), DateTimeValues.MICROS_PER_SECOND), micros);
  }

  private static ZoneId zoneArgument(String timeZone) {
    ZoneId zone = TimestampText.zone(timeZone);
    if (zone == null) {
      throw DateTimeErrors.invalidTimeZone(timeZone);
    }
    return zone;
  }

  public static int unix_date(boolean ansi, ZoneId zone, int days) {
    return days;
  }

  public static int date_from_unix_date(boolean ansi, ZoneId zone, int days) {
    return days;
  }

  // ---------------------------------------------------------------------------------------------
  // extract and date_part.

  /** The field of {@code extract(field FROM source)}, after Spark's synonyms; null when unknown. */
  public static String canonicalField(String field) {
    return switch (field.strip().toUpperCase(Locale.ROOT)) {
      case "YEAR", "Y", "YEARS", "YR", "YRS" -> "YEAR";
      case "YEAROFWEEK" -> "YEAROFWEEK";
      case "QUARTER", "QTR" -> "QUARTER";
      case "MONTH", "MON", "MONS", "MONTHS" -> "MONTH";
      case "WEEK", "W", "WEEKS" -> "WEEK";
      case "DAY", "D", "DAYS" -> "DAY";
      case "DAYOFWEEK", "DOW" -> "DAYOFWEEK";
      case "DAYOFWEEK_ISO", "DOW_ISO" -> "DAYOFWEEK_ISO";
      case "DOY" -> "DOY";
      case "HOUR", "H", "HOURS", "HR", "HRS" -> "HOUR";
      case "MINUTE", "M", "MIN", "MINS", "MINUTES" -> "MINUTE";
      case "SECOND", "S", "SEC", "SECONDS", "SECS" -> "SECOND";
      default -> null;
    };
  }

  /** An integer field of a date; the field is canonical and not a time field. */
  public static int extract_date_field(boolean ansi, ZoneId zone, String field, int days) {
    LocalDate date = LocalDate.ofEpochDay(days);
    return switch (canonicalField(field)) {
      case "YEAR" -> date.getYear();
      case "YEAROFWEEK" -> date.get(IsoFields.WEEK_BASED_YEAR);
      case "QUARTER" -> (date.getMonthValue() + 2) / 3;
      case "MONTH" -> date.getMonthValue();
      case "WEEK" -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case "DAY" -> date.getDayOfMonth();
      case "DAYOFWEEK" -> date.getDayOfWeek().getValue() % 7 + 1;
      case "DAYOFWEEK_ISO" -> date.getDayOfWeek().getValue();
      case "DOY" -> date.getDayOfYear();
      default -> throw new IllegalArgumentException("not a date field: " + field);
    };
  }

  /** An integer field of a timestamp in the session zone (every field but SECOND). */
  public static int extract_timestamp_field(boolean ansi, ZoneId zone, String field, long timestamp) {
    ZonedDateTime time = DateTimeValues.zoned(timestamp, zone);
    return switch (canonicalField(field)) {
      case "HOUR" -> time.getHour();
      case "MINUTE" -> time.getMinute();
      default -> extract_date_field(ansi, zone, field, (int) time.toLocalDate().toEpochDay());
    };
  }

  /** A field of a date as of the date's first instant: extract(HOUR FROM date) is 0. */
  public static int extract_timestamp_field(boolean ansi, ZoneId zone, String field, int days) {
    return extract_timestamp_field(ansi, zone, field, DateTimeValues.startOfDay(days, zone));
  }

  public static BigDecimal extract_seconds(boolean ansi, ZoneId zone, String field, int days) {
    return extract_seconds(ansi, zone, field, DateTimeValues.startOfDay(days, zone));
  }

  /** Seconds with microseconds, Spark's decimal(8,6). */
  public static BigDecimal extract_seconds(boolean ansi, ZoneId zone, String field, long timestamp) {
    ZonedDateTime time = DateTimeValues.zoned(timestamp, zone);
    long micros = time.getSecond() * DateTimeValues.MICROS_PER_SECOND + time.getNano() / 1000;
    return BigDecimal.valueOf(micros, 6);
  }
}
