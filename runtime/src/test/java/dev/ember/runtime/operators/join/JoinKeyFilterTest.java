package dev.ember.runtime.operators.join;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scan's join key filter keeps exactly the rows whose key the build side holds, while that pays. */
class JoinKeyFilterTest {
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** A build side whose one key column holds {@code keys} (a null is a null key). */
  private BatchSource build(JoinTableHandle handle, String keyType, Long... keys) {
    StructType schema = StructType.fromDDL("key0 " + keyType);
    HashJoinBuildSink sink = new HashJoinBuildSink(schema, List.of(false), handle);
    SinkPartition partition = sink.createPartition(allocator);
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, keys.length);
    for (int row = 0; row < keys.length; row++) {
      if (keys[row] == null) {
        vectors.get(0).setNull(row);
      } else if (vectors.get(0) instanceof BigIntVector longs) {
        longs.setSafe(row, keys[row]);
      } else if (vectors.get(0) instanceof DateDayVector days) {
        days.setSafe(row, keys[row].intValue());
      } else {
        ((IntVector) vectors.get(0)).setSafe(row, keys[row].intValue());
      }
    }
    vectors.get(0).setValueCount(keys.length);
    ((BatchConsumer) partition).accept(new ColumnBatch(schema, vectors, keys.length));
    return sink.finish(List.of(partition), allocator);
  }

  private BigIntVector longs(Long... values) {
    BigIntVector vector = new BigIntVector("probe", allocator);
    vector.allocateNew(values.length);
    for (int row = 0; row < values.length; row++) {
      if (values[row] == null) {
        vector.setNull(row);
      } else {
        vector.set(row, values[row]);
      }
    }
    vector.setValueCount(values.length);
    return vector;
  }

  private static int[] allRows(int count) {
    return IntStream.range(0, count).toArray();
  }

  @Test
  void keepsTheRowsWhoseKeyTheBuildSideHoldsInOrderAndNoNullKey() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    handle.filterOnComponent(0, List.of(DataTypes.LongType)); // keys up to 2^40 apart: no bitmap, so the filter looks them up
    try (BatchSource owner = build(handle, "BIGINT", 3L, -8L, 3L, null, 1L << 40);
        BigIntVector probe = longs(1L, 3L, null, -8L, 4L, 1L << 40, 3L)) {
      JoinKeyFilter filter = JoinKeyFilter.of(handle, DataTypes.LongType, 0);
      int[] rows = allRows(7);
      int kept = filter.filter(probe, rows, 7);
      assertArrayEquals(new int[] {1, 3, 5, 6}, Arrays.copyOf(rows, kept));
      // Only the rows still in play are looked at: row 3 is dropped before, so it stays dropped.
      int[] some = {0, 1, 4, 6};
      assertEquals(2, filter.filter(probe, some, 4));
      assertArrayEquals(new int[] {1, 6}, Arrays.copyOf(some, 2));
    }
  }

  @Test
  void dateKeysAreLookedUpInATableOfDateKeys() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    handle.filterOnComponent(0, List.of(DataTypes.DateType));
    try (BatchSource owner = build(handle, "DATE", 9_000L, -3L);
        DateDayVector probe = new DateDayVector("probe", allocator)) {
      probe.allocateNew(4);
      probe.set(0, -3);
      probe.set(1, 9_001);
      probe.set(2, 9_000);
      probe.setNull(3);
      probe.setValueCount(4);
      int[] rows = allRows(4);
      int kept = JoinKeyFilter.of(handle, DataTypes.DateType, 0).filter(probe, rows, 4);
      assertArrayEquals(new int[] {0, 2}, Arrays.copyOf(rows, kept));
    }
  }

  @Test
  void aTableOfAnotherKeyLayoutKeepsEveryRow() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    handle.filterOnComponent(0, List.of(DataTypes.IntegerType));
    // Int probe keys against a table of bigint keys: the words differ, so the filter cannot look up.
    try (BatchSource owner = build(handle, "BIGINT", 1L);
        IntVector probe = new IntVector("probe", allocator)) {
      probe.allocateNew(2);
      probe.set(0, 1);
      probe.set(1, 2);
      probe.setValueCount(2);
      assertEquals(2, JoinKeyFilter.of(handle, DataTypes.IntegerType, 0).filter(probe, allRows(2), 2));
    }
  }

  @Test
  void itStopsOnceMostRowsPass() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    handle.filterOnComponent(0, List.of(DataTypes.LongType)); // keys within a million: the filter reads the bitmap
    Long[] keys = new Long[4096];
    Arrays.setAll(keys, i -> (long) (i % 3 == 0 ? -1 - i : i));
    // Two thirds of the probe keys are in the table.
    try (BatchSource owner = build(handle, "BIGINT", Arrays.stream(keys).map(k -> k < 0 ? 1_000_000 + k : k)
        .toArray(Long[]::new)); BigIntVector probe = longs(keys)) {
      JoinKeyFilter filter = JoinKeyFilter.of(handle, DataTypes.LongType, 0);
      for (int batch = 0; batch < 4; batch++) {
        assertFalse(filter.stopped(), "batch " + batch);
        assertEquals(2730, filter.filter(probe, allRows(4096), 4096));
      }
      assertTrue(filter.stopped());
      assertEquals(4096, filter.filter(probe, allRows(4096), 4096));
    }
  }

  @Test
  void theKeyBitmapAnswersAsTheTableDoes() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    handle.filterOnComponent(0, List.of(DataTypes.LongType));
    Long[] keys = new Long[3000];
    Arrays.setAll(keys, i -> i % 500 == 0 ? null : -40_000L + 37L * i);
    try (BatchSource owner = build(handle, "BIGINT", keys)) {
      JoinHashTable table = handle.table();
      assertTrue(table.hasKeyBitmap());
      KeyBitmap bitmap = table.keyBitmap(0);
      for (long key = -41_000; key < 80_000; key++) {
        assertEquals(table.findFirst(key) >= 0, bitmap.contains(key), "key " + key);
      }
      assertFalse(bitmap.contains(Long.MIN_VALUE));
      assertFalse(bitmap.contains(Long.MAX_VALUE));
    }
  }

  @Test
  void keysSpreadTooWideGetNoBitmapAndAreLookedUp() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    handle.filterOnComponent(0, List.of(DataTypes.LongType));
    try (BatchSource owner = build(handle, "BIGINT", 1L, 1L << 40, Long.MIN_VALUE, Long.MAX_VALUE)) {
      JoinHashTable table = handle.table();
      assertFalse(table.hasKeyBitmap());
      assertTrue(table.containsKey(1L << 40));
      assertTrue(table.containsKey(Long.MIN_VALUE));
      assertFalse(table.containsKey(2L));
    }
  }

  @Test
  void aTableNobodyFiltersOnHasNoBitmap() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    try (BatchSource owner = build(handle, "BIGINT", 1L, 2L)) {
      assertFalse(handle.table().hasKeyBitmap());
    }
  }

  /** A build side keyed on every column of {@code ddl}; each row's values in column order, null for a null. */
  private BatchSource buildRows(JoinTableHandle handle, String ddl, long[][] rows, boolean[][] nulls) {
    StructType schema = StructType.fromDDL(ddl);
    List<Boolean> nullSafe = IntStream.range(0, schema.length()).mapToObj(i -> false).toList();
    HashJoinBuildSink sink = new HashJoinBuildSink(schema, nullSafe, handle);
    SinkPartition partition = sink.createPartition(allocator);
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, rows.length);
    for (int row = 0; row < rows.length; row++) {
      for (int column = 0; column < schema.length(); column++) {
        FieldVector vector = vectors.get(column);
        if (nulls != null && nulls[row][column]) {
          vector.setNull(row);
        } else if (vector instanceof BigIntVector longs) {
          longs.setSafe(row, rows[row][column]);
        } else {
          ((IntVector) vector).setSafe(row, (int) rows[row][column]);
        }
      }
    }
    vectors.forEach(vector -> vector.setValueCount(rows.length));
    ((BatchConsumer) partition).accept(new ColumnBatch(schema, vectors, rows.length));
    return sink.finish(List.of(partition), allocator);
  }

  @Test
  void aComponentOfATwoColumnKeyIsFilteredOnTheBitmapOfItsValues() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    handle.filterOnComponent(0, List.of(DataTypes.LongType, DataTypes.LongType));
    // (part, cost) pairs: parts 10, 20 and 30 (twice); a null part that must not count.
    long[][] rows = {{10, 5}, {20, 7}, {30, 5}, {30, 9}, {0, 1}};
    boolean[][] nulls = {{false, false}, {false, false}, {false, false}, {false, false}, {true, false}};
    try (BatchSource owner = buildRows(handle, "k0 BIGINT, k1 BIGINT", rows, nulls);
        BigIntVector probe = longs(30L, 11L, 10L, 0L, null, 20L)) {
      assertTrue(handle.table().keyBitmap(0) != null);
      assertTrue(handle.table().keyBitmap(1) == null, "nobody filters on the cost");
      int[] kept = allRows(6);
      int count = JoinKeyFilter.of(handle, DataTypes.LongType, 0).filter(probe, kept, 6);
      // Part 30 with any cost may match, so it stays; the join then checks the whole key.
      assertArrayEquals(new int[] {0, 2, 5}, Arrays.copyOf(kept, count));
    }
  }

  @Test
  void eachFilteredComponentGetsItsOwnBitmapAndBothFilter() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    List<dev.ember.sql.types.DataType> types = List.of(DataTypes.LongType, DataTypes.IntegerType);
    handle.filterOnComponent(0, types);
    handle.filterOnComponent(1, types);
    handle.filterOnComponent(1, types); // asked twice: one bitmap
    long[][] rows = {{100, -5}, {200, 6}};
    try (BatchSource owner = buildRows(handle, "k0 BIGINT, k1 INT", rows, null);
        BigIntVector parts = longs(100L, 300L, 200L);
        IntVector costs = new IntVector("costs", allocator)) {
      assertEquals(List.of(0, 1), handle.filteredComponents());
      costs.allocateNew(3);
      costs.set(0, 6);
      costs.set(1, -5);
      costs.set(2, 7);
      costs.setValueCount(3);
      int[] kept = allRows(3);
      int count = JoinKeyFilter.of(handle, DataTypes.LongType, 0).filter(parts, kept, 3);
      count = JoinKeyFilter.of(handle, DataTypes.IntegerType, 1).filter(costs, kept, count);
      // Row 0: part 100 and cost 6 both occur (in different keys; the join decides). Row 2: no cost 7.
      assertArrayEquals(new int[] {0}, Arrays.copyOf(kept, count));
    }
  }

  @Test
  void anIntComponentSharingItsWordIsReadAtItsShift() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    // Two ints share word 0: the second sits in the high half.
    handle.filterOnComponent(1, List.of(DataTypes.IntegerType, DataTypes.IntegerType));
    long[][] rows = {{1, -7}, {2, 400}, {3, 400}, {4, 2_000_000}};
    try (BatchSource owner = buildRows(handle, "k0 INT, k1 INT", rows, null);
        IntVector probe = new IntVector("probe", allocator)) {
      probe.allocateNew(5);
      int[] values = {400, 1, -7, 2_000_000, 401};
      for (int row = 0; row < values.length; row++) {
        probe.set(row, values[row]);
      }
      probe.setValueCount(5);
      int[] kept = allRows(5);
      int count = JoinKeyFilter.of(handle, DataTypes.IntegerType, 1).filter(probe, kept, 5);
      assertArrayEquals(new int[] {0, 2, 3}, Arrays.copyOf(kept, count));
    }
  }

  @Test
  void aComponentSpreadTooWideForABitmapKeepsEveryRow() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    handle.filterOnComponent(0, List.of(DataTypes.LongType, DataTypes.LongType));
    long[][] rows = {{1, 1}, {1L << 50, 2}};
    try (BatchSource owner = buildRows(handle, "k0 BIGINT, k1 BIGINT", rows, null);
        BigIntVector probe = longs(1L, 2L, 3L)) {
      assertFalse(handle.table().hasKeyBitmap());
      assertFalse(handle.table().singleWordKeys(), "a value alone cannot be looked up in the slots");
      assertEquals(3, JoinKeyFilter.of(handle, DataTypes.LongType, 0).filter(probe, allRows(3), 3));
    }
  }

  @Test
  void onlyKeyTypesWithCompactWordsAreAccepted() {
    assertTrue(JoinKeyFilter.supports(DataTypes.LongType));
    assertFalse(JoinKeyFilter.supports(DataTypes.StringType));
    assertThrows(IllegalArgumentException.class,
        () -> JoinKeyFilter.of(new JoinTableHandle("test join"), DataTypes.DoubleType, 0));
  }
}
