package dev.ember.runtime.operators.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.runtime.scheduler.PipelineExecutor;
import dev.ember.runtime.scheduler.TestKernels;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Top-N ({@link SortSink} with a limit) against the full sort cut to the limit, on generated input. */
class TopNTest {
  private static final List<SortKey> ASCENDING = List.of(new SortKey(0, true, true), new SortKey(1, true, false));
  private static final List<SortKey> DESCENDING = List.of(new SortKey(0, false, false), new SortKey(1, false, true));
  /** Nulls last on x, so NaN and the largest values compete for the top; ties on s then keep source order. */
  private static final List<SortKey> STRING_FIRST = List.of(new SortKey(1, false, false), new SortKey(0, true, false));

  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private record Run(List<Integer> positions, long peakBytes, long inputBytes) {}

  /** Sorts the source's rows in a child allocator and returns the output's positions and the peak memory. */
  private Run sort(RandomRowsSource source, List<SortKey> keys, long limit, int parallelism) {
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.forwarding(),
        new SortSink(RandomRowsSource.SCHEMA, keys, limit));
    List<Integer> positions = new ArrayList<>();
    long peak;
    try (BufferAllocator query = allocator.newChildAllocator("query", 0, Long.MAX_VALUE);
        PipelineExecutor executor = new PipelineExecutor(parallelism)) {
      try (QueryResult result = QueryResult.drain(executor.run(pipeline, query), query)) {
        peak = query.getPeakMemoryAllocation();
        for (ColumnBatch batch : result.batches()) {
          for (int i = 0; i < batch.rowCount(); i++) {
            positions.add(((IntVector) batch.vector(2)).get(i));
          }
        }
      }
    }
    return new Run(positions, peak, source.bytesGenerated());
  }

  private void assertTopNEqualsFullSortCut(int rows, int limit, List<SortKey> keys) {
    List<Integer> fullSort = sort(new RandomRowsSource(7, rows, 4096, 2), keys, -1, 2).positions();
    Run topN = sort(new RandomRowsSource(7, rows, 4096, 2), keys, limit, 3);
    assertEquals(fullSort.subList(0, Math.min(limit, rows)), topN.positions(), "keys " + keys + " limit " + limit);
  }

  @Test
  void topFiveOfAMillionRowsEqualsTheFullSortCutInBothDirections() {
    int rows = 1_015_808; // 124 morsels of two 4096-row batches
    for (List<SortKey> keys : List.of(ASCENDING, DESCENDING, STRING_FIRST)) {
      assertTopNEqualsFullSortCut(rows, 5, keys);
    }
  }

  @Test
  void largerLimitsCompactAndStillEqualTheFullSortCut() {
    int rows = 204_800;
    for (int limit : new int[] {1, 4095, 4096, 5000, 50_000}) {
      assertTopNEqualsFullSortCut(rows, limit, DESCENDING);
      assertTopNEqualsFullSortCut(rows, limit, STRING_FIRST);
    }
    // A limit above the input keeps every row.
    assertTopNEqualsFullSortCut(8192 * 3, 100_000, ASCENDING);
  }

  @Test
  void limitZeroGivesNoRows() {
    assertEquals(List.of(), sort(new RandomRowsSource(1, 8192, 4096, 1), ASCENDING, 0, 2).positions());
  }

  @Test
  void memoryStaysInProportionToTheLimitNotTheInput() {
    Run run = sort(new RandomRowsSource(11, 1_015_808, 4096, 2), DESCENDING, 5, 3);
    assertEquals(5, run.positions().size());
    // Each worker holds its arriving batch, its kept rows and their keys: a few batches, not the input.
    assertTrue(run.peakBytes() * 20 < run.inputBytes(),
        "peak " + run.peakBytes() + " bytes for " + run.inputBytes() + " bytes of input");
  }

  @Test
  void refusedTopNMemoryFailsWithTheOperatorAndTheLimit() {
    // The source allocates from the unlimited root; the kernel moves each batch into the query's allocator.
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(new RandomRowsSource(3, 409_600, 4096, 2, allocator)),
        TestKernels.forwarding(), new SortSink(RandomRowsSource.SCHEMA, DESCENDING, 200_000));
    try (BufferAllocator query = allocator.newChildAllocator("query", 0, 4 << 20);
        PipelineExecutor executor = new PipelineExecutor(1)) {
      SparkException error = assertThrows(SparkException.class, () -> executor.run(pipeline, query));
      assertEquals("UNABLE_TO_ACQUIRE_MEMORY", error.getCondition());
      assertTrue(error.getMessage().contains("The top-N sort needs more memory than the query's limit of 4194304"),
          error.getMessage());
      assertEquals(0, query.getAllocatedMemory());
    }
  }
}
