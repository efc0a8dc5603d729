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
    handle.wantKeyBitmap(); // keys up to 2^40 apart: no bitmap, so the filter looks them up
    try (BatchSource owner = build(handle, "BIGINT", 3L, -8L, 3L, null, 1L << 40);
        BigIntVector probe = longs(1L, 3L, null, -8L, 4L, 1L << 40, 3L)) {
      JoinKeyFilter filter = JoinKeyFilter.of(handle, DataTypes.LongType);
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
    handle.wantKeyBitmap();
    try (BatchSource owner = build(handle, "DATE", 9_000L, -3L);
        DateDayVector probe = new DateDayVector("probe", allocator)) {
      probe.allocateNew(4);
      probe.set(0, -3);
      probe.set(1, 9_001);
      probe.set(2, 9_000);
      probe.setNull(3);
      probe.setValueCount(4);
      int[] rows = allRows(4);
      int kept = JoinKeyFilter.of(handle, DataTypes.DateType).filter(probe, rows, 4);
      assertArrayEquals(new int[] {0, 2}, Arrays.copyOf(rows, kept));
    }
  }

  @Test
  void aTableOfAnotherKeyLayoutKeepsEveryRow() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    // Int probe keys against a table of bigint keys: the words differ, so the filter cannot look up.
    try (BatchSource owner = build(handle, "BIGINT", 1L);
        IntVector probe = new IntVector("probe", allocator)) {
      probe.allocateNew(2);
      probe.set(0, 1);
      probe.set(1, 2);
      probe.setValueCount(2);
      assertEquals(2, JoinKeyFilter.of(handle, DataTypes.IntegerType).filter(probe, allRows(2), 2));
    }
  }

  @Test
  void itStopsOnceMostRowsPass() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    handle.wantKeyBitmap(); // keys within a million: the filter reads the bitmap
    Long[] keys = new Long[4096];
    Arrays.setAll(keys, i -> (long) (i % 3 == 0 ? -1 - i : i));
    // Two thirds of the probe keys are in the table.
    try (BatchSource owner = build(handle, "BIGINT", Arrays.stream(keys).map(k -> k < 0 ? 1_000_000 + k : k)
        .toArray(Long[]::new)); BigIntVector probe = longs(keys)) {
      JoinKeyFilter filter = JoinKeyFilter.of(handle, DataTypes.LongType);
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
    handle.wantKeyBitmap();
    Long[] keys = new Long[3000];
    Arrays.setAll(keys, i -> i % 500 == 0 ? null : -40_000L + 37L * i);
    try (BatchSource owner = build(handle, "BIGINT", keys)) {
      JoinHashTable table = handle.table();
      assertTrue(table.hasKeyBitmap());
      for (long key = -41_000; key < 80_000; key++) {
        assertEquals(table.findFirst(key) >= 0, table.containsKey(key), "key " + key);
      }
      assertFalse(table.containsKey(Long.MIN_VALUE));
      assertFalse(table.containsKey(Long.MAX_VALUE));
    }
  }

  @Test
  void keysSpreadTooWideGetNoBitmapAndAreLookedUp() {
    JoinTableHandle handle = new JoinTableHandle("test join");
    handle.wantKeyBitmap();
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

  @Test
  void onlyKeyTypesWithCompactWordsAreAccepted() {
    assertTrue(JoinKeyFilter.supports(DataTypes.LongType));
    assertFalse(JoinKeyFilter.supports(DataTypes.StringType));
    assertThrows(IllegalArgumentException.class,
        () -> JoinKeyFilter.of(new JoinTableHandle("test join"), DataTypes.DoubleType));
  }
}
