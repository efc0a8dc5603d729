package dev.ember.runtime.operators.replicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.runtime.scheduler.PipelineExecutor;
import dev.ember.runtime.scheduler.TestKernels;
import dev.ember.runtime.sources.MaterializedSource;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplicateRowsSinkTest {
  private static final StructType INPUT = new StructType(new StructField[] {
      new StructField("copies", DataTypes.LongType, true), new StructField("name", DataTypes.StringType, true)});

  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** One batch of (copies, name) rows; a null count or name where the array holds null. */
  private ColumnBatch batch(Long[] copies, String[] names) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(INPUT, allocator, copies.length);
    BigIntVector counts = (BigIntVector) vectors.get(0);
    VarCharVector strings = (VarCharVector) vectors.get(1);
    for (int row = 0; row < copies.length; row++) {
      if (copies[row] == null) {
        counts.setNull(row);
      } else {
        counts.set(row, copies[row]);
      }
      if (names[row] == null) {
        strings.setNull(row);
      } else {
        strings.setSafe(row, names[row].getBytes(StandardCharsets.UTF_8));
      }
    }
    counts.setValueCount(copies.length);
    strings.setValueCount(copies.length);
    return new ColumnBatch(INPUT, vectors, copies.length);
  }

  private List<String> run(ColumnBatch... batches) {
    BatchSource source = new MaterializedSource(INPUT, List.of(batches));
    ReplicateRowsSink sink = new ReplicateRowsSink(INPUT);
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.forwarding(), sink);
    List<String> names = new ArrayList<>();
    try (PipelineExecutor executor = new PipelineExecutor(2);
        QueryResult result = QueryResult.drain(executor.run(pipeline, allocator), allocator)) {
      assertEquals(1, result.schema().fields().length);
      for (ColumnBatch batch : result.batches()) {
        assertTrue(batch.rowCount() <= ReplicateRowsSink.MAX_BATCH_ROWS);
        VarCharVector vector = (VarCharVector) batch.vector(0);
        for (int row = 0; row < batch.rowCount(); row++) {
          names.add(vector.isNull(row) ? null : new String(vector.get(row), StandardCharsets.UTF_8));
        }
      }
    }
    return names;
  }

  @Test
  void repeatsEachRowByItsCountInSourceOrder() {
    List<String> names = run(batch(new Long[] {2L, 0L, 1L}, new String[] {"a", "b", null}),
        batch(new Long[] {3L}, new String[] {"c"}));
    assertEquals(java.util.Arrays.asList("a", "a", null, "c", "c", "c"), names);
  }

  @Test
  void nullAndNegativeCountsDropTheRow() {
    assertEquals(List.of("x"), run(batch(new Long[] {null, -4L, 1L}, new String[] {"n", "m", "x"})));
  }

  @Test
  void manyCopiesAreSplitIntoBoundedBatches() {
    List<String> names = run(batch(new Long[] {10_000L}, new String[] {"r"}));
    assertEquals(10_000, names.size());
    assertTrue(names.stream().allMatch("r"::equals));
  }

  @Test
  void theFirstColumnMustBeALongCount() {
    StructType wrong = new StructType(new StructField[] {new StructField("n", DataTypes.IntegerType, true)});
    assertThrows(IllegalArgumentException.class, () -> new ReplicateRowsSink(wrong));
  }
}
