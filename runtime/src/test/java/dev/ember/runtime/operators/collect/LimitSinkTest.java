package dev.ember.runtime.operators.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.scheduler.PipelineExecutor;
import dev.ember.runtime.scheduler.TestKernels;
import dev.ember.runtime.sources.RangeSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitSinkTest {
  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** Forwards batches; sleeps on the first morsel's batches so later morsels finish first. */
  private static KernelFactory slowFirstMorsel(AtomicInteger processedBatches) {
    KernelFactory forwarding = TestKernels.forwarding();
    return new KernelFactory() {
      @Override
      public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
        PipelineKernel delegate = forwarding.create(partition, allocator);
        return new PipelineKernel() {
          @Override
          public boolean process(ColumnBatch batch) {
            processedBatches.incrementAndGet();
            if (((BigIntVector) batch.vector(0)).get(0) < 1000) {
              try {
                Thread.sleep(30);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return delegate.process(batch);
          }

          @Override
          public void finish() {}
        };
      }

      @Override
      public String describe() {
        return "slow first morsel";
      }
    };
  }

  private void assertFirstRows(QueryResult result, long expectedRows) {
    assertEquals(expectedRows, result.rowCount());
    long expected = 0;
    for (ColumnBatch batch : result.batches()) {
      BigIntVector vector = (BigIntVector) batch.vector(0);
      for (int i = 0; i < batch.rowCount(); i++) {
        assertEquals(expected++, vector.get(i));
      }
    }
  }

  private QueryResult runLimit(int parallelism, long rows, int morselRows, long limit, KernelFactory kernels) {
    RangeSource source = new RangeSource(0, rows, 1, morselRows, "id");
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(source), kernels, new LimitSink(source.schema(), limit));
    try (PipelineExecutor executor = new PipelineExecutor(parallelism)) {
      return QueryResult.drain(executor.run(pipeline, allocator), allocator);
    }
  }

  @Test
  void keepsTheFirstRowsInSourceOrderEvenWhenEarlyMorselsAreSlow() {
    for (long limit : new long[] {0, 1, 999, 1000, 1001, 2500}) {
      AtomicInteger processed = new AtomicInteger();
      try (QueryResult result = runLimit(2, 1_000_000, 1000, limit, slowFirstMorsel(processed))) {
        assertFirstRows(result, limit);
      }
      // Stopping early: far fewer than the 1000 morsels' batches were read.
      assertTrue(processed.get() < 100, "limit " + limit + " read " + processed.get() + " batches");
    }
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test
  void limitAboveTheRowCountKeepsEverything() {
    try (QueryResult result = runLimit(2, 10_000, 1000, 50_000, TestKernels.forwarding())) {
      assertFirstRows(result, 10_000);
    }
  }

  @Test
  void collectKeepsEveryRowInOrder() {
    RangeSource source = new RangeSource(0, 30_000, 1, 700, "id");
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(source), slowFirstMorsel(new AtomicInteger()),
        new CollectSink(source.schema()));
    try (PipelineExecutor executor = new PipelineExecutor(2);
        QueryResult result = QueryResult.drain(executor.run(pipeline, allocator), allocator)) {
      assertFirstRows(result, 30_000);
    }
  }
}
