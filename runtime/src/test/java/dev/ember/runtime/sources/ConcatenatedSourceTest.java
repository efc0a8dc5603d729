package dev.ember.runtime.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcatenatedSourceTest {
  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private MaterializedSource materialized(long from, long to) {
    RangeSource range = new RangeSource(from, to, 1, 3, "id");
    List<ColumnBatch> batches = new ArrayList<>();
    for (Morsel morsel : range.morsels()) {
      try (BatchStream stream = range.open(morsel, allocator)) {
        for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
          batches.add(batch);
        }
      }
    }
    return new MaterializedSource(batches.get(0).schema(), batches);
  }

  @Test
  void morselsOfTheFirstPartComeBeforeThoseOfTheSecond() {
    try (ConcatenatedSource source = new ConcatenatedSource(List.of(materialized(0, 5), materialized(100, 103)))) {
      List<Long> firstValues = new ArrayList<>();
      for (Morsel morsel : source.morsels()) {
        try (BatchStream stream = source.open(morsel, allocator)) {
          ColumnBatch batch = stream.next();
          firstValues.add(((org.apache.arrow.vector.BigIntVector) batch.vector(0)).get(0));
          batch.close();
        }
      }
      assertEquals(List.of(0L, 3L, 100L), firstValues);
    }
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test
  void closeFreesTheBatchesOfEveryPartAndForeignMorselsAreRejected() {
    BatchSource other = materialized(0, 2);
    try (ConcatenatedSource source = new ConcatenatedSource(List.of(materialized(0, 5), materialized(7, 9)))) {
      assertEquals(3, source.morsels().size());
      Morsel foreign = other.morsels().get(0);
      assertThrows(IllegalArgumentException.class, () -> source.open(foreign, allocator));
    }
    other.close();
    assertEquals(0, allocator.getAllocatedMemory());
  }
}
