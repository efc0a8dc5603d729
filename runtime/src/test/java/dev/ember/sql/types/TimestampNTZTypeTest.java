package dev.ember.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ember.runtime.batch.ArrowTypes;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

/** Names, DDL and Arrow layout of {@code timestamp_ntz}, as Spark 4.2 prints them. */
class TimestampNTZTypeTest {
  @Test
  void namesAsSpark() {
    DataType type = DataTypes.TimestampNTZType;
    assertEquals("timestamp_ntz", type.typeName());
    assertEquals("timestamp_ntz", type.simpleString());
    assertEquals("TIMESTAMP_NTZ", type.sql());
    assertEquals("\"timestamp_ntz\"", type.json());
    assertEquals("TimestampNTZType", type.toString());
    assertEquals(8, type.defaultSize());
    assertNotEquals(DataTypes.TimestampType, type);
  }

  @Test
  void ddlNamesBothTimestampKinds() {
    assertEquals(DataTypes.TimestampNTZType, DataType.fromDDL("TIMESTAMP_NTZ"));
    assertEquals(DataTypes.TimestampType, DataType.fromDDL("timestamp_ltz"));
    assertEquals(new ArrayType(DataTypes.TimestampNTZType, true), DataTypes.fromDdlType("array<timestamp_ntz>"));
    assertEquals("struct<t:timestamp_ntz>", DataTypes.fromDdlSchema("t TIMESTAMP_NTZ").simpleString());
  }

  @Test
  void arrowTimestampsWithoutAZoneAreWallClocks() {
    ArrowType layout = ArrowTypes.toArrow(DataTypes.TimestampNTZType);
    assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), layout);
    assertEquals(DataTypes.TimestampNTZType, ArrowTypes.fromArrow(layout));
    assertEquals(DataTypes.TimestampNTZType, ArrowTypes.fromArrow(new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)));
    assertEquals(DataTypes.TimestampType, ArrowTypes.fromArrow(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")));
  }
}
