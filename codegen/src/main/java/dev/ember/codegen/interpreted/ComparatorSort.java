package dev.ember.codegen.interpreted;

import dev.ember.planner.expressions.HigherOrderFunction;
import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.functions.CollectionErrors;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * {@code array_sort(array, (left, right) -> int)}: the comparator runs once per batch over every
 * ordered pair of elements of each array (so n(n-1) times for an array of n, where a sort needs
 * about n log n comparisons: cheap for the short arrays this form is used on, costly for long ones),
 * then each array is sorted with those answers by Java's stable sort, the algorithm Spark uses.
 * A null answer is Spark's COMPARATOR_RETURNS_NULL error.
 */
final class ComparatorSort {
  private static final String INTERMEDIATE = "_";

  private final LambdaBodies bodies;
  private final BufferAllocator allocator;

  ComparatorSort(LambdaBodies bodies, BufferAllocator allocator) {
    this.bodies = bodies;
    this.allocator = allocator;
  }

  FieldVector evaluate(HigherOrderFunction function, ListVector input, ColumnBatch batch, int[] rows, int count) {
    LambdaFunction comparator = function.lambda(1);
    FieldVector data = input.getDataVector();
    int pairs = 0;
    for (int row = 0; row < count; row++) {
      if (!input.isNull(row)) {
        int length = length(input, row);
        pairs += length * (length - 1);
      }
    }
    FieldVector lefts = Columns.allocate(INTERMEDIATE, function.elementType(0), allocator, pairs);
    FieldVector rights = Columns.allocate(INTERMEDIATE, function.elementType(0), allocator, pairs);
    int[] outerRows = new int[pairs];
    try {
      int pair = 0;
      for (int row = 0; row < count; row++) {
        if (input.isNull(row)) {
          continue;
        }
        int start = input.getElementStartIndex(row);
        int length = length(input, row);
        for (int i = 0; i < length; i++) {
          for (int j = 0; j < length; j++) {
            if (i != j) {
              NestedValues.copy(data, start + i, lefts, pair);
              NestedValues.copy(data, start + j, rights, pair);
              outerRows[pair++] = rows == null ? row : rows[row];
            }
          }
        }
      }
      lefts.setValueCount(pairs);
      rights.setValueCount(pairs);
      try (FieldVector answers = bodies.evaluate(comparator, List.of(lefts, rights), batch, outerRows, pairs, null)) {
        return sorted(function, input, count, answers);
      }
    } finally {
      lefts.close();
      rights.close();
    }
  }

  private FieldVector sorted(HigherOrderFunction function, ListVector input, int count, FieldVector answers) {
    FieldVector data = input.getDataVector();
    ListVector out = (ListVector) Columns.allocate(INTERMEDIATE, function.dataType(), allocator, count);
    try {
      FieldVector outData = out.getDataVector();
      int firstPair = 0;
      int written = 0;
      for (int row = 0; row < count; row++) {
        if (input.isNull(row)) {
          out.setNull(row);
          continue;
        }
        int start = input.getElementStartIndex(row);
        int length = length(input, row);
        int base = firstPair;
        Columns.LongReader reader = Columns.longReader(answers);
        List<Integer> order = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
          order.add(i);
        }
        order.sort((i, j) -> {
          if (i.equals(j)) {
            return 0;
          }
          // Pair (i, j) is at i * (length - 1) + (j < i ? j : j - 1): the diagonal is skipped.
          int answer = base + i * (length - 1) + (j < i ? j : j - 1);
          if (answers.isNull(answer)) {
            Object left = NestedValues.read(data, start + i);
            throw CollectionErrors.comparatorReturnsNull(left, left);
          }
          return (int) reader.get(answer);
        });
        out.startNewValue(row);
        for (int i : order) {
          NestedValues.copy(data, start + i, outData, written++);
        }
        out.endValue(row, length);
        firstPair += length * (length - 1);
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
