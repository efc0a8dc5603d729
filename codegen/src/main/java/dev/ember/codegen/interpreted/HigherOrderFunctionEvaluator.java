package dev.ember.codegen.interpreted;

import dev.ember.planner.expressions.HigherOrderFunction;
import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Evaluates {@link HigherOrderFunction}s over whole batches. The lambda's body runs once per batch
 * over every element of every row ({@link LambdaBodies}), not once per element: {@code transform}
 * turns the results into arrays with the input's lengths, {@code filter} keeps the elements whose
 * result is true, {@code exists} and {@code forall} combine each row's results with SQL's
 * three-valued logic. {@code aggregate} must run its merge in element order, so it runs it once per
 * element position, over all rows that are that long. Elements of null arrays are never seen by a
 * body, so they raise no errors.
 */
final class HigherOrderFunctionEvaluator {
  private static final String INTERMEDIATE = "_";

  private final VectorizedEvaluator session;
  private final BufferAllocator allocator;
  private final LambdaBodies bodies;

  HigherOrderFunctionEvaluator(VectorizedEvaluator session, BufferAllocator allocator) {
    this.session = session;
    this.allocator = allocator;
    this.bodies = new LambdaBodies(session);
  }

  FieldVector evaluate(HigherOrderFunction function, ColumnBatch batch, int[] rows, int count) {
    try (FieldVector input = session.evaluateRows(function.input(), batch, rows, count)) {
      return switch (function.kind()) {
        case TRANSFORM -> transform(function, (ListVector) input, batch, rows, count);
        case FILTER -> filter(function, (ListVector) input, batch, rows, count);
        case EXISTS -> quantify(function, (ListVector) input, batch, rows, count, true);
        case FORALL -> quantify(function, (ListVector) input, batch, rows, count, false);
        case AGGREGATE -> new ArrayAggregation(session, bodies, allocator)
            .evaluate(function, (ListVector) input, batch, rows, count);
        case ARRAY_SORT -> new ComparatorSort(bodies, allocator)
            .evaluate(function, (ListVector) input, batch, rows, count);
        case ZIP_WITH -> zipWith(function, (ListVector) input, batch, rows, count);
        case MAP_FILTER, TRANSFORM_KEYS, TRANSFORM_VALUES ->
            new MapLambdas(bodies, allocator).evaluate(function, (ListVector) input, batch, rows, count);
      };
    }
  }

  private FieldVector transform(HigherOrderFunction function, ListVector input, ColumnBatch batch, int[] rows,
      int count) {
    LambdaFunction lambda = function.lambda(1);
    FlatElements elements = FlatElements.of(input, count, rows);
    try (FieldVector values = elements.values(input.getDataVector(), allocator);
        FieldVector indexes = lambda.parameters().size() == 2 ? elements.indexes(allocator) : null;
        FieldVector results = bodies.evaluate(lambda, parameters(values, indexes), batch, elements.outerRows(),
            elements.size(), elements.positions())) {
      return listWithInputLengths(function.dataType(), input, count, results);
    }
  }

  private static List<FieldVector> parameters(FieldVector first, FieldVector second) {
    List<FieldVector> parameters = new ArrayList<>(2);
    parameters.add(first);
    if (second != null) {
      parameters.add(second);
    }
    return parameters;
  }

  /** An array per row of {@code input}, as long as the row's array, holding {@code values} in order. */
  private FieldVector listWithInputLengths(DataType type, ListVector input, int count, FieldVector values) {
    ListVector out = (ListVector) Columns.allocate(INTERMEDIATE, type, allocator, count);
    try {
      if (values.getValueCount() > 0) {
        values.makeTransferPair(out.getDataVector()).transfer();
      }
      for (int row = 0; row < count; row++) {
        if (input.isNull(row)) {
          out.setNull(row);
        } else {
          out.startNewValue(row);
          out.endValue(row, input.getElementEndIndex(row) - input.getElementStartIndex(row));
        }
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  private FieldVector filter(HigherOrderFunction function, ListVector input, ColumnBatch batch, int[] rows,
      int count) {
    LambdaFunction lambda = function.lambda(1);
    FlatElements elements = FlatElements.of(input, count, rows);
    try (FieldVector values = elements.values(input.getDataVector(), allocator);
        FieldVector indexes = lambda.parameters().size() == 2 ? elements.indexes(allocator) : null;
        FieldVector keep = bodies.evaluate(lambda, parameters(values, indexes), batch, elements.outerRows(),
            elements.size(), elements.positions())) {
      ListVector out = (ListVector) Columns.allocate(INTERMEDIATE, function.dataType(), allocator, count);
      try {
        FieldVector data = out.getDataVector();
        int result = 0;
        int written = 0;
        for (int row = 0; row < count; row++) {
          if (input.isNull(row)) {
            out.setNull(row);
            continue;
          }
          out.startNewValue(row);
          int kept = 0;
          for (int position = elements.first(row); position < elements.end(row); position++, result++) {
            if (!keep.isNull(result) && Columns.getBoolean(keep, result)) {
              NestedValues.copy(values, position, data, written++);
              kept++;
            }
          }
          out.endValue(row, kept);
        }
        out.setValueCount(count);
        return out;
      } catch (RuntimeException e) {
        out.close();
        throw e;
      }
    }
  }

  /**
   * {@code exists} ({@code decidingValue} true) or {@code forall} (false): the deciding value as soon
   * as one element gives it; otherwise null if some element gave null, else the other value.
   */
  private FieldVector quantify(HigherOrderFunction function, ListVector input, ColumnBatch batch, int[] rows,
      int count, boolean decidingValue) {
    LambdaFunction lambda = function.lambda(1);
    FlatElements elements = FlatElements.of(input, count, rows);
    try (FieldVector values = elements.values(input.getDataVector(), allocator);
        FieldVector answers = bodies.evaluate(lambda, parameters(values, null), batch, elements.outerRows(),
            elements.size(), elements.positions())) {
      FieldVector out = Columns.allocate(INTERMEDIATE, DataTypes.BooleanType, allocator, count);
      int result = 0;
      for (int row = 0; row < count; row++) {
        if (input.isNull(row)) {
          continue;
        }
        boolean decided = false;
        boolean sawNull = false;
        for (int position = elements.first(row); position < elements.end(row); position++, result++) {
          if (answers.isNull(result)) {
            sawNull = true;
          } else if (Columns.getBoolean(answers, result) == decidingValue) {
            decided = true;
          }
        }
        if (decided) {
          Columns.setBoolean(out, row, decidingValue);
        } else if (!sawNull) {
          Columns.setBoolean(out, row, !decidingValue);
        }
      }
      out.setValueCount(count);
      return out;
    }
  }

  /** Element-wise over two arrays; the shorter one is padded with nulls, as in Spark. */
  private FieldVector zipWith(HigherOrderFunction function, ListVector left, ColumnBatch batch, int[] rows,
      int count) {
    try (FieldVector rightInput = session.evaluateRows(function.arguments().get(1), batch, rows, count)) {
      ListVector right = (ListVector) rightInput;
      int[] lengths = new int[count];
      int size = 0;
      for (int row = 0; row < count; row++) {
        if (!left.isNull(row) && !right.isNull(row)) {
          lengths[row] = Math.max(length(left, row), length(right, row));
          size += lengths[row];
        }
      }
      int[] outerRows = new int[size];
      FieldVector leftValues = Columns.allocate(INTERMEDIATE, function.elementType(0), allocator, size);
      FieldVector rightValues = Columns.allocate(INTERMEDIATE, function.elementType(1), allocator, size);
      try {
        int position = 0;
        for (int row = 0; row < count; row++) {
          for (int i = 0; i < lengths[row]; i++, position++) {
            outerRows[position] = rows == null ? row : rows[row];
            copyElementOrNull(left, row, i, leftValues, position);
            copyElementOrNull(right, row, i, rightValues, position);
          }
        }
        leftValues.setValueCount(size);
        rightValues.setValueCount(size);
        try (FieldVector results = bodies.evaluate(function.lambda(2), parameters(leftValues, rightValues), batch,
            outerRows, size, null)) {
          ListVector out = (ListVector) Columns.allocate(INTERMEDIATE, function.dataType(), allocator, count);
          try {
            if (size > 0) {
              results.makeTransferPair(out.getDataVector()).transfer();
            }
            for (int row = 0; row < count; row++) {
              if (left.isNull(row) || right.isNull(row)) {
                out.setNull(row);
              } else {
                out.startNewValue(row);
                out.endValue(row, lengths[row]);
              }
            }
            out.setValueCount(count);
            return out;
          } catch (RuntimeException e) {
            out.close();
            throw e;
          }
        }
      } finally {
        leftValues.close();
        rightValues.close();
      }
    }
  }

  private static int length(ListVector list, int row) {
    return list.getElementEndIndex(row) - list.getElementStartIndex(row);
  }

  private static void copyElementOrNull(ListVector list, int row, int index, FieldVector to, int position) {
    if (index < length(list, row)) {
      NestedValues.copy(list.getDataVector(), list.getElementStartIndex(row) + index, to, position);
    } else {
      NestedValues.setNull(to, position);
    }
  }
}
