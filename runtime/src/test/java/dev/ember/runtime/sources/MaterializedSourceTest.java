package dev.ember.runtime.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MaterializedSourceTest {
  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private List<ColumnBatch> rangeBatches(long rows) {
    RangeSource range = new RangeSource(0, rows, 1, 1 << 20, "id");
    List<ColumnBatch> batches = new ArrayList<>();
    for (Morsel morsel : range.morsels()) {
      try (BatchStream stream = range.open(morsel, allocator)) {
        for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
          batches.add(batch);
        }
      }
    }
    return batches;
  }

  @Test
  void handsOutEachBatchOnceAndFreesTheRestOnClose() {
    List<ColumnBatch> batches = rangeBatches(10_000);
    assertEquals(3, batches.size());
    try (MaterializedSource source = new MaterializedSource(batches.get(0).schema(), batches)) {
      assertEquals(3, source.morsels().size());
      assertEquals(10_000, source.rowCount());
      Morsel second = source.morsels().get(1);
      try (BatchStream stream = source.open(second, allocator)) {
        ColumnBatch batch = stream.next();
        assertEquals(4096, batch.rowCount());
        batch.close();
        assertNull(stream.next());
      }
      assertThrows(IllegalStateException.class, () -> source.open(second, allocator));
      assertEquals(10_000 - 4096, source.rowCount());
    }
    assertEquals(0, allocator.getAllocatedMemory());
  }

  /** Every value of column 0 of every batch, opening each morsel of {@code source} in turn. */
  private List<Object> values(MaterializedSource source) {
    List<Object> values = new ArrayList<>();
    for (Morsel morsel : source.morsels()) {
      try (BatchStream stream = source.open(morsel, allocator)) {
        for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
          try (ColumnBatch read = batch) {
            for (int row = 0; row < read.rowCount(); row++) {
              values.add(read.vector(0).getObject(row));
            }
          }
        }
      }
    }
    return values;
  }

  @Test
  void sharedReadersEachSeeEveryRowWithoutACopyAndFreeInAnyOrder() {
    List<ColumnBatch> batches = rangeBatches(10_000);
    MaterializedSource source = new MaterializedSource(batches.get(0).schema(), batches);
    long before = allocator.getAllocatedMemory();

    List<MaterializedSource> shares = source.share(3);

    assertEquals(before, allocator.getAllocatedMemory(), "views share the buffers");
    assertEquals(0, source.rowCount(), "the shared source gave its batches away");
    List<Object> expected = new ArrayList<>();
    for (long i = 0; i < 10_000; i++) {
      expected.add(i);
    }
    // The first share (holding the original batches) is read and freed before the others.
    assertEquals(expected, values(shares.get(0)));
    shares.get(0).close();
    assertEquals(before, allocator.getAllocatedMemory(), "the views keep the buffers alive");
    assertEquals(expected, values(shares.get(2)));
    shares.get(2).close();
    shares.get(1).close(); // never read: closing frees its views
    source.close();
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test
  void aSourceWithAnOpenedBatchCannotBeShared() {
    List<ColumnBatch> batches = rangeBatches(10_000);
    try (MaterializedSource source = new MaterializedSource(batches.get(0).schema(), batches)) {
      source.open(source.morsels().get(2), allocator).next().close();

      assertThrows(IllegalStateException.class, () -> source.share(2));
    }
    assertEquals(0, allocator.getAllocatedMemory());
  }
}
