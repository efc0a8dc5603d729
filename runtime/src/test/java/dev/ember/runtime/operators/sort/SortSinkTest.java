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
import dev.ember.runtime.sources.MaterializedSource;
import dev.ember.runtime.sources.RangeSource;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SortSinkTest {
  private static final StructType SCHEMA = new StructType()
      .add("x", DataTypes.DoubleType).add("s", DataTypes.StringType).add("b", DataTypes.BooleanType)
      .add("position", DataTypes.IntegerType);

  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** One batch per call; {@code position} numbers rows across batches so stability can be checked. */
  private ColumnBatch batch(int firstPosition, Double[] x, String[] s, Boolean[] b) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(SCHEMA, allocator, x.length);
    Float8Vector xs = (Float8Vector) vectors.get(0);
    VarCharVector ss = (VarCharVector) vectors.get(1);
    BitVector bs = (BitVector) vectors.get(2);
    IntVector positions = (IntVector) vectors.get(3);
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null) {
        xs.setNull(i);
      } else {
        xs.set(i, x[i]);
      }
      if (s[i] == null) {
        ss.setNull(i);
      } else {
        ss.setSafe(i, s[i].getBytes(StandardCharsets.UTF_8));
      }
      if (b[i] == null) {
        bs.setNull(i);
      } else {
        bs.set(i, b[i] ? 1 : 0);
      }
      positions.set(i, firstPosition + i);
    }
    vectors.forEach(v -> v.setValueCount(x.length));
    return new ColumnBatch(SCHEMA, vectors, x.length);
  }

  private List<Integer> sortedPositions(List<ColumnBatch> batches, List<SortKey> keys, long limit, int parallelism) {
    MaterializedSource source = new MaterializedSource(SCHEMA, batches);
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.forwarding(),
        new SortSink(SCHEMA, keys, limit));
    try (PipelineExecutor executor = new PipelineExecutor(parallelism);
        QueryResult result = QueryResult.drain(executor.run(pipeline, allocator), allocator)) {
      List<Integer> positions = new ArrayList<>();
      for (ColumnBatch batch : result.batches()) {
        for (int i = 0; i < batch.rowCount(); i++) {
          positions.add(((IntVector) batch.vector(3)).get(i));
        }
      }
      return positions;
    }
  }

  private List<ColumnBatch> doubles() {
    // Positions:                   0     1     2           3     4    5
    return List.of(
        batch(0, new Double[] {1.0, null, Double.NaN}, new String[3], new Boolean[3]),
        batch(3, new Double[] {-0.0, 0.0, -1.0}, new String[3], new Boolean[3]));
  }

  @Test
  void ordersDoublesLikeSpark() {
    // Spark 4.2.0: order by x gives null, -1.0, -0.0, 0.0, 1.0, NaN; desc gives NaN, 1.0, -0.0, 0.0, -1.0, null.
    assertEquals(List.of(1, 5, 3, 4, 0, 2), sortedPositions(doubles(), List.of(new SortKey(0, true, true)), -1, 1));
    assertEquals(List.of(2, 0, 3, 4, 5, 1), sortedPositions(doubles(), List.of(new SortKey(0, false, false)), -1, 2));
    assertEquals(List.of(5, 3, 4, 0, 2, 1), sortedPositions(doubles(), List.of(new SortKey(0, true, false)), -1, 2));
  }

  @Test
  void ordersStringsByUnsignedBytesAndBooleansFalseFirst() {
    List<ColumnBatch> batches = List.of(
        batch(0, new Double[4], new String[] {"b", "a", null, "ab"}, new Boolean[] {true, false, null, true}),
        batch(4, new Double[2], new String[] {"é", "Z"}, new Boolean[] {false, true}));
    // Spark: order by s desc nulls first gives null, é (bytes C3 A9), b, ab, a, Z.
    assertEquals(List.of(2, 4, 0, 3, 1, 5), sortedPositions(batches, List.of(new SortKey(1, false, true)), -1, 2));
    // Booleans: null, false, true; ties keep source order.
    batches = List.of(
        batch(0, new Double[4], new String[4], new Boolean[] {true, false, null, true}),
        batch(4, new Double[2], new String[2], new Boolean[] {false, true}));
    assertEquals(List.of(2, 1, 4, 0, 3, 5), sortedPositions(batches, List.of(new SortKey(2, true, true)), -1, 2));
  }

  @Test
  void sortsBySeveralKeysAndKeepsTheTopN() {
    List<ColumnBatch> batches = List.of(
        batch(0, new Double[] {2.0, 1.0, 2.0}, new String[] {"x", "y", "a"}, new Boolean[3]),
        batch(3, new Double[] {1.0, 2.0, 1.0}, new String[] {"y", "a", "b"}, new Boolean[3]));
    List<SortKey> keys = List.of(new SortKey(0, false, true), new SortKey(1, true, true));
    assertEquals(List.of(2, 4, 0, 5), sortedPositions(batches, keys, 4, 2));
  }

  @Test
  void sortsManyMorselsDescendingWithSeveralWorkers() {
    RangeSource range = new RangeSource(0, 50_000, 1, 1000, "id");
    StructType schema = range.schema();
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(range), TestKernels.forwarding(),
        new SortSink(schema, List.of(new SortKey(0, false, true)), -1));
    try (PipelineExecutor executor = new PipelineExecutor(2);
        QueryResult result = QueryResult.drain(executor.run(pipeline, allocator), allocator)) {
      assertEquals(50_000, result.rowCount());
      long expected = 49_999;
      for (ColumnBatch batch : result.batches()) {
        for (int i = 0; i < batch.rowCount(); i++) {
          assertEquals(expected--, ((BigIntVector) batch.vector(0)).get(i));
        }
      }
    }
  }

  @Test
  void randomInputMatchesAReferenceSort() {
    Random random = new Random(42);
    int rows = 20_000;
    List<ColumnBatch> batches = new ArrayList<>();
    Double[] all = new Double[rows];
    for (int first = 0; first < rows; first += 3000) {
      int count = Math.min(3000, rows - first);
      Double[] x = new Double[count];
      for (int i = 0; i < count; i++) {
        x[i] = random.nextInt(20) == 0 ? null : (double) random.nextInt(100);
        all[first + i] = x[i];
      }
      batches.add(batch(first, x, new String[count], new Boolean[count]));
    }
    Integer[] expected = new Integer[rows];
    for (int i = 0; i < rows; i++) {
      expected[i] = i;
    }
    // Ascending, nulls last, ties by position (stable).
    Arrays.sort(expected, (a, b) -> {
      if (all[a] == null || all[b] == null) {
        return all[a] == null ? (all[b] == null ? 0 : 1) : -1;
      }
      return Double.compare(all[a], all[b]);
    });
    assertEquals(Arrays.asList(expected), sortedPositions(batches, List.of(new SortKey(0, true, false)), -1, 2));
  }

  @Test
  void copiesStringValuesIntoTheOutput() {
    List<ColumnBatch> batches = List.of(batch(0, new Double[2], new String[] {"later", "early"}, new Boolean[2]));
    MaterializedSource source = new MaterializedSource(SCHEMA, batches);
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.forwarding(),
        new SortSink(SCHEMA, List.of(new SortKey(1, true, true)), -1));
    try (PipelineExecutor executor = new PipelineExecutor(1);
        QueryResult result = QueryResult.drain(executor.run(pipeline, allocator), allocator)) {
      VarCharVector strings = (VarCharVector) result.batches().get(0).vector(1);
      assertEquals(new Text("early"), strings.getObject(0));
      assertEquals(new Text("later"), strings.getObject(1));
    }
  }

  /** A sort that never spills, so a refused allocation fails the query. */
  private static Pipeline descendingSortOfRange(long rows, long limit) {
    RangeSource range = new RangeSource(0, rows, 1, 1000, "id");
    SortSpillSettings neverSpill =
        new SortSpillSettings(Long.MAX_VALUE, java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
    return new Pipeline(1, new Pipeline.SourceInput(range), TestKernels.forwarding(),
        new SortSink(range.schema(), List.of(new SortKey(0, false, true)), limit, neverSpill));
  }

  @Test
  void accountsTheSortsWorkingMemoryInTheAllocator() {
    int rows = 50_000;
    try (BufferAllocator query = allocator.newChildAllocator("query", 0, Long.MAX_VALUE);
        PipelineExecutor executor = new PipelineExecutor(1)) {
      try (QueryResult result = QueryResult.drain(executor.run(descendingSortOfRange(rows, -1), query), query)) {
        assertEquals(rows, result.rowCount());
      }
      // Input (8 bytes a row), extracted keys (8), the row order and its merge scratch (4 + 4) at once.
      long workingMemory = 24L * rows;
      assertTrue(query.getPeakMemoryAllocation() >= workingMemory,
          "peak " + query.getPeakMemoryAllocation() + " bytes, expected at least " + workingMemory);
    }
  }

  @Test
  void refusedSortMemoryFailsWithTheOperatorAndTheLimit() {
    // 50,000 bigints take about 420 KB as input batches; sorting them needs about 800 KB more.
    try (BufferAllocator query = allocator.newChildAllocator("query", 0, 1 << 20);
        PipelineExecutor executor = new PipelineExecutor(2)) {
      SparkException error = assertThrows(SparkException.class, () -> executor.run(descendingSortOfRange(50_000, -1), query));
      assertEquals("UNABLE_TO_ACQUIRE_MEMORY", error.getCondition());
      assertTrue(error.getMessage().contains("The sort needs more memory than the query's limit of 1048576 bytes"),
          error.getMessage());
      assertTrue(Long.parseLong(error.getMessageParameters().get("requestedBytes")) > 0, error.getMessage());
      assertEquals(0, query.getAllocatedMemory(), "everything the sort held is released");
    }
  }
}
