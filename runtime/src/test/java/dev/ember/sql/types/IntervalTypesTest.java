package dev.ember.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.runtime.batch.ArrowTypes;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

/** Names and forms of the ANSI interval types, as Spark 4.2.0's Java API gives them. */
class IntervalTypesTest {
  @Test
  void dayTimeNames() {
    DayTimeIntervalType hourToSecond = DataTypes.createDayTimeIntervalType(DayTimeIntervalType.HOUR(),
        DayTimeIntervalType.SECOND());
    assertEquals("DayTimeIntervalType(1,3)", hourToSecond.toString());
    assertEquals("interval hour to second", hourToSecond.typeName());
    assertEquals("interval hour to second", hourToSecond.simpleString());
    assertEquals("INTERVAL HOUR TO SECOND", hourToSecond.sql());
    assertEquals("\"interval hour to second\"", hourToSecond.json());
    assertEquals(8, hourToSecond.defaultSize());
    assertEquals("interval day to second", DataTypes.createDayTimeIntervalType().simpleString());
    assertEquals("minute", DayTimeIntervalType.fieldToString(DayTimeIntervalType.MINUTE()));
  }

  @Test
  void yearMonthNames() {
    YearMonthIntervalType month = DataTypes.createYearMonthIntervalType(YearMonthIntervalType.MONTH(),
        YearMonthIntervalType.MONTH());
    assertEquals("YearMonthIntervalType(1,1)", month.toString());
    assertEquals("interval month", month.simpleString());
    assertEquals("INTERVAL MONTH", month.sql());
    assertEquals(4, month.defaultSize());
    assertEquals("interval year to month", DataTypes.createYearMonthIntervalType().typeName());
  }

  @Test
  void fieldsMakeTheTypeAndMustBeInOrder() {
    assertEquals(new DayTimeIntervalType(), DataTypes.createDayTimeIntervalType((byte) 0, (byte) 3));
    assertNotEquals(new DayTimeIntervalType((byte) 0, (byte) 0), new DayTimeIntervalType());
    assertNotEquals(new YearMonthIntervalType((byte) 0, (byte) 0), new DayTimeIntervalType((byte) 0, (byte) 0));
    assertThrows(IllegalArgumentException.class, () -> new DayTimeIntervalType((byte) 3, (byte) 1));
    assertThrows(IllegalArgumentException.class, () -> new YearMonthIntervalType((byte) 0, (byte) 2));
  }

  @Test
  void ddlNamesTheFieldRange() {
    assertEquals(new DayTimeIntervalType(), DataType.fromDDL("interval day to second"));
    assertEquals(new StructType(new StructField[] {
        new StructField("a", new YearMonthIntervalType((byte) 0, (byte) 0), true)}), DataType.fromDDL("a interval year"));
  }

  @Test
  void arrowHoldsSparksValuesAndRemembersTheType() {
    DayTimeIntervalType minute = new DayTimeIntervalType((byte) 2, (byte) 2);
    Field dayTime = ArrowTypes.toArrowField("d", minute, true);
    assertEquals(new ArrowType.Int(64, true), dayTime.getType());
    assertEquals(minute, ArrowTypes.fromArrowField(dayTime));
    Field yearMonth = ArrowTypes.toArrowField("y", new YearMonthIntervalType(), true);
    assertEquals(new ArrowType.Int(32, true), yearMonth.getType());
    assertEquals(new YearMonthIntervalType(), ArrowTypes.fromArrowField(yearMonth));
  }
}
