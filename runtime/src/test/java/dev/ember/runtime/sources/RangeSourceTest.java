package dev.ember.runtime.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RangeSourceTest {
  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private long[] read(RangeSource source) {
    List<Long> values = new ArrayList<>();
    for (Morsel morsel : source.morsels()) {
      try (BatchStream stream = source.open(morsel, allocator)) {
        for (ColumnBatch next = stream.next(); next != null; next = stream.next()) {
          try (ColumnBatch batch = next) {
            assertTrue(batch.rowCount() <= RangeSource.BATCH_ROWS);
            BigIntVector vector = (BigIntVector) batch.vector(0);
            for (int i = 0; i < batch.rowCount(); i++) {
              assertFalse(vector.isNull(i));
              values.add(vector.get(i));
            }
          }
        }
      }
    }
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  @Test
  void followsSparkRangeSemantics() {
    // Checked against Spark 4.2.0: range(10, 0, -3) = 10, 7, 4, 1; range(0, 10, 4) = 0, 4, 8; range(0, 10, -1) is empty.
    assertArrayEquals(new long[] {10, 7, 4, 1}, read(new RangeSource(10, 0, -3, 1 << 20, "id")));
    assertArrayEquals(new long[] {0, 4, 8}, read(new RangeSource(0, 10, 4, 1 << 20, "id")));
    assertArrayEquals(new long[0], read(new RangeSource(0, 10, -1, 1 << 20, "id")));
    assertArrayEquals(new long[0], read(new RangeSource(5, 5, 1, 1 << 20, "id")));
  }

  @Test
  void cutsMorselsAndBatches() {
    RangeSource source = new RangeSource(0, 10_000, 1, 3000, "id");
    assertEquals(4, source.morsels().size());
    assertEquals("id", source.schema().apply(0).name());
    assertEquals(DataTypes.LongType, source.schema().apply(0).dataType());
    assertFalse(source.schema().apply(0).nullable());
    long[] values = read(source);
    assertEquals(10_000, values.length);
    for (int i = 0; i < values.length; i++) {
      assertEquals(i, values[i]);
    }
  }

  @Test
  void handlesRangesNearTheLongLimits() {
    long[] values = read(new RangeSource(Long.MAX_VALUE - 2, Long.MAX_VALUE, 1, 10, "id"));
    assertArrayEquals(new long[] {Long.MAX_VALUE - 2, Long.MAX_VALUE - 1}, values);
    RangeSource wide = new RangeSource(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 10, "id");
    assertArrayEquals(new long[] {Long.MIN_VALUE, -1, Long.MAX_VALUE - 1}, read(wide));
  }

  @Test
  void rejectsZeroStep() {
    assertThrows(IllegalArgumentException.class, () -> new RangeSource(0, 10, 0, 100, "id"));
  }
}
