package dev.ember.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Interval arithmetic and text as Spark 4.2.0 computes and shows them (observed with spark.sql). */
class IntervalFunctionsTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final long HOUR = 3_600_000_000L;
  private static final long DAY = 24 * HOUR;

  private static long micros(LocalDateTime local, ZoneId zone) {
    return DateTimeValues.micros(local.atZone(zone).toInstant());
  }

  private static DayTimeIntervalType dayTime(int start, int end) {
    return DataTypes.createDayTimeIntervalType((byte) start, (byte) end);
  }

  private static YearMonthIntervalType yearMonth(int start, int end) {
    return DataTypes.createYearMonthIntervalType((byte) start, (byte) end);
  }

  @Test
  void dayTimeTextShowsOnlyTheTypesFields() {
    long value = 3 * DAY + 4 * HOUR + 5 * 60_000_000L + 6_789_000L;
    assertEquals("INTERVAL '3 04:05:06.789' DAY TO SECOND", IntervalText.dayTime(value, dayTime(0, 3)));
    assertEquals("INTERVAL '3' DAY", IntervalText.dayTime(3 * DAY, dayTime(0, 0)));
    assertEquals("INTERVAL '1 02' DAY TO HOUR", IntervalText.dayTime(26 * HOUR, dayTime(0, 1)));
    assertEquals("INTERVAL '-3 04:05' DAY TO MINUTE",
        IntervalText.dayTime(-(3 * DAY + 4 * HOUR + 5 * 60_000_000L), dayTime(0, 2)));
    // The start field holds everything above it and has at least two digits.
    assertEquals("INTERVAL '01' HOUR", IntervalText.dayTime(HOUR, dayTime(1, 1)));
    assertEquals("INTERVAL '100:00' HOUR TO MINUTE", IntervalText.dayTime(100 * HOUR, dayTime(1, 2)));
    assertEquals("INTERVAL '00.003' SECOND", IntervalText.dayTime(3_000, dayTime(3, 3)));
    assertEquals("INTERVAL '-0 00:00:00.000001' DAY TO SECOND", IntervalText.dayTime(-1, dayTime(0, 3)));
    assertEquals("INTERVAL '0 12:00:00' DAY TO SECOND", IntervalText.dayTime(12 * HOUR, dayTime(0, 3)));
    assertEquals("INTERVAL '-106751991 04:00:54.775808' DAY TO SECOND",
        IntervalText.dayTime(Long.MIN_VALUE, dayTime(0, 3)));
  }

  @Test
  void yearMonthText() {
    assertEquals("INTERVAL '1-2' YEAR TO MONTH", IntervalText.yearMonth(14, yearMonth(0, 1)));
    assertEquals("INTERVAL '-0-1' YEAR TO MONTH", IntervalText.yearMonth(-1, yearMonth(0, 1)));
    assertEquals("INTERVAL '24' MONTH", IntervalText.yearMonth(24, yearMonth(1, 1)));
    assertEquals("INTERVAL '2' YEAR", IntervalText.yearMonth(24, yearMonth(0, 0)));
    assertEquals("INTERVAL '-178956970-8' YEAR TO MONTH", IntervalText.yearMonth(Integer.MIN_VALUE, yearMonth(0, 1)));
  }

  @Test
  void productsAndQuotientsRoundHalfAwayFromZero() {
    assertEquals(-1, IntervalFunctions.yearMonthDivide(-1, 2L));
    assertEquals(2, IntervalFunctions.yearMonthDivide(3, 2L));
    assertEquals(1, IntervalFunctions.yearMonthDivide(1, 2.0));
    assertEquals(-1, IntervalFunctions.yearMonthMultiply(-1, 0.5));
    assertEquals(2, IntervalFunctions.yearMonthMultiply(1, new BigDecimal("1.5")));
    assertEquals(-1, IntervalFunctions.dayTimeDivide(-1, 2L));
    assertEquals(2, IntervalFunctions.dayTimeMultiply(3, 0.5));
    assertEquals(16 * HOUR, IntervalFunctions.dayTimeDivide(DAY, new BigDecimal("1.5")));
    assertEquals(31_261_374_485L, IntervalFunctions.dayTimeDivide(DAY + 2 * HOUR + 184_123_456L, 3L));
    assertEquals(2 * DAY, IntervalFunctions.dayTimeMultiply(DAY, (byte) 2));
  }

  @Test
  void overflowsAndDivisionByZeroRaiseSparksErrors() {
    SparkException add = assertThrows(SparkException.class,
        () -> IntervalFunctions.dayTimeAdd(106_751_991 * DAY, 106_751_991 * DAY));
    assertEquals("INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION", add.getCondition());
    assertEquals("[INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION] Integer overflow while operating with intervals. Use `try_add` to tolerate overflow and return "
        + "NULL instead. SQLSTATE: 22015", add.getMessage());
    SparkException negate = assertThrows(SparkException.class, () -> IntervalFunctions.yearMonthNegate(Integer.MIN_VALUE));
    assertEquals("INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION", negate.getCondition());
    SparkException divide = assertThrows(SparkException.class, () -> IntervalFunctions.yearMonthDivide(1, 0L));
    assertEquals("INTERVAL_DIVIDED_BY_ZERO", divide.getCondition());
    // Spark lets Java's own errors through for products.
    assertEquals("integer overflow",
        assertThrows(ArithmeticException.class, () -> IntervalFunctions.yearMonthMultiply(Integer.MAX_VALUE, 2L))
            .getMessage());
    assertEquals("long overflow",
        assertThrows(ArithmeticException.class, () -> IntervalFunctions.dayTimeMultiply(106_751_991 * DAY, 2L))
            .getMessage());
  }

  @Test
  void datesMoveByMonthsAndDays() {
    int january31 = (int) LocalDate.parse("2024-01-31").toEpochDay();
    assertEquals(LocalDate.parse("2024-02-29").toEpochDay(), IntervalFunctions.dateAddYearMonth(january31, 1));
    assertEquals(LocalDate.parse("2022-12-31").toEpochDay(), IntervalFunctions.dateSubtractYearMonth(january31, 13));
    assertEquals(january31 + 1, IntervalFunctions.dateAddDays(january31, DAY));
    assertEquals(micros(LocalDateTime.parse("2024-01-31T01:00:00"), UTC),
        IntervalFunctions.dateAddDayTime(UTC, january31, HOUR));
  }

  @Test
  void wholeDaysMoveLocalTimeAndTheRestElapsedTime() {
    // Los Angeles skips 02:00-03:00 on 2024-03-10.
    long beforeGap = micros(LocalDateTime.parse("2024-03-10T01:00:00"), LOS_ANGELES);
    assertEquals(micros(LocalDateTime.parse("2024-03-11T01:00:00"), LOS_ANGELES),
        IntervalFunctions.timestampAddDayTime(LOS_ANGELES, beforeGap, 24 * HOUR));
    assertEquals(beforeGap + 3 * HOUR, IntervalFunctions.timestampAddDayTime(LOS_ANGELES, beforeGap, 3 * HOUR));
    int march10 = (int) LocalDate.parse("2024-03-10").toEpochDay();
    assertEquals(micros(LocalDateTime.parse("2024-03-10T04:00:00"), LOS_ANGELES),
        IntervalFunctions.dateAddDayTime(LOS_ANGELES, march10, 3 * HOUR));
    long january31 = micros(LocalDateTime.parse("2024-01-31T01:00:00"), LOS_ANGELES);
    assertEquals(micros(LocalDateTime.parse("2024-02-29T01:00:00"), LOS_ANGELES),
        IntervalFunctions.timestampAddYearMonth(LOS_ANGELES, january31, 1));
  }

  @Test
  void sumsAndAveragesComeBackFromExactDecimals() {
    assertEquals(6 * DAY, IntervalFunctions.dayTimeSum(new BigDecimal(6 * DAY)));
    // Averages round half up, away from zero: -1 month over 2 is -1, 1 month over 3 is 0.
    assertEquals(-1, IntervalFunctions.yearMonthAverage(BigDecimal.valueOf(-1), 2));
    assertEquals(0, IntervalFunctions.yearMonthAverage(BigDecimal.valueOf(1), 3));
    assertEquals(500_001L, IntervalFunctions.dayTimeAverage(BigDecimal.valueOf(1_000_001L), 2));
    SparkException overflow = assertThrows(SparkException.class,
        () -> IntervalFunctions.dayTimeSum(BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE)));
    assertEquals("INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION", overflow.getCondition());
    assertThrows(SparkException.class,
        () -> IntervalFunctions.yearMonthAverage(BigDecimal.valueOf(Integer.MAX_VALUE).multiply(BigDecimal.TEN), 20));
  }

  @Test
  void differencesOfDatesAndTimestamps() {
    assertEquals(69 * DAY, IntervalFunctions.dateDifference((int) LocalDate.parse("2024-03-10").toEpochDay(),
        (int) LocalDate.parse("2024-01-01").toEpochDay()));
    long march10 = micros(LocalDateTime.parse("2024-03-10T00:00:00"), LOS_ANGELES);
    long march11 = micros(LocalDateTime.parse("2024-03-11T00:00:00"), LOS_ANGELES);
    // 23 hours elapsed across the change to daylight-saving time; Spark counts the wall clocks' 24.
    assertEquals(24 * HOUR, IntervalFunctions.timestampDifference(LOS_ANGELES, march11, march10));
    assertEquals(23 * HOUR, IntervalFunctions.timestampDifference(UTC, march11, march10));
    assertEquals(-24 * HOUR, IntervalFunctions.timestampNtzDifference(0, 24 * HOUR));
  }

  @Test
  void timestampsWithoutZoneMoveByTheirWallClock() {
    long january31 = micros(LocalDateTime.parse("2024-01-31T01:00:00"), UTC);
    assertEquals(micros(LocalDateTime.parse("2024-02-29T01:00:00"), UTC),
        IntervalFunctions.timestampNtzAddYearMonth(january31, 1));
    assertEquals(january31 - DAY - 2 * HOUR, IntervalFunctions.timestampNtzSubtractDayTime(january31, DAY + 2 * HOUR));
  }

  @Test
  void absoluteValueOfTheMostNegativeIntervalOverflows() {
    assertEquals(14, IntervalFunctions.yearMonthAbsolute(-14));
    assertEquals(3 * DAY, IntervalFunctions.dayTimeAbsolute(-3 * DAY));
    SparkException error = assertThrows(SparkException.class, () -> IntervalFunctions.dayTimeAbsolute(Long.MIN_VALUE));
    assertEquals("ARITHMETIC_OVERFLOW", error.getCondition());
    assertThrows(SparkException.class, () -> IntervalFunctions.yearMonthAbsolute(Integer.MIN_VALUE));
  }
}
