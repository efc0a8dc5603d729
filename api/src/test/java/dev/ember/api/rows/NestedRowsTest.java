package dev.ember.api.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ember.api.format.ShowFormatter;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.Row;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Expected text is what Spark 4.2 prints for the same values (probe program against spark-sql 4.2.0). */
class NestedRowsTest {
  private static final StructType SCHEMA = StructType.fromDDL(
      "a ARRAY<INT>, m MAP<STRING, INT>, s STRUCT<x: INT, y: STRING>, d ARRAY<DECIMAL(5,2)>, "
          + "big MAP<INT, STRING>");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void close() {
    allocator.close();
  }

  private List<Row> rows() {
    return rows(false);
  }

  private List<Row> displayRows() {
    return rows(true);
  }

  private List<Row> rows(boolean display) {
    Object[][] values = {
        {Arrays.asList(1, 2, null), new NestedValues.MapValue(List.of("a", "b"), Arrays.asList(1, null)),
            new Object[] {1, "x"}, Arrays.asList(new BigDecimal("1.50"), null),
            new NestedValues.MapValue(List.of(1, 2, 3, 4, 5, 6), List.of("x", "y", "z", "w", "v", "u"))},
        {null, null, null, null, null}};
    List<FieldVector> vectors = ColumnBatch.allocateVectors(SCHEMA, allocator, 2);
    for (int column = 0; column < SCHEMA.length(); column++) {
      for (int row = 0; row < values.length; row++) {
        NestedValues.write(vectors.get(column), row, values[row][column]);
      }
      vectors.get(column).setValueCount(values.length);
    }
    try (ColumnBatch batch = new ColumnBatch(SCHEMA, vectors, values.length)) {
      return display ? BatchRows.toDisplayRows(batch, UTC) : BatchRows.toRows(batch, UTC);
    }
  }

  @Test
  void rowsHoldSparksExternalValues() {
    Row row = rows().get(0);
    assertEquals("[ArraySeq(1, 2, null),Map(a -> 1, b -> null),[1,x],ArraySeq(1.50, null),"
        + "HashMap(5 -> v, 1 -> x, 6 -> u, 2 -> y, 3 -> z, 4 -> w)]", row.toString());
    assertEquals(Arrays.asList(1, 2, null), row.getList(0));
    assertEquals("scala.collection.immutable.ArraySeq$ofRef", row.getSeq(0).getClass().getName());
    assertEquals(1, row.<Integer, Integer>getJavaMap(1).get("a"));
    assertEquals("x", row.getStruct(2).getString(1));
    assertEquals(StructType.fromDDL("x INT, y STRING"), row.getStruct(2).schema());
    assertEquals("scala.collection.mutable.ArraySeq$ofRef", row.get(0).getClass().getName());
    assertNull(rows().get(1).getList(0));
  }

  @Test
  void showPrintsNestedValuesLikeSpark() {
    assertEquals("""
        +------------+-------------------+------+------------+--------------------+
        |           a|                  m|     s|           d|                 big|
        +------------+-------------------+------+------------+--------------------+
        |[1, 2, NULL]|{a -> 1, b -> NULL}|{1, x}|[1.50, NULL]|{1 -> x, 2 -> y, ...|
        |        NULL|               NULL|  NULL|        NULL|                NULL|
        +------------+-------------------+------+------------+--------------------+
        """, ShowFormatter.showString(SCHEMA, displayRows(), 20, 20, false, UTC));
  }
}
