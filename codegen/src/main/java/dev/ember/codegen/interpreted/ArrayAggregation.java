package dev.ember.codegen.interpreted;

import dev.ember.planner.expressions.HigherOrderFunction;
import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.sql.types.DataType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * {@code aggregate(array, zero, (acc, x) -> merge, acc -> finish)} over a batch. Each row's merges
 * depend on the one before, so the merge cannot run over all elements at once; it runs once per
 * element position k instead, over every row whose array has more than k elements (the k-th elements
 * and those rows' accumulators), which keeps each evaluation vectorized across rows. The finish then
 * runs once over all rows.
 */
final class ArrayAggregation {
  private static final String INTERMEDIATE = "_";

  private final VectorizedEvaluator session;
  private final LambdaBodies bodies;
  private final BufferAllocator allocator;

  ArrayAggregation(VectorizedEvaluator session, LambdaBodies bodies, BufferAllocator allocator) {
    this.session = session;
    this.bodies = bodies;
    this.allocator = allocator;
  }

  FieldVector evaluate(HigherOrderFunction function, ListVector input, ColumnBatch batch, int[] rows, int count) {
    LambdaFunction merge = function.lambda(2);
    LambdaFunction finish = function.lambda(3);
    int longest = 0;
    int[] batchRows = new int[count];
    for (int row = 0; row < count; row++) {
      batchRows[row] = rows == null ? row : rows[row];
      if (!input.isNull(row)) {
        longest = Math.max(longest, length(input, row));
      }
    }
    FieldVector accumulators = session.evaluateRows(function.arguments().get(1), batch, rows, count);
    try {
      for (int k = 0; k < longest; k++) {
        FieldVector next = mergeElement(merge, k, input, accumulators, batch, batchRows, count);
        accumulators.close();
        accumulators = next;
      }
      int[] notNull = notNullRows(input, count);
      try (FieldVector finished = bodies.evaluate(finish, List.of(accumulators), batch, batchRows, count,
          notNull.length == count ? null : notNull)) {
        return scatter(finished, notNull, function.dataType(), count);
      }
    } finally {
      accumulators.close();
    }
  }

  /** The accumulators after merging element k of every array that has one; the others are kept. */
  private FieldVector mergeElement(LambdaFunction merge, int k, ListVector input, FieldVector accumulators,
      ColumnBatch batch, int[] batchRows, int count) {
    int[] active = new int[count];
    int size = 0;
    for (int row = 0; row < count; row++) {
      if (!input.isNull(row) && length(input, row) > k) {
        active[size++] = row;
      }
    }
    FieldVector activeAccumulators = Columns.allocate(INTERMEDIATE, merge.parameters().get(0).dataType(), allocator,
        size);
    FieldVector elements = Columns.allocate(INTERMEDIATE, merge.parameters().get(1).dataType(), allocator, size);
    int[] outerRows = new int[size];
    try {
      for (int i = 0; i < size; i++) {
        int row = active[i];
        NestedValues.copy(accumulators, row, activeAccumulators, i);
        NestedValues.copy(input.getDataVector(), input.getElementStartIndex(row) + k, elements, i);
        outerRows[i] = batchRows[row];
      }
      activeAccumulators.setValueCount(size);
      elements.setValueCount(size);
      try (FieldVector merged = bodies.evaluate(merge, List.of(activeAccumulators, elements), batch, outerRows, size,
          null)) {
        FieldVector next = Columns.allocate(INTERMEDIATE, merge.parameters().get(0).dataType(), allocator, count);
        try {
          int i = 0;
          for (int row = 0; row < count; row++) {
            if (i < size && active[i] == row) {
              NestedValues.copy(merged, i++, next, row);
            } else {
              NestedValues.copy(accumulators, row, next, row);
            }
          }
          next.setValueCount(count);
          return next;
        } catch (RuntimeException e) {
          next.close();
          throw e;
        }
      }
    } finally {
      activeAccumulators.close();
      elements.close();
    }
  }

  private static int[] notNullRows(ListVector input, int count) {
    int[] rows = new int[count];
    int size = 0;
    for (int row = 0; row < count; row++) {
      if (!input.isNull(row)) {
        rows[size++] = row;
      }
    }
    return Arrays.copyOf(rows, size);
  }

  /** {@code values} (one per entry of {@code rows}) placed at those rows; the other rows are null. */
  private FieldVector scatter(FieldVector values, int[] rows, DataType type, int count) {
    FieldVector out = Columns.allocate(INTERMEDIATE, type, allocator, count);
    try {
      for (int i = 0; i < rows.length; i++) {
        NestedValues.copy(values, i, out, rows[i]);
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  private static int length(ListVector list, int row) {
    return list.getElementEndIndex(row) - list.getElementStartIndex(row);
  }
}
