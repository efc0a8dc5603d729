package dev.ember.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Values observed on Spark 4.2.0 (spark.sql, session zones UTC and America/Los_Angeles). */
class DateTimeFunctionsTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  private static int day(String text) {
    return (int) LocalDate.parse(text).toEpochDay();
  }

  private static long utcMicros(String text) {
    return DateTimeValues.micros(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
  }

  @Test
  void fieldsOfDates() {
    int leapDay = day("2024-02-29");
    assertEquals(2024, DateTimeFunctions.year(true, UTC, leapDay));
    assertEquals(1, DateTimeFunctions.quarter(true, UTC, leapDay));
    assertEquals(5, DateTimeFunctions.dayofweek(true, UTC, leapDay));
    assertEquals(3, DateTimeFunctions.weekday(true, UTC, leapDay));
    assertEquals(60, DateTimeFunctions.dayofyear(true, UTC, leapDay));
    assertEquals(53, DateTimeFunctions.weekofyear(true, UTC, day("2021-01-01")));
  }

  @Test
  void fieldsOfTimestampsAreReadInTheSessionZone() {
    long micros = utcMicros("2024-03-10T10:30:00");
    assertEquals(10, DateTimeFunctions.hour(true, UTC, micros));
    assertEquals(3, DateTimeFunctions.hour(true, LOS_ANGELES, micros));
    assertEquals(day("2024-03-10"), DateTimeFunctions.to_date(true, LOS_ANGELES, micros));
    assertEquals(day("2024-03-09"), DateTimeFunctions.to_date(true, LOS_ANGELES, utcMicros("2024-03-10T07:59:59")));
  }

  @Test
  void textIsCastUnderAnsiAndNullOtherwise() {
    assertEquals(2024, DateTimeFunctions.year(true, UTC, "2024-01-31"));
    SparkException error = assertThrows(SparkException.class, () -> DateTimeFunctions.year(true, UTC, "bad"));
    assertEquals("CAST_INVALID_INPUT", error.getCondition());
    assertNull(DateTimeFunctions.year(false, UTC, "bad"));
  }

  @Test
  void arithmeticFollowsSpark() {
    assertEquals(day("2025-02-28"), DateTimeFunctions.add_months(true, UTC, day("2024-02-29"), 12));
    assertEquals(day("2024-02-29"), DateTimeFunctions.add_months(true, UTC, day("2024-01-31"), 1));
    assertEquals(day("2024-03-04"), DateTimeFunctions.next_day(true, UTC, day("2024-02-29"), "MO"));
    assertNull(DateTimeFunctions.next_day(false, UTC, day("2024-02-29"), "xx"));
    assertEquals("ILLEGAL_DAY_OF_WEEK", assertThrows(SparkException.class,
        () -> DateTimeFunctions.next_day(true, UTC, 0, "xx")).getCondition());
    assertEquals("ARITHMETIC_OVERFLOW", assertThrows(SparkException.class,
        () -> DateTimeFunctions.add_months(true, UTC, 0, Integer.MAX_VALUE)).getCondition());
    assertNull(DateTimeFunctions.trunc(true, UTC, 0, "DD"));
    assertEquals(day("1969-12-29"), DateTimeFunctions.trunc(true, UTC, day("1969-12-31"), "WEEK"));
  }

  @Test
  void monthsBetweenRoundsToEightDigitsAndCountsWholeSeconds() {
    long march = utcMicros("2024-03-10T10:30:00");
    long leapDay = utcMicros("2024-02-29T00:00:00");
    assertEquals(0.40120968, DateTimeFunctions.months_between(true, UTC, march, leapDay, true));
    assertEquals(0.40120967741935487, DateTimeFunctions.months_between(true, UTC, march, leapDay, false));
    assertEquals(1.0, DateTimeFunctions.months_between(true, UTC, utcMicros("2024-02-29T00:00:00"),
        utcMicros("2024-01-31T00:00:00"), true));
    assertEquals(-3.7E-7, DateTimeFunctions.months_between(true, UTC, utcMicros("1969-12-31T23:59:59.999999"),
        0L, true));
  }

  @Test
  void dateTruncWorksInTheSessionZoneAcrossDaylightSaving() {
    long afterSpringForward = utcMicros("2024-03-10T10:00:00");
    assertEquals(utcMicros("2024-03-10T08:00:00"),
        DateTimeFunctions.date_trunc(true, LOS_ANGELES, "DAY", afterSpringForward));
    assertNull(DateTimeFunctions.date_trunc(true, UTC, "xx", afterSpringForward));
  }

  @Test
  void epochNumbers() {
    assertEquals(-1L, DateTimeFunctions.unix_seconds(true, UTC, -500_000L));
    assertEquals(-500L, DateTimeFunctions.unix_millis(true, UTC, -500_000L));
    assertEquals(5_000_000L, DateTimeFunctions.timestamp_seconds(true, UTC, 5L));
    assertThrows(ArithmeticException.class, () -> DateTimeFunctions.timestamp_seconds(true, UTC, Long.MAX_VALUE));
  }

  @Test
  void makeDateFailsUnderAnsiOnImpossibleDates() {
    assertEquals(day("2024-02-29"), DateTimeFunctions.make_date(true, UTC, 2024, 2, 29));
    SparkException error = assertThrows(SparkException.class, () -> DateTimeFunctions.make_date(true, UTC, 2024, 2, 30));
    assertEquals("DATETIME_FIELD_OUT_OF_BOUNDS.WITH_SUGGESTION", error.getCondition());
    assertNull(DateTimeFunctions.make_date(false, UTC, 2024, 13, 1));
  }
}
