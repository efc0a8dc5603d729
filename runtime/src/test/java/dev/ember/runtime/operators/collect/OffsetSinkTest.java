package dev.ember.runtime.operators.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.runtime.scheduler.PipelineExecutor;
import dev.ember.runtime.scheduler.TestKernels;
import dev.ember.runtime.sources.RangeSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OffsetSinkTest {
  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private QueryResult runOffset(int parallelism, long rows, int morselRows, long offset) {
    RangeSource source = new RangeSource(0, rows, 1, morselRows, "id");
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.forwarding(),
        new OffsetSink(source.schema(), offset));
    try (PipelineExecutor executor = new PipelineExecutor(parallelism)) {
      return QueryResult.drain(executor.run(pipeline, allocator), allocator);
    }
  }

  private static void assertRowsFrom(QueryResult result, long first, long count) {
    assertEquals(count, result.rowCount());
    long expected = first;
    for (ColumnBatch batch : result.batches()) {
      BigIntVector vector = (BigIntVector) batch.vector(0);
      for (int i = 0; i < batch.rowCount(); i++) {
        assertEquals(expected++, vector.get(i));
      }
    }
  }

  @Test
  void skipsTheFirstRowsInSourceOrderAcrossMorselsAndWorkers() {
    try (QueryResult result = runOffset(4, 1000, 64, 150)) {
      assertRowsFrom(result, 150, 850);
    }
  }

  @Test
  void anOffsetOnABatchBoundaryKeepsWholeBatches() {
    try (QueryResult result = runOffset(2, 256, 64, 128)) {
      assertRowsFrom(result, 128, 128);
    }
  }

  @Test
  void anOffsetBeyondTheInputLeavesNoRows() {
    try (QueryResult result = runOffset(2, 100, 64, 1000)) {
      assertEquals(0, result.rowCount());
    }
  }

  @Test
  void zeroKeepsEveryRow() {
    try (QueryResult result = runOffset(1, 10, 4, 0)) {
      assertRowsFrom(result, 0, 10);
    }
  }

  @Test
  void aNegativeOffsetIsRejected() {
    RangeSource source = new RangeSource(0, 1, 1, 1, "id");
    assertThrows(IllegalArgumentException.class, () -> new OffsetSink(source.schema(), -1));
  }
}
