package dev.ember.codegen.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Casts among dates and both kinds of timestamp; expected values observed on Spark 4.2.0 in Los Angeles. */
class DateTimeCastOpsTest {
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  private static long wallClock(String text) {
    return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.parse(text));
  }

  @Test
  void wallClockToInstantAndBack() {
    long noon = wallClock("2024-01-02T12:00:00.000001");
    long instant = DateTimeCastOps.wallClockToInstant(noon, LOS_ANGELES);
    assertEquals(noon + 8 * 3_600_000_000L, instant);
    assertEquals(noon, DateTimeCastOps.instantToWallClock(instant, LOS_ANGELES));
    assertEquals(noon, DateTimeCastOps.wallClockToInstant(noon, ZoneOffset.UTC));
  }

  @Test
  void daylightSavingGapMovesOnAndOverlapTakesTheEarlierOffset() {
    long gap = DateTimeCastOps.wallClockToInstant(wallClock("2024-03-10T02:30:00"), LOS_ANGELES);
    assertEquals("2024-03-10 03:30:00", DateTimeCastOps.instantToString(gap, LOS_ANGELES));
    long overlap = DateTimeCastOps.wallClockToInstant(wallClock("2024-11-03T01:30:00"), LOS_ANGELES);
    assertEquals(wallClock("2024-11-03T08:30:00"), overlap);
    assertEquals("2024-11-03 01:30:00", DateTimeCastOps.instantToString(overlap, LOS_ANGELES));
  }

  @Test
  void datesAreMidnights() {
    assertEquals(19724, DateTimeCastOps.wallClockToDate(wallClock("2024-01-02T23:59:59.999999")));
    assertEquals(-1, DateTimeCastOps.wallClockToDate(-1));
    assertEquals(wallClock("2024-01-02T00:00:00"), DateTimeCastOps.dateToWallClock(19724));
    assertEquals(wallClock("2024-01-02T08:00:00"), DateTimeCastOps.dateToInstant(19724, LOS_ANGELES));
    assertEquals(19723, DateTimeCastOps.instantToDate(wallClock("2024-01-02T07:59:59"), LOS_ANGELES));
  }

  @Test
  void stringsIgnoreAZoneAndFailOnlyUnderAnsi() {
    assertEquals(wallClock("2024-01-02T03:04:05.123456"),
        DateTimeCastOps.stringToWallClock(" 2024-01-02T03:04:05.123456789 ", true));
    assertEquals(wallClock("2024-01-02T03:04:05"), DateTimeCastOps.stringToWallClock("2024-01-02 03:04:05+01:00", true));
    assertEquals(wallClock("2024-01-02T00:00:00"), DateTimeCastOps.stringToWallClock("2024-01-02", true));
    assertNull(DateTimeCastOps.stringToWallClock("2024-13-01", false));
    SparkException error = assertThrows(SparkException.class, () -> DateTimeCastOps.stringToWallClock("x", true));
    assertEquals("CAST_INVALID_INPUT", error.getCondition());
    assertEquals("[CAST_INVALID_INPUT] The value 'x' of the type \"STRING\" cannot be cast to \"TIMESTAMP_NTZ\" because"
        + " it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to"
        + " tolerate malformed input and return NULL instead. SQLSTATE: 22018", error.getMessage());
  }

  @Test
  void stringsToInstantsReadTheSessionZoneUnlessTheyNameOne() {
    assertEquals(wallClock("2024-03-10T17:11:12"), DateTimeCastOps.stringToInstant(" 2024-03-10 10:11:12 ", LOS_ANGELES,
        true));
    assertEquals(wallClock("2024-03-10T09:11:12"),
        DateTimeCastOps.stringToInstant("2024-03-10 10:11:12 Europe/Paris", LOS_ANGELES, true));
    assertNull(DateTimeCastOps.stringToInstant("2024-03-10T", LOS_ANGELES, false));
    SparkException error = assertThrows(SparkException.class,
        () -> DateTimeCastOps.stringToInstant("2024-03-10T", LOS_ANGELES, true));
    assertEquals("CAST_INVALID_INPUT", error.getCondition());
    assertEquals("\"TIMESTAMP\"", error.getMessageParameters().get("targetType"));
  }

  @Test
  void numbersAreSecondsSinceTheEpoch() {
    assertEquals(-7_000_000L, DateTimeCastOps.secondsToInstant(-7));
    assertEquals(Long.MAX_VALUE, DateTimeCastOps.secondsToInstant(9_223_372_036_855L));
    assertEquals(Long.MIN_VALUE, DateTimeCastOps.secondsToInstant(-9_223_372_036_855L));
    assertEquals(1_000_001L, DateTimeCastOps.fractionalSecondsToInstant(1.0000015, DataTypes.DoubleType, true));
    assertEquals(0L, DateTimeCastOps.fractionalSecondsToInstant(-0.0000005, DataTypes.DoubleType, true));
    assertEquals(Long.MAX_VALUE, DateTimeCastOps.fractionalSecondsToInstant(1e20, DataTypes.DoubleType, false));
    assertNull(DateTimeCastOps.fractionalSecondsToInstant(Double.NaN, DataTypes.DoubleType, false));
    assertEquals(-1_000_000L, DateTimeCastOps.decimalSecondsToInstant(new BigDecimal("-1.0000005")));
    assertEquals(1_234_567L, DateTimeCastOps.decimalSecondsToInstant(new BigDecimal("1.23456789")));
  }

  @Test
  void fractionalSecondsFailUnderAnsiAsSparkReportsThem() {
    SparkException nan = assertThrows(SparkException.class,
        () -> DateTimeCastOps.fractionalSecondsToInstant(Double.NaN, DataTypes.DoubleType, true));
    assertEquals("CAST_INVALID_INPUT", nan.getCondition());
    assertEquals("NaN", nan.getMessageParameters().get("expression"));
    SparkException overflow = assertThrows(SparkException.class,
        () -> DateTimeCastOps.fractionalSecondsToInstant(1e20, DataTypes.DoubleType, true));
    assertEquals("CAST_OVERFLOW", overflow.getCondition());
    assertEquals("1.0E26D", overflow.getMessageParameters().get("value"));
    assertEquals("\"BIGINT\"", overflow.getMessageParameters().get("targetType"));
  }

  @Test
  void timestampsToNumbersAreSecondsRoundedDown() {
    long halfSecondBefore = -500_000L;
    assertEquals(-1L, DateTimeCastOps.instantToIntegral(halfSecondBefore, DataTypes.LongType, ZoneOffset.UTC, true));
    assertEquals(-1L, DateTimeCastOps.instantToIntegral(halfSecondBefore, DataTypes.ByteType, ZoneOffset.UTC, true));
    assertEquals(-0.5, DateTimeCastOps.instantToDouble(halfSecondBefore));
    assertEquals(new BigDecimal("-0.500"), DateTimeCastOps.instantToDecimal(halfSecondBefore, 10, 3, true));
    assertEquals(new BigDecimal("1704067200.13"),
        DateTimeCastOps.instantToDecimal(1_704_067_200_125_000L, 20, 2, true));
    long year2100 = wallClock("2100-01-01T00:00:00");
    assertNull(DateTimeCastOps.instantToIntegral(year2100, DataTypes.IntegerType, ZoneOffset.UTC, false));
    SparkException error = assertThrows(SparkException.class,
        () -> DateTimeCastOps.instantToIntegral(year2100, DataTypes.IntegerType, LOS_ANGELES, true));
    assertEquals("TIMESTAMP '2099-12-31 16:00:00'", error.getMessageParameters().get("value"));
    assertEquals(1L, DateTimeCastOps.booleanToInstant(true));
  }
}
