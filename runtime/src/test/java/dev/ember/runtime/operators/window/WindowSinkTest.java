package dev.ember.runtime.operators.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.sort.SortKey;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WindowSinkTest {
  /** Partition key k, order key o, value v; rows arrive out of order and in two batches. */
  private static final StructType SCHEMA = new StructType()
      .add("k", DataTypes.StringType).add("o", DataTypes.IntegerType).add("v", DataTypes.LongType);
  private static final Object[][] ROWS = {
      {"a", 2, 30L}, {"b", 3, 7L}, {"a", 1, 10L}, {null, 4, 8L},
      {"a", 1, null}, {"b", null, 5L}, {"a", 5, 1L}};

  private static final WindowFrame RUNNING_RANGE = new WindowFrame(false, WindowFrame.UNBOUNDED_PRECEDING, 0);
  private static final WindowFrame RUNNING_ROWS = new WindowFrame(true, WindowFrame.UNBOUNDED_PRECEDING, 0);

  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void ranksCountTiesAndNullKeysFirst() {
    List<Object[]> rows = run(List.of(
        spec(WindowFunctionKind.ROW_NUMBER, -1, RUNNING_ROWS, DataTypes.IntegerType),
        spec(WindowFunctionKind.RANK, -1, RUNNING_ROWS, DataTypes.IntegerType),
        spec(WindowFunctionKind.DENSE_RANK, -1, RUNNING_ROWS, DataTypes.IntegerType),
        new WindowFunctionSpec(WindowFunctionKind.NTILE, -1, -1, 2, false, RUNNING_ROWS,
            new StructField("f", DataTypes.IntegerType, false)),
        spec(WindowFunctionKind.CUME_DIST, -1, RUNNING_RANGE, DataTypes.DoubleType)));
    // Sorted: (null,4) | (a,1) (a,1) (a,2) (a,5) | (b,null) (b,3)
    assertEquals(List.of(1, 1, 2, 3, 4, 1, 2), column(rows, 3));
    assertEquals(List.of(1, 1, 1, 3, 4, 1, 2), column(rows, 4));
    assertEquals(List.of(1, 1, 1, 2, 3, 1, 2), column(rows, 5));
    assertEquals(List.of(1, 1, 1, 2, 2, 1, 2), column(rows, 6));
    assertEquals(List.of(1.0, 0.5, 0.5, 0.75, 1.0, 0.5, 1.0), column(rows, 7));
  }

  @Test
  void runningRangeSumIncludesPeersWhileRowsFramesSlide() {
    List<Object[]> rows = run(List.of(
        spec(WindowFunctionKind.SUM, 2, RUNNING_RANGE, DataTypes.LongType),
        spec(WindowFunctionKind.SUM, 2, new WindowFrame(true, -1, 1), DataTypes.LongType),
        spec(WindowFunctionKind.COUNT, 2, new WindowFrame(true, 1, 2), DataTypes.LongType)));
    assertEquals(Arrays.asList(8L, 10L, 10L, 40L, 41L, 5L, 12L), column(rows, 3));
    assertEquals(Arrays.asList(8L, 10L, 40L, 31L, 31L, 12L, 12L), column(rows, 4));
    assertEquals(Arrays.asList(0L, 1L, 2L, 1L, 0L, 1L, 0L), column(rows, 5));
  }

  @Test
  void rangeOffsetsCompareKeyValuesAndNullKeysSeeOnlyTheirPeers() {
    List<Object[]> rows = run(List.of(
        spec(WindowFunctionKind.SUM, 2, new WindowFrame(false, -1, 0), DataTypes.LongType),
        spec(WindowFunctionKind.COUNT, 2, new WindowFrame(false, 0, 3), DataTypes.LongType)));
    assertEquals(Arrays.asList(8L, 10L, 10L, 40L, 1L, 5L, 7L), column(rows, 3));
    assertEquals(Arrays.asList(1L, 2L, 2L, 2L, 1L, 1L, 1L), column(rows, 4));
  }

  @Test
  void lagSkipsNullsWhenAskedAndFallsBackToTheDefault() {
    List<Object[]> rows = run(List.of(
        new WindowFunctionSpec(WindowFunctionKind.LAG, 2, 1, 1, false, RUNNING_ROWS,
            new StructField("lag", DataTypes.LongType, true)),
        new WindowFunctionSpec(WindowFunctionKind.LAG, 2, -1, 1, true, RUNNING_ROWS,
            new StructField("lag", DataTypes.LongType, true)),
        new WindowFunctionSpec(WindowFunctionKind.LEAD, 2, -1, 2, false, RUNNING_ROWS,
            new StructField("lead", DataTypes.LongType, true))));
    // The default column is o, widened to long by the writer.
    assertEquals(Arrays.asList(4L, 1L, 10L, null, 30L, null, 5L), column(rows, 3));
    assertEquals(Arrays.asList(null, null, 10L, 10L, 30L, null, 5L), column(rows, 4));
    assertEquals(Arrays.asList(null, 30L, 1L, null, null, null, null), column(rows, 5));
  }

  private static WindowFunctionSpec spec(WindowFunctionKind kind, int input, WindowFrame frame, DataType type) {
    return new WindowFunctionSpec(kind, input, -1, 1, false, frame, new StructField(kind.name(), type, true));
  }

  private static List<Object> column(List<Object[]> rows, int column) {
    List<Object> values = new ArrayList<>();
    rows.forEach(row -> values.add(row[column]));
    return values;
  }

  /** Runs the sink partitioned by k, ordered by o, over ROWS fed as two batches to two partitions. */
  private List<Object[]> run(List<WindowFunctionSpec> functions) {
    WindowSink sink = new WindowSink(SCHEMA, List.of(0), List.of(new SortKey(1, true, true)), functions);
    List<SinkPartition> partitions = List.of(sink.createPartition(allocator), sink.createPartition(allocator));
    partitions.get(0).beginMorsel(0);
    ((BatchConsumer) partitions.get(0)).accept(batch(0, 4));
    partitions.get(1).beginMorsel(1);
    ((BatchConsumer) partitions.get(1)).accept(batch(4, ROWS.length));
    List<Object[]> rows = new ArrayList<>();
    try (BatchSource output = sink.finish(partitions, allocator)) {
      for (Morsel morsel : output.morsels()) {
        try (BatchStream stream = output.open(morsel, allocator)) {
          for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
            try (ColumnBatch owned = batch) {
              for (int row = 0; row < batch.rowCount(); row++) {
                Object[] values = new Object[batch.columnCount()];
                for (int column = 0; column < values.length; column++) {
                  values[column] = NestedValues.read(batch.vector(column), row);
                }
                rows.add(values);
              }
            }
          }
        }
      }
    }
    return rows;
  }

  private ColumnBatch batch(int from, int to) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(SCHEMA, allocator, to - from);
    for (int column = 0; column < SCHEMA.length(); column++) {
      for (int row = from; row < to; row++) {
        NestedValues.write(vectors.get(column), row - from, ROWS[row][column]);
      }
      vectors.get(column).setValueCount(to - from);
    }
    return new ColumnBatch(SCHEMA, vectors, to - from);
  }
}
