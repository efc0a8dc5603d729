package dev.ember.runtime.operators.window;

import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.operators.sort.SortKey;
import dev.ember.runtime.operators.sort.SortSink;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.sources.MaterializedSource;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Window functions over one window specification: the input sorted by partition keys (ascending,
 * nulls first) then order keys, as {@link SortSink} sorts it; then each function computed for every
 * row and appended as a column. Output: the input columns, then one column per function, in sorted
 * order.
 *
 * <p>Memory: the sort's buffers come from the allocator; the input batches become the output's (no
 * copy), and each result vector is allocated from the allocator. The values the functions read are
 * boxed on the heap while the functions run (see {@link NestedValues}): simple, but not the vectorized
 * path the aggregate operator has.
 */
public final class WindowSink implements PipelineSink {
  private final StructType inputSchema;
  private final int[] partitionColumns;
  private final List<SortKey> orderKeys;
  private final List<WindowFunctionSpec> functions;
  private final StructType outputSchema;
  private final SortSink sort;

  public WindowSink(StructType inputSchema, List<Integer> partitionColumns, List<SortKey> orderKeys,
      List<WindowFunctionSpec> functions) {
    this.inputSchema = Objects.requireNonNull(inputSchema, "inputSchema is null");
    this.partitionColumns = partitionColumns.stream().mapToInt(Integer::intValue).toArray();
    this.orderKeys = List.copyOf(Objects.requireNonNull(orderKeys, "orderKeys is null"));
    this.functions = List.copyOf(Objects.requireNonNull(functions, "functions is null"));
    List<SortKey> sortKeys = new ArrayList<>();
    for (int column : this.partitionColumns) {
      sortKeys.add(new SortKey(column, true, true));
    }
    sortKeys.addAll(this.orderKeys);
    this.sort = new SortSink(inputSchema, sortKeys, -1);
    List<StructField> fields = new ArrayList<>(List.of(inputSchema.fields()));
    for (WindowFunctionSpec function : this.functions) {
      fields.add(function.output());
    }
    this.outputSchema = StructType.of(fields);
  }

  @Override
  public StructType outputSchema() {
    return outputSchema;
  }

  @Override
  public SinkPartition createPartition(BufferAllocator allocator) {
    return sort.createPartition(allocator);
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    List<ColumnBatch> sorted = drain(sort.finish(partitions, allocator), allocator);
    List<ColumnBatch> output = new ArrayList<>(sorted.size());
    int consumed = 0;
    try {
      List<Object[]> results = evaluate(sorted);
      int offset = 0;
      for (ColumnBatch batch : sorted) {
        output.add(withResults(batch, results, offset, allocator));
        consumed++;
        offset += batch.rowCount();
      }
      return new MaterializedSource(outputSchema, output);
    } catch (RuntimeException | Error e) {
      sorted.subList(consumed, sorted.size()).forEach(ColumnBatch::close);
      output.forEach(ColumnBatch::close);
      throw e;
    }
  }

  private static List<ColumnBatch> drain(BatchSource source, BufferAllocator allocator) {
    List<ColumnBatch> batches = new ArrayList<>();
    try (source) {
      for (Morsel morsel : source.morsels()) {
        try (BatchStream stream = source.open(morsel, allocator)) {
          for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
            batches.add(batch);
          }
        }
      }
      return batches;
    } catch (RuntimeException | Error e) {
      batches.forEach(ColumnBatch::close);
      throw e;
    }
  }

  private List<Object[]> evaluate(List<ColumnBatch> sorted) {
    int rowCount = 0;
    for (ColumnBatch batch : sorted) {
      rowCount += batch.rowCount();
    }
    Object[][] partitionKeys = new Object[partitionColumns.length][];
    for (int k = 0; k < partitionColumns.length; k++) {
      partitionKeys[k] = values(sorted, partitionColumns[k], rowCount);
    }
    Object[][] orderValues = new Object[orderKeys.size()][];
    for (int k = 0; k < orderKeys.size(); k++) {
      orderValues[k] = values(sorted, orderKeys.get(k).column(), rowCount);
    }
    RowGroups groups = RowGroups.of(rowCount, partitionKeys, orderValues);
    List<Object[]> results = new ArrayList<>(functions.size());
    for (WindowFunctionSpec function : functions) {
      Object[] input = function.inputColumn() < 0 ? null : values(sorted, function.inputColumn(), rowCount);
      Object[] defaults = function.defaultColumn() < 0 ? null : values(sorted, function.defaultColumn(), rowCount);
      FrameBounds bounds = null;
      if (function.kind().usesFrame()) {
        SortKey firstKey = orderKeys.isEmpty() ? null : orderKeys.get(0);
        bounds = FrameBounds.of(function.frame(), groups, orderValues.length == 1 ? orderValues[0] : null,
            firstKey == null || firstKey.ascending(), firstKey == null || firstKey.nullsFirst());
      }
      results.add(WindowFunctionEvaluator.evaluate(function, groups, input, defaults, bounds));
    }
    return results;
  }

  private static Object[] values(List<ColumnBatch> batches, int column, int rowCount) {
    Object[] values = new Object[rowCount];
    int row = 0;
    for (ColumnBatch batch : batches) {
      FieldVector vector = batch.vector(column);
      for (int i = 0; i < batch.rowCount(); i++) {
        values[row++] = NestedValues.read(vector, i);
      }
    }
    return values;
  }

  /** The batch's own vectors (now the output's) followed by the functions' results for its rows. */
  private ColumnBatch withResults(ColumnBatch batch, List<Object[]> results, int offset, BufferAllocator allocator) {
    int rows = batch.rowCount();
    List<FieldVector> added = new ArrayList<>(functions.size());
    try {
      for (int f = 0; f < functions.size(); f++) {
        FieldVector vector = ArrowTypes.allocateVector(functions.get(f).output(), allocator, rows);
        added.add(vector);
        Object[] values = results.get(f);
        for (int i = 0; i < rows; i++) {
          NestedValues.write(vector, i, values[offset + i]);
        }
        vector.setValueCount(rows);
      }
    } catch (RuntimeException | Error e) {
      added.forEach(FieldVector::close);
      throw e;
    }
    List<FieldVector> vectors = new ArrayList<>(batch.vectors());
    vectors.addAll(added);
    return new ColumnBatch(outputSchema, vectors, rows);
  }

  @Override
  public String describe() {
    return "Window " + functions.stream().map(f -> f.output().name()).toList()
        + " partition by columns " + java.util.Arrays.toString(partitionColumns) + " order by " + orderKeys;
  }

  /** The schema of the sorted input. */
  public StructType inputSchema() {
    return inputSchema;
  }
}
