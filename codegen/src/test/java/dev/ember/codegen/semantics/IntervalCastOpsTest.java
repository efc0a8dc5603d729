package dev.ember.codegen.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Casts to and from ANSI intervals; expected values and errors observed on Spark 4.2.0. */
class IntervalCastOpsTest {
  private static final long SECOND = 1_000_000L;
  private static final long HOUR = 3_600 * SECOND;
  private static final long DAY = 24 * HOUR;
  private static final DayTimeIntervalType DAYS = dayTime(DayTimeIntervalType.DAY(), DayTimeIntervalType.DAY());
  private static final DayTimeIntervalType DAY_TO_HOUR = dayTime(DayTimeIntervalType.DAY(), DayTimeIntervalType.HOUR());
  private static final DayTimeIntervalType DAY_TO_SECOND = DataTypes.createDayTimeIntervalType();
  private static final DayTimeIntervalType SECONDS =
      dayTime(DayTimeIntervalType.SECOND(), DayTimeIntervalType.SECOND());
  private static final YearMonthIntervalType YEARS =
      new YearMonthIntervalType(YearMonthIntervalType.YEAR(), YearMonthIntervalType.YEAR());
  private static final YearMonthIntervalType MONTHS =
      new YearMonthIntervalType(YearMonthIntervalType.MONTH(), YearMonthIntervalType.MONTH());
  private static final YearMonthIntervalType YEAR_TO_MONTH = DataTypes.createYearMonthIntervalType();

  private static DayTimeIntervalType dayTime(byte start, byte end) {
    return new DayTimeIntervalType(start, end);
  }

  @Test
  void numbersCountTheLastField() {
    assertEquals(3 * DAY, IntervalCastOps.integralToDayTime(3, DataTypes.IntegerType, DAYS));
    assertEquals(3 * HOUR, IntervalCastOps.integralToDayTime(3, DataTypes.IntegerType, DAY_TO_HOUR));
    assertEquals(36, IntervalCastOps.integralToYearMonth(3, DataTypes.IntegerType, YEARS));
    assertEquals(3, IntervalCastOps.integralToYearMonth(3, DataTypes.IntegerType, YEAR_TO_MONTH));
  }

  @Test
  void decimalsRoundHalfUpToAMicrosecondOrAMonth() {
    DecimalType source = new DecimalType(8, 7);
    assertEquals(1_000_001L, IntervalCastOps.decimalToDayTime(new BigDecimal("1.0000005"), source, SECONDS));
    assertEquals(84 * HOUR, IntervalCastOps.decimalToDayTime(new BigDecimal("3.5"), source, DAYS));
    assertEquals(18, IntervalCastOps.decimalToYearMonth(new BigDecimal("1.5"), source, YEARS));
    assertEquals(-3, IntervalCastOps.decimalToYearMonth(new BigDecimal("-2.5"), source, MONTHS));
  }

  @Test
  void overflowIsCastOverflowNamingTheValue() {
    SparkException error = assertThrows(SparkException.class,
        () -> IntervalCastOps.integralToDayTime(100_000_000_000L, DataTypes.LongType, DAYS));
    assertEquals("CAST_OVERFLOW", error.getCondition());
    assertEquals("100000000000L", error.getMessageParameters().get("value"));
    assertEquals("\"INTERVAL DAY\"", error.getMessageParameters().get("targetType"));
    SparkException decimal = assertThrows(SparkException.class,
        () -> IntervalCastOps.decimalToDayTime(new BigDecimal("123456789012.5"), new DecimalType(13, 1), DAYS));
    assertEquals("123456789012.5BD", decimal.getMessageParameters().get("value"));
    SparkException narrow = assertThrows(SparkException.class,
        () -> IntervalCastOps.dayTimeToIntegral(300 * DAY, DAYS, DataTypes.ByteType));
    assertEquals("INTERVAL '300' DAY", narrow.getMessageParameters().get("value"));
  }

  @Test
  void intervalsAsNumbersTruncateTowardZero() {
    assertEquals(1, IntervalCastOps.dayTimeToIntegral(1_500_000L, SECONDS, DataTypes.IntegerType));
    assertEquals(-1, IntervalCastOps.dayTimeToIntegral(-1_500_000L, SECONDS, DataTypes.IntegerType));
    assertEquals(76, IntervalCastOps.dayTimeToIntegral(76 * HOUR, DAY_TO_HOUR, DataTypes.IntegerType));
    assertEquals(1, IntervalCastOps.yearMonthToIntegral(14, YEARS, DataTypes.IntegerType));
    assertEquals(new BigDecimal("1.12"), IntervalCastOps.dayTimeToDecimal(1_123_456L, SECONDS, 10, 2));
    // Only seconds keep a fraction: three and a half days are 3 as a decimal.
    assertEquals(new BigDecimal("3.00"), IntervalCastOps.dayTimeToDecimal(84 * HOUR, DAYS, 10, 2));
    assertThrows(SparkException.class, () -> IntervalCastOps.dayTimeToDecimal(1000 * DAY, DAYS, 3, 0));
  }

  @Test
  void narrowerFieldsDropTheRestTowardZero() {
    long value = -(3 * DAY + 4 * HOUR + 5 * 60 * SECOND + 6 * SECOND);
    assertEquals(-3 * DAY, IntervalCastOps.dayTimeToDayTime(value, DAYS));
    assertEquals(-12, IntervalCastOps.yearMonthToYearMonth(-14, YEARS));
    assertEquals(-14, IntervalCastOps.yearMonthToYearMonth(-14, MONTHS));
  }

  @Test
  void stringsInEitherForm() {
    assertEquals(3 * DAY, IntervalCastOps.stringToDayTime(" 3 ", DAYS));
    assertEquals(3 * DAY, IntervalCastOps.stringToDayTime("interval '3' day", DAYS));
    assertEquals(3 * DAY, IntervalCastOps.stringToDayTime("INTERVAL -'-3' DAY", DAYS));
    assertEquals(-(3 * DAY + 4 * HOUR), IntervalCastOps.stringToDayTime("-3 4", DAY_TO_HOUR));
    assertEquals(76 * HOUR + 5 * 60 * SECOND + 6_500_000L, IntervalCastOps.stringToDayTime("3 04:05:06.5", DAY_TO_SECOND));
    assertEquals(1_123_456L, IntervalCastOps.stringToDayTime("1.1234567", SECONDS));
    assertEquals(-14, IntervalCastOps.stringToYearMonth("INTERVAL -'1-2' YEAR TO MONTH", YEAR_TO_MONTH));
    assertEquals(60, IntervalCastOps.stringToYearMonth("5", YEARS));
    assertEquals("INTERVAL '-3 04:05:06.5' DAY TO SECOND",
        IntervalCastOps.dayTimeToString(-(76 * HOUR + 5 * 60 * SECOND + 6_500_000L), DAY_TO_SECOND));
    assertEquals("INTERVAL '1-2' YEAR TO MONTH", IntervalCastOps.yearMonthToString(14, YEAR_TO_MONTH));
  }

  @Test
  void malformedStringsNameTheFormat() {
    SparkException dayTime = assertThrows(SparkException.class, () -> IntervalCastOps.stringToDayTime("1 day", DAYS));
    assertEquals("INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE", dayTime.getCondition());
    assertEquals("`[+|-]d`, `INTERVAL [+|-]'[+|-]d' DAY`", dayTime.getMessageParameters().get("supportedFormat"));
    SparkException otherFields = assertThrows(SparkException.class,
        () -> IntervalCastOps.stringToDayTime("INTERVAL '3' HOUR", DAYS));
    assertEquals("INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE", otherFields.getCondition());
    SparkException seconds = assertThrows(SparkException.class, () -> IntervalCastOps.stringToDayTime("x", DAY_TO_SECOND));
    assertEquals("`[+|-]d h:m:s.n`, `INTERVAL [+|-]'[+|-]d h:m:s.n' DAY TO SECOND`",
        seconds.getMessageParameters().get("supportedFormat"));
    IllegalArgumentException hour = assertThrows(IllegalArgumentException.class,
        () -> IntervalCastOps.stringToDayTime("3 25", DAY_TO_HOUR));
    assertEquals("requirement failed: hour 25 outside range [0, 23]", hour.getMessage());
    SparkException yearMonth = assertThrows(SparkException.class,
        () -> IntervalCastOps.stringToYearMonth("1-2", MONTHS));
    assertEquals("INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING", yearMonth.getCondition());
    SparkException month = assertThrows(SparkException.class,
        () -> IntervalCastOps.stringToYearMonth("1-12", YEAR_TO_MONTH));
    assertEquals("INVALID_INTERVAL_FORMAT.INTERVAL_PARSING", month.getCondition());
  }
}
