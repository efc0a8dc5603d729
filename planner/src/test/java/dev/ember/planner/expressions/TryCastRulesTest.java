package dev.ember.planner.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import org.junit.jupiter.api.Test;

/** Expectations from Spark 4.2.0: the schema of {@code try_cast(x AS type)} over a non-null x, and which casts it rejects. */
class TryCastRulesTest {
  private static final DataType DAY = new DayTimeIntervalType(DayTimeIntervalType.DAY(), DayTimeIntervalType.DAY());
  private static final DataType SECOND =
      new DayTimeIntervalType(DayTimeIntervalType.SECOND(), DayTimeIntervalType.SECOND());
  private static final DataType YEAR = new YearMonthIntervalType(YearMonthIntervalType.YEAR(), YearMonthIntervalType.YEAR());

  @Test
  void safeWideningsAreTheNonNullableTryCasts() {
    assertTrue(TryCastRules.isSafeWidening(DataTypes.ByteType, DataTypes.IntegerType));
    assertFalse(TryCastRules.isSafeWidening(DataTypes.IntegerType, DataTypes.ShortType));
    assertTrue(TryCastRules.isSafeWidening(DataTypes.LongType, DataTypes.FloatType));
    assertTrue(TryCastRules.isSafeWidening(DataTypes.FloatType, DataTypes.DoubleType));
    assertFalse(TryCastRules.isSafeWidening(DataTypes.DoubleType, DataTypes.FloatType));
    assertTrue(TryCastRules.isSafeWidening(DataTypes.ByteType, DataTypes.createDecimalType(3, 0)));
    assertFalse(TryCastRules.isSafeWidening(DataTypes.ShortType, DataTypes.createDecimalType(5, 2)));
    assertTrue(TryCastRules.isSafeWidening(DataTypes.LongType, DataTypes.createDecimalType(22, 2)));
    assertTrue(TryCastRules.isSafeWidening(DataTypes.createDecimalType(5, 2), DataTypes.createDecimalType(22, 2)));
    assertFalse(TryCastRules.isSafeWidening(DataTypes.createDecimalType(20, 2), DataTypes.createDecimalType(12, 1)));
    assertFalse(TryCastRules.isSafeWidening(DataTypes.createDecimalType(5, 2), DataTypes.DoubleType));
    assertFalse(TryCastRules.isSafeWidening(DataTypes.BooleanType, DataTypes.IntegerType));
    assertFalse(TryCastRules.isSafeWidening(DataTypes.IntegerType, DataTypes.BooleanType));
    assertTrue(TryCastRules.isSafeWidening(DataTypes.DateType, DataTypes.TimestampNTZType));
    assertFalse(TryCastRules.isSafeWidening(DataTypes.TimestampType, DataTypes.DateType));
    assertTrue(TryCastRules.isSafeWidening(DataTypes.TimestampType, DataTypes.LongType));
    assertFalse(TryCastRules.isSafeWidening(DataTypes.TimestampType, DataTypes.IntegerType));
    assertTrue(TryCastRules.isSafeWidening(DataTypes.LongType, DataTypes.TimestampType));
    assertFalse(TryCastRules.isSafeWidening(DataTypes.IntegerType, DataTypes.TimestampType));
    assertTrue(TryCastRules.isSafeWidening(DAY, SECOND));
    assertFalse(TryCastRules.isSafeWidening(DAY, DataTypes.LongType));
    assertTrue(TryCastRules.isSafeWidening(DataTypes.DoubleType, DataTypes.StringType));
  }

  @Test
  void ansiRejectsDatesWithNumbersBooleansWithTimestampsAndBinaryWithAllButString() {
    assertFalse(TryCastRules.ansiAllows(DataTypes.IntegerType, DataTypes.DateType));
    assertFalse(TryCastRules.ansiAllows(DataTypes.DateType, DataTypes.BooleanType));
    assertFalse(TryCastRules.ansiAllows(DataTypes.TimestampNTZType, DataTypes.LongType));
    assertFalse(TryCastRules.ansiAllows(DataTypes.BooleanType, DataTypes.TimestampType));
    assertFalse(TryCastRules.ansiAllows(DataTypes.TimestampType, DataTypes.BooleanType));
    assertFalse(TryCastRules.ansiAllows(DataTypes.IntegerType, DataTypes.BinaryType));
    assertFalse(TryCastRules.ansiAllows(DataTypes.BinaryType, DataTypes.IntegerType));
    assertTrue(TryCastRules.ansiAllows(DataTypes.BinaryType, DataTypes.StringType));
    assertTrue(TryCastRules.ansiAllows(DataTypes.LongType, DataTypes.TimestampType));
    assertTrue(TryCastRules.ansiAllows(DataTypes.TimestampType, DataTypes.DoubleType));
    assertTrue(TryCastRules.ansiAllows(DataTypes.DateType, DataTypes.TimestampType));
    assertTrue(TryCastRules.ansiAllows(DataTypes.NullType, DataTypes.DateType));
    assertTrue(TryCastRules.ansiAllows(YEAR, DataTypes.StringType));
  }

  @Test
  void tryCastIsNullableUnlessItWidensAndNamedTryCast() {
    Literal three = new Literal(3, DataTypes.IntegerType);
    assertFalse(Cast.tryCast(three, DataTypes.LongType).nullable());
    assertTrue(Cast.tryCast(three, DataTypes.ShortType).nullable());
    // A plain ANSI cast of a non-null int to smallint raises instead, so it is not nullable.
    assertFalse(new Cast(three, DataTypes.ShortType, true, true).nullable());
    assertEquals("TRY_CAST(3 AS SMALLINT)", Cast.tryCast(three, DataTypes.ShortType).sql());
    Cast copied = (Cast) Cast.tryCast(three, DataTypes.ShortType)
        .withNewChildren(java.util.List.of(new Literal(4, DataTypes.IntegerType)));
    assertTrue(copied.nullOnError(), "withNewChildren keeps TRY_CAST");
  }
}
