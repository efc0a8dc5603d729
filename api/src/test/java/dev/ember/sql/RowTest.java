package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.api.rows.GenericRow;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Expected texts and outcomes are what Spark 4.2's Row returned for the same calls. */
class RowTest {
  private static final StructType PEOPLE = StructType.fromDDL("name string, age int, score double");

  @Test
  void printsLikeSpark() {
    Row row = RowFactory.create("Alice", 30, null, new BigDecimal("1.50"), Double.NaN);
    assertEquals("[Alice,30,null,1.50,NaN]", row.toString());
    assertEquals("Alice30null1.50NaN", row.mkString());
    assertEquals("Alice-30-null-1.50-NaN", row.mkString("-"));
    assertEquals("<Alice;30;null;1.50;NaN>", row.mkString("<", ";", ">"));
    assertEquals("[]", RowFactory.create().toString());
  }

  @Test
  void sizeNullsAndSchema() {
    Row row = RowFactory.create("Alice", null);
    assertEquals(2, row.size());
    assertEquals(2, row.length());
    assertTrue(row.anyNull());
    assertTrue(row.isNullAt(1));
    assertFalse(row.isNullAt(0));
    assertNull(row.schema());
    assertFalse(RowFactory.create(1, "x").anyNull());
  }

  @Test
  void primitiveGetterOnNullFailsWithSparksError() {
    Row row = RowFactory.create("Alice", 30, null);
    SparkException error = assertThrows(SparkException.class, () -> row.getInt(2));
    assertEquals("ROW_VALUE_IS_NULL", error.getCondition());
    assertEquals(
        "[ROW_VALUE_IS_NULL] Found NULL in a row at the index 2, expected a non-NULL value. SQLSTATE: 22023",
        error.getMessage());
    assertThrows(SparkException.class, () -> row.getBoolean(2));
    assertThrows(SparkException.class, () -> row.getDouble(2));
    assertNull(row.getString(2));
    assertNull(row.getDecimal(2));
  }

  @Test
  void gettersCastWithoutConverting() {
    Row row = RowFactory.create("Alice", 30, 7L, (byte) 1, (short) 2, 1.5f, 2.5, true);
    assertEquals(30, row.getInt(1));
    assertEquals(7L, row.getLong(2));
    assertEquals((byte) 1, row.getByte(3));
    assertEquals((short) 2, row.getShort(4));
    assertEquals(1.5f, row.getFloat(5));
    assertEquals(2.5, row.getDouble(6));
    assertTrue(row.getBoolean(7));
    // As in Spark: an Integer is not a Long or a String.
    assertThrows(ClassCastException.class, () -> row.getLong(1));
    assertThrows(ClassCastException.class, () -> row.getString(1));
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> row.get(8));
  }

  @Test
  void fieldAccessByNameNeedsASchema() {
    Row row = RowFactory.create("Alice", 30, 1.0);
    UnsupportedOperationException error = assertThrows(UnsupportedOperationException.class, () -> row.getAs("age"));
    assertEquals("[UNSUPPORTED_CALL.FIELD_INDEX] Cannot call the method \"fieldIndex\" of the class \"Row\". "
        + "The row shall have a schema to get an index of the field `age`. SQLSTATE: 0A000", error.getMessage());

    Row withSchema = new GenericRow(new Object[] {"Alice", 30, 1.0}, PEOPLE);
    assertEquals(PEOPLE, withSchema.schema());
    assertEquals(2, withSchema.fieldIndex("score"));
    Integer age = withSchema.getAs("age");
    assertEquals(30, age);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> withSchema.fieldIndex("NAME"));
    assertEquals("[FIELD_NOT_FOUND] No such struct field `NAME` in `name`, `age`, `score`. SQLSTATE: 42704",
        missing.getMessage());
  }

  @Test
  void schemaMustMatchTheValues() {
    assertThrows(IllegalArgumentException.class, () -> new GenericRow(new Object[] {"Alice"}, PEOPLE));
  }

  @Test
  void valuesAreCopied() {
    Object[] values = {"Alice", 30};
    Row row = RowFactory.create(values);
    values[0] = "Bob";
    assertEquals("Alice", row.get(0));
  }

  @Test
  void equalityFollowsSpark() {
    assertEquals(
        RowFactory.create("Alice", 30, null, new byte[] {1}, new BigDecimal("1.50"), Double.NaN),
        RowFactory.create("Alice", 30, null, new byte[] {1}, new BigDecimal("1.5"), Double.NaN));
    assertEquals(RowFactory.create(0.0), RowFactory.create(-0.0));
    assertEquals(RowFactory.create(0.0f), RowFactory.create(-0.0f));
    assertEquals(RowFactory.create(1), RowFactory.create(1L));
    assertNotEquals(RowFactory.create(1), RowFactory.create(1, 2));
    assertNotEquals(RowFactory.create(1), RowFactory.create(2));
    assertNotEquals(RowFactory.create(new byte[] {1}), RowFactory.create(new byte[] {2}));
    assertNotEquals(RowFactory.create((Object) null), RowFactory.create(0));
    // The schema takes no part, in either direction.
    Row withSchema = new GenericRow(new Object[] {"Alice", 30, 27.333333333333332}, PEOPLE);
    Row without = RowFactory.create("Alice", 30, 27.333333333333332);
    assertEquals(withSchema, without);
    assertEquals(without, withSchema);
  }

  @Test
  void equalRowsHashAlike() {
    assertEquals(
        RowFactory.create("Alice", new byte[] {1}, new BigDecimal("1.50"), Double.NaN, -0.0).hashCode(),
        RowFactory.create("Alice", new byte[] {1}, new BigDecimal("1.5"), Double.NaN, 0.0).hashCode());
    assertEquals(RowFactory.create(1).hashCode(), RowFactory.create(1L).hashCode());
    assertEquals(RowFactory.create(1).hashCode(), RowFactory.create(1.0).hashCode());
    assertEquals(RowFactory.create(new BigDecimal("0.00")).hashCode(), RowFactory.create(BigDecimal.ZERO).hashCode());
  }
}
