package dev.ember.runtime.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.aggregate.AccumulatorKind;
import dev.ember.runtime.operators.aggregate.AccumulatorSpec;
import dev.ember.runtime.operators.aggregate.AggregationSpec;
import dev.ember.runtime.operators.aggregate.HashAggregateSink;
import dev.ember.runtime.operators.collect.CollectSink;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.sources.RangeSource;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineExecutorTest {
  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  static List<List<Object>> rows(QueryResult result) {
    List<List<Object>> rows = new ArrayList<>();
    for (ColumnBatch batch : result.batches()) {
      for (int row = 0; row < batch.rowCount(); row++) {
        List<Object> values = new ArrayList<>();
        for (int column = 0; column < batch.columnCount(); column++) {
          values.add(batch.vector(column).getObject(row));
        }
        rows.add(values);
      }
    }
    return rows;
  }

  private QueryResult run(int parallelism, Pipeline pipeline) {
    try (PipelineExecutor executor = new PipelineExecutor(parallelism)) {
      return QueryResult.drain(executor.run(pipeline, allocator), allocator);
    }
  }

  @Test
  void collectKeepsSourceOrderWithSeveralWorkers() {
    RangeSource source = new RangeSource(0, 50_000, 1, 1000, "id");
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.forwarding(),
        new CollectSink(source.schema()));
    try (QueryResult result = run(2, pipeline)) {
      assertEquals(50_000, result.rowCount());
      long expected = 0;
      for (ColumnBatch batch : result.batches()) {
        BigIntVector vector = (BigIntVector) batch.vector(0);
        for (int i = 0; i < batch.rowCount(); i++) {
          assertEquals(expected++, vector.get(i));
        }
      }
    }
  }

  @Test
  void usesNamedDaemonWorkerThreads() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    KernelFactory recordingThreads = new KernelFactory() {
      @Override
      public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
        PipelineKernel forwarding = TestKernels.forwarding().create(partition, allocator);
        return new PipelineKernel() {
          @Override
          public boolean process(ColumnBatch batch) {
            assertTrue(Thread.currentThread().isDaemon());
            threads.add(Thread.currentThread().getName());
            return forwarding.process(batch);
          }

          @Override
          public void finish() {}
        };
      }

      @Override
      public String describe() {
        return "thread recorder";
      }
    };
    RangeSource source = new RangeSource(0, 100_000, 1, 1000, "id");
    try (QueryResult result = run(2, new Pipeline(1, new Pipeline.SourceInput(source), recordingThreads,
        new CollectSink(source.schema())))) {
      assertEquals(100_000, result.rowCount());
    }
    assertTrue(threads.stream().allMatch(name -> name.startsWith("ember-worker-")), threads.toString());
  }

  private Pipeline groupedSumPipeline(long rows, int morselRows) {
    RangeSource source = new RangeSource(0, rows, 1, morselRows, "id");
    AggregationSpec spec = new AggregationSpec(List.of(DataTypes.LongType), List.of(
        new AccumulatorSpec(AccumulatorKind.SUM_LONG, DataTypes.LongType, DataTypes.LongType),
        new AccumulatorSpec(AccumulatorKind.COUNT_ROWS, DataTypes.LongType, DataTypes.LongType),
        new AccumulatorSpec(AccumulatorKind.MIN, DataTypes.LongType, DataTypes.LongType),
        new AccumulatorSpec(AccumulatorKind.MAX, DataTypes.LongType, DataTypes.LongType)));
    StructType output = new StructType()
        .add("key", DataTypes.LongType).add("sum", DataTypes.LongType).add("count", DataTypes.LongType, false)
        .add("min", DataTypes.LongType).add("max", DataTypes.LongType);
    return new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.groupedSum(7),
        new HashAggregateSink(spec, output));
  }

  @Test
  void aggregationGivesTheSameRowsInTheSameOrderForAnyParallelism() {
    List<List<Object>> sequential;
    try (QueryResult result = run(1, groupedSumPipeline(100_000, 1000))) {
      sequential = rows(result);
    }
    try (QueryResult result = run(2, groupedSumPipeline(100_000, 1000))) {
      assertEquals(sequential, rows(result));
    }
    assertEquals(7, sequential.size());
    long total = 0;
    for (List<Object> row : sequential) {
      long key = (Long) row.get(0);
      long expectedCount = (100_000 - key + 6) / 7;
      assertEquals(expectedCount, row.get(2));
      assertEquals(key, row.get(3));
      assertEquals(key + 7 * (expectedCount - 1), row.get(4));
      total += (Long) row.get(1);
    }
    assertEquals(100_000L * 99_999 / 2, total);
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L),
        sequential.stream().map(row -> row.get(0)).toList(), "groups in first-seen order");
  }

  @Test
  void runsUpstreamPipelinesFirst() {
    Pipeline aggregate = groupedSumPipeline(1000, 100);
    Pipeline collect = new Pipeline(2, new Pipeline.UpstreamInput(aggregate), TestKernels.forwarding(),
        new CollectSink(aggregate.sink().outputSchema()));
    try (QueryResult result = run(2, collect)) {
      assertEquals(7, result.rowCount());
      assertEquals(List.of(0L, sumOfKey(0), 143L, 0L, 994L), rows(result).get(0));
    }
  }

  private static long sumOfKey(long key) {
    long sum = 0;
    for (long value = key; value < 1000; value += 7) {
      sum += value;
    }
    return sum;
  }

  @Test
  void workerFailureReachesTheCallerUnchangedAndFreesEverything() {
    SparkException failure = new SparkException("DIVIDE_BY_ZERO", "Division by zero.");
    for (int parallelism : new int[] {1, 2}) {
      RangeSource source = new RangeSource(0, 200_000, 1, 1000, "id");
      Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.failingAt(20, failure),
          new CollectSink(source.schema()));
      try (PipelineExecutor executor = new PipelineExecutor(parallelism)) {
        SparkException thrown = assertThrows(SparkException.class, () -> executor.run(pipeline, allocator));
        assertSame(failure, thrown);
      }
      assertEquals(0, allocator.getAllocatedMemory(), "parallelism " + parallelism);
    }
  }

  @Test
  void sumOverflowFailsWithSparksErrorAcrossWorkers() {
    RangeSource source = new RangeSource(Long.MAX_VALUE - 100_000, Long.MAX_VALUE, 1, 1000, "id");
    AggregationSpec spec = new AggregationSpec(List.of(DataTypes.LongType), List.of(
        new AccumulatorSpec(AccumulatorKind.SUM_LONG, DataTypes.LongType, DataTypes.LongType),
        new AccumulatorSpec(AccumulatorKind.COUNT_ROWS, DataTypes.LongType, DataTypes.LongType),
        new AccumulatorSpec(AccumulatorKind.MIN, DataTypes.LongType, DataTypes.LongType),
        new AccumulatorSpec(AccumulatorKind.MAX, DataTypes.LongType, DataTypes.LongType)));
    StructType output = new StructType().add("k", DataTypes.LongType).add("s", DataTypes.LongType)
        .add("c", DataTypes.LongType).add("mi", DataTypes.LongType).add("ma", DataTypes.LongType);
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.groupedSum(3),
        new HashAggregateSink(spec, output));
    try (PipelineExecutor executor = new PipelineExecutor(2)) {
      SparkException thrown = assertThrows(SparkException.class, () -> executor.run(pipeline, allocator));
      assertEquals("ARITHMETIC_OVERFLOW", thrown.getCondition());
      assertEquals("[ARITHMETIC_OVERFLOW] overflow. Use 'try_add' to tolerate overflow and return NULL instead. "
          + "If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003",
          thrown.getMessage());
    }
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test
  void emptySourceStillFinishesTheSink() {
    RangeSource source = new RangeSource(0, 0, 1, 1000, "id");
    AggregationSpec spec = new AggregationSpec(List.of(), List.of(
        new AccumulatorSpec(AccumulatorKind.COUNT_ROWS, DataTypes.NullType, DataTypes.LongType),
        new AccumulatorSpec(AccumulatorKind.SUM_LONG, DataTypes.LongType, DataTypes.LongType)));
    StructType output = new StructType().add("count", DataTypes.LongType, false).add("sum", DataTypes.LongType);
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.ignoring(),
        new HashAggregateSink(spec, output));
    try (QueryResult result = run(2, pipeline)) {
      List<Object> expected = new ArrayList<>();
      expected.add(0L);
      expected.add(null);
      assertEquals(List.of(expected), rows(result));
    }
  }

  @Test
  void executorOwnsTheSourcesItRuns() {
    BatchSource[] closed = new BatchSource[1];
    RangeSource range = new RangeSource(0, 10, 1, 1000, "id");
    BatchSource source = new BatchSource() {
      @Override
      public StructType schema() {
        return range.schema();
      }

      @Override
      public List<dev.ember.runtime.pipeline.Morsel> morsels() {
        return range.morsels();
      }

      @Override
      public dev.ember.runtime.pipeline.BatchStream open(dev.ember.runtime.pipeline.Morsel morsel, BufferAllocator allocator) {
        return range.open(morsel, allocator);
      }

      @Override
      public void close() {
        closed[0] = this;
      }
    };
    try (QueryResult result = run(1, new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.forwarding(),
        new CollectSink(range.schema())))) {
      assertEquals(10, result.rowCount());
    }
    assertSame(source, closed[0]);
  }

  /** {@code factory}, counting the kernels it creates: one per worker each time its pipeline runs. */
  private static KernelFactory counting(KernelFactory factory, java.util.concurrent.atomic.AtomicInteger created) {
    return new KernelFactory() {
      @Override
      public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
        created.incrementAndGet();
        return factory.create(partition, allocator);
      }

      @Override
      public String describe() {
        return factory.describe();
      }
    };
  }

  private Pipeline countedGroupedSum(java.util.concurrent.atomic.AtomicInteger created) {
    Pipeline plain = groupedSumPipeline(1000, 100);
    return new Pipeline(1, plain.input(), counting(plain.kernels(), created), plain.sink());
  }

  @Test
  void aPipelineTwoPipelinesReadRunsOnceAndEachReaderGetsAllItsRows() {
    java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
    Pipeline aggregate = countedGroupedSum(created);
    StructType schema = aggregate.sink().outputSchema();
    Pipeline first = new Pipeline(2, new Pipeline.UpstreamInput(aggregate), TestKernels.forwarding(), new CollectSink(schema));
    Pipeline second = new Pipeline(3, new Pipeline.UpstreamInput(aggregate), TestKernels.forwarding(), new CollectSink(schema));
    Pipeline both = new Pipeline(4, new Pipeline.ConcatenatedInput(List.of(first, second)), TestKernels.forwarding(),
        new CollectSink(schema));

    try (QueryResult result = run(1, both)) {
      List<List<Object>> rows = rows(result);
      assertEquals(14, rows.size());
      assertEquals(rows.subList(0, 7), rows.subList(7, 14));
      assertEquals(List.of(0L, sumOfKey(0), 143L, 0L, 994L), rows.get(0));
    }
    assertEquals(1, created.get(), "the shared aggregate ran once, on one worker");
  }

  @Test
  void aFailedReaderFreesTheShareTheOtherReaderDidNotTake() {
    SparkException failure = new SparkException("DIVIDE_BY_ZERO", "Division by zero.");
    Pipeline aggregate = groupedSumPipeline(1000, 100);
    StructType schema = aggregate.sink().outputSchema();
    Pipeline failing = new Pipeline(2, new Pipeline.UpstreamInput(aggregate), TestKernels.failingAt(0, failure),
        new CollectSink(schema));
    Pipeline neverRuns = new Pipeline(3, new Pipeline.UpstreamInput(aggregate), TestKernels.forwarding(),
        new CollectSink(schema));
    Pipeline both = new Pipeline(4, new Pipeline.ConcatenatedInput(List.of(failing, neverRuns)),
        TestKernels.forwarding(), new CollectSink(schema));

    try (PipelineExecutor executor = new PipelineExecutor(2)) {
      assertSame(failure, assertThrows(SparkException.class, () -> executor.run(both, allocator)));
    }
    assertEquals(0, allocator.getAllocatedMemory(), "the second reader's view was freed");
  }

  @Test
  void aSharedPipelineWhoseOutputCannotBeSharedIsAnErrorNotASecondRun() {
    RangeSource source = new RangeSource(0, 100, 1, 10, "id");
    Pipeline sorted = new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.forwarding(),
        new dev.ember.runtime.operators.collect.SingleStreamSink(source.schema()));
    Pipeline first = new Pipeline(2, new Pipeline.UpstreamInput(sorted), TestKernels.forwarding(),
        new CollectSink(source.schema()));
    Pipeline second = new Pipeline(3, new Pipeline.UpstreamInput(sorted), TestKernels.forwarding(),
        new CollectSink(source.schema()));
    Pipeline both = new Pipeline(4, new Pipeline.ConcatenatedInput(List.of(first, second)),
        TestKernels.forwarding(), new CollectSink(source.schema()));

    try (PipelineExecutor executor = new PipelineExecutor(1)) {
      IllegalStateException error = assertThrows(IllegalStateException.class, () -> executor.run(both, allocator));
      assertTrue(error.getMessage().startsWith("pipeline 1 has 2 readers"), error.getMessage());
    }
    assertEquals(0, allocator.getAllocatedMemory());
  }
}
