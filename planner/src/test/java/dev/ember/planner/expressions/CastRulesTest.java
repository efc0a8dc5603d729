package dev.ember.planner.expressions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import org.junit.jupiter.api.Test;

/**
 * Spot checks of Spark 4.2.0's cast table (the examples module's CastConformanceTest compares every
 * pair of atomic types against Spark itself).
 */
class CastRulesTest {
  private static final DataType DAY = new DayTimeIntervalType(DayTimeIntervalType.DAY(), DayTimeIntervalType.DAY());
  private static final DataType YEAR =
      new YearMonthIntervalType(YearMonthIntervalType.YEAR(), YearMonthIntervalType.YEAR());

  @Test
  void bothModesAllowNumbersAndTimestampsBothWays() {
    for (boolean ansi : new boolean[] {true, false}) {
      assertTrue(allows(ansi, DataTypes.IntegerType, DataTypes.TimestampType));
      assertTrue(allows(ansi, DataTypes.TimestampType, DataTypes.createDecimalType(10, 2)));
      assertTrue(allows(ansi, DataTypes.StringType, DataTypes.TimestampNTZType));
      assertFalse(allows(ansi, DataTypes.LongType, DataTypes.TimestampNTZType));
      assertFalse(allows(ansi, DataTypes.TimestampNTZType, DataTypes.LongType));
      assertFalse(allows(ansi, DataTypes.IntegerType, DataTypes.DateType));
      assertFalse(allows(ansi, DataTypes.DoubleType, DataTypes.BinaryType));
      assertFalse(allows(ansi, DataTypes.BooleanType, DataTypes.DateType));
      assertFalse(allows(ansi, DataTypes.DoubleType, DAY));
      assertFalse(allows(ansi, DAY, YEAR));
      assertTrue(allows(ansi, DataTypes.ShortType, YEAR));
      assertFalse(allows(ansi, DataTypes.StringType, new ArrayType(DataTypes.IntegerType, true)));
      assertTrue(allows(ansi, new ArrayType(DataTypes.IntegerType, true), DataTypes.StringType));
    }
  }

  @Test
  void onlyAnsiOffAllowsBooleansAndTimestampsDatesToNumbersAndIntegersToBinary() {
    DataType[][] legacyOnly = {
        {DataTypes.BooleanType, DataTypes.TimestampType}, {DataTypes.TimestampType, DataTypes.BooleanType},
        {DataTypes.DateType, DataTypes.IntegerType}, {DataTypes.DateType, DataTypes.BooleanType},
        {DataTypes.ByteType, DataTypes.BinaryType}, {DataTypes.LongType, DataTypes.BinaryType}};
    for (DataType[] pair : legacyOnly) {
      assertFalse(CastRules.ansiAllows(pair[0], pair[1]), pair[0] + " to " + pair[1]);
      assertTrue(CastRules.legacyAllows(pair[0], pair[1]), pair[0] + " to " + pair[1]);
    }
  }

  @Test
  void arraysCastElementByElement() {
    DataType ints = new ArrayType(DataTypes.IntegerType, true);
    assertTrue(CastRules.ansiAllows(ints, new ArrayType(DataTypes.StringType, true)));
    assertFalse(CastRules.ansiAllows(ints, new ArrayType(DataTypes.DateType, true)));
  }

  private static boolean allows(boolean ansi, DataType from, DataType to) {
    return ansi ? CastRules.ansiAllows(from, to) : CastRules.legacyAllows(from, to);
  }
}
