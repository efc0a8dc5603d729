package dev.ember.codegen.interpreted;

import dev.ember.planner.expressions.CaseWhen;
import dev.ember.planner.expressions.Coalesce;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.GreatestLeast;
import dev.ember.planner.expressions.If;
import dev.ember.planner.expressions.In;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.NullType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The conditionals, a column at a time and lazily: each branch value is evaluated only on the rows
 * that choose it (so an ANSI error on other rows never fires), coalesce's arguments only on rows still
 * null, IN's elements only on rows not yet matched. Positions are indexes into the rows being
 * evaluated ({@code 0..count}).
 */
final class ConditionalEvaluator {
  private final VectorizedEvaluator evaluator;
  private final BufferAllocator allocator;

  ConditionalEvaluator(VectorizedEvaluator evaluator, BufferAllocator allocator) {
    this.evaluator = evaluator;
    this.allocator = allocator;
  }

  FieldVector ifThenElse(If expression, ColumnBatch batch, int[] rows, int count) {
    return branches(expression, List.of(expression.predicate()), List.of(expression.trueValue()),
        expression.falseValue(), batch, rows, count);
  }

  FieldVector caseWhen(CaseWhen expression, ColumnBatch batch, int[] rows, int count) {
    return branches(expression, expression.conditions(), expression.values(), expression.elseValue(), batch, rows,
        count);
  }

  private FieldVector branches(Expression expression, List<Expression> conditions, List<Expression> values,
      Expression elseValue, ColumnBatch batch, int[] rows, int count) {
    if (expression.dataType() instanceof NullType) {
      return nulls(expression, count);
    }
    try (Gathered result = new Gathered(count)) {
      int[] remaining = allPositions(count);
      for (int i = 0; i < conditions.size() && remaining.length > 0; i++) {
        int[] chosen;
        int[] rest;
        try (FieldVector condition = evaluateAt(conditions.get(i), remaining, batch, rows)) {
          boolean[] isTrue = new boolean[remaining.length];
          for (int j = 0; j < remaining.length; j++) {
            isTrue[j] = !condition.isNull(j) && Columns.getBoolean(condition, j);
          }
          chosen = select(remaining, isTrue, true);
          rest = select(remaining, isTrue, false);
        }
        if (chosen.length > 0) {
          result.add(evaluateAt(values.get(i), chosen, batch, rows), chosen);
        }
        remaining = rest;
      }
      if (elseValue != null && remaining.length > 0) {
        result.add(evaluateAt(elseValue, remaining, batch, rows), remaining);
      }
      return result.toVector(expression, allocator);
    }
  }

  private FieldVector nulls(Expression expression, int count) {
    FieldVector out = Columns.allocate("_", expression.dataType(), allocator, count);
    out.setValueCount(count);
    return out;
  }

  /**
   * Values chosen from several vectors, each covering some positions, copied into one vector in
   * position order at the end: variable-width Arrow vectors must be written in row order.
   */
  private static final class Gathered implements AutoCloseable {
    private final java.util.ArrayList<FieldVector> sources = new java.util.ArrayList<>();
    private final int[] sourceOf;
    private final int[] indexIn;

    Gathered(int count) {
      this.sourceOf = new int[count];
      this.indexIn = new int[count];
      Arrays.fill(sourceOf, -1);
    }

    /** {@code vector} holds the values of {@code positions}, in order; this takes ownership of it. */
    void add(FieldVector vector, int[] positions) {
      sources.add(vector);
      for (int j = 0; j < positions.length; j++) {
        sourceOf[positions[j]] = sources.size() - 1;
        indexIn[positions[j]] = j;
      }
    }

    /** Takes the value at {@code index} of {@code vector} for one position. */
    void addOne(FieldVector vector, int position, int index) {
      if (sources.isEmpty() || sources.get(sources.size() - 1) != vector) {
        sources.add(vector);
      }
      sourceOf[position] = sources.size() - 1;
      indexIn[position] = index;
    }

    FieldVector toVector(Expression expression, BufferAllocator allocator) {
      FieldVector out = Columns.allocate("_", expression.dataType(), allocator, sourceOf.length);
      try {
        for (int position = 0; position < sourceOf.length; position++) {
          if (sourceOf[position] >= 0) {
            out.copyFromSafe(indexIn[position], position, sources.get(sourceOf[position]));
          }
        }
        out.setValueCount(sourceOf.length);
        return out;
      } catch (RuntimeException e) {
        out.close();
        throw e;
      }
    }

    @Override
    public void close() {
      for (FieldVector source : sources) {
        source.close();
      }
    }
  }

  FieldVector coalesce(Coalesce expression, ColumnBatch batch, int[] rows, int count) {
    if (expression.dataType() instanceof NullType) {
      return nulls(expression, count);
    }
    try (Gathered result = new Gathered(count)) {
      int[] remaining = allPositions(count);
      for (Expression argument : expression.arguments()) {
        if (remaining.length == 0) {
          break;
        }
        FieldVector value = evaluateAt(argument, remaining, batch, rows);
        boolean[] present = new boolean[remaining.length];
        for (int j = 0; j < remaining.length; j++) {
          present[j] = !value.isNull(j);
        }
        int[] found = select(remaining, present, true);
        int[] foundIndexes = select(allPositions(remaining.length), present, true);
        if (found.length == 0) {
          value.close();
        } else {
          for (int k = 0; k < found.length; k++) {
            result.addOne(value, found[k], foundIndexes[k]);
          }
        }
        remaining = select(remaining, present, false);
      }
      return result.toVector(expression, allocator);
    }
  }

  FieldVector in(In expression, ColumnBatch batch, int[] rows, int count) {
    FieldVector out = Columns.allocate("_", DataTypes.BooleanType, allocator, count);
    try (FieldVector value = evaluator.evaluateRows(expression.value(), batch, rows, count)) {
      boolean typed = !(expression.value().dataType() instanceof NullType);
      JavaValueColumns.Reader valueReader = typed
          ? JavaValueColumns.comparableReader(value, expression.value().dataType()) : null;
      boolean[] notNull = new boolean[count];
      for (int i = 0; i < count; i++) {
        notNull[i] = !value.isNull(i);
      }
      int[] remaining = select(allPositions(count), notNull, true);
      boolean[] found = new boolean[count];
      boolean[] sawNull = new boolean[count];
      for (Expression element : expression.list()) {
        if (remaining.length == 0) {
          break;
        }
        try (FieldVector item = evaluateAt(element, remaining, batch, rows)) {
          JavaValueColumns.Reader itemReader = JavaValueColumns.comparableReader(item, element.dataType());
          boolean[] matched = new boolean[remaining.length];
          for (int j = 0; j < remaining.length; j++) {
            int position = remaining[j];
            if (item.isNull(j)) {
              sawNull[position] = true;
            } else if (JavaValueColumns.compare(valueReader.get(position), itemReader.get(j)) == 0) {
              matched[j] = true;
              found[position] = true;
            }
          }
          remaining = select(remaining, matched, false);
        }
      }
      for (int i = 0; i < count; i++) {
        if (found[i]) {
          Columns.setBoolean(out, i, true);
        } else if (notNull[i] && !sawNull[i]) {
          Columns.setBoolean(out, i, false);
        }
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  FieldVector greatestLeast(GreatestLeast expression, ColumnBatch batch, int[] rows, int count) {
    List<Expression> arguments = expression.arguments();
    FieldVector[] vectors = new FieldVector[arguments.size()];
    FieldVector out = Columns.allocate("_", expression.dataType(), allocator, count);
    try {
      for (int i = 0; i < arguments.size(); i++) {
        vectors[i] = evaluator.evaluateRows(arguments.get(i), batch, rows, count);
      }
      if (!(expression.dataType() instanceof NullType)) {
        JavaValueColumns.Reader[] readers = new JavaValueColumns.Reader[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
          readers[i] = JavaValueColumns.comparableReader(vectors[i], arguments.get(i).dataType());
        }
        for (int row = 0; row < count; row++) {
          int best = -1;
          Object bestValue = null;
          for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].isNull(row)) {
              continue;
            }
            Object candidate = readers[i].get(row);
            int order = best < 0 ? 0 : JavaValueColumns.compare(candidate, bestValue);
            if (best < 0 || (expression.greatest() ? order > 0 : order < 0)) {
              best = i;
              bestValue = candidate;
            }
          }
          if (best >= 0) {
            out.copyFromSafe(row, row, vectors[best]);
          }
        }
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    } finally {
      for (FieldVector vector : vectors) {
        if (vector != null) {
          vector.close();
        }
      }
    }
  }

  /** A vector with one value per position. */
  private FieldVector evaluateAt(Expression expression, int[] positions, ColumnBatch batch, int[] rows) {
    int[] batchRows = new int[positions.length];
    for (int j = 0; j < positions.length; j++) {
      batchRows[j] = rows == null ? positions[j] : rows[positions[j]];
    }
    return evaluator.evaluateRows(expression, batch, batchRows, batchRows.length);
  }

  private static int[] allPositions(int count) {
    int[] positions = new int[count];
    for (int i = 0; i < count; i++) {
      positions[i] = i;
    }
    return positions;
  }

  /** The positions whose flag equals {@code wanted}, in order. */
  private static int[] select(int[] positions, boolean[] flags, boolean wanted) {
    int[] selected = new int[positions.length];
    int kept = 0;
    for (int j = 0; j < positions.length; j++) {
      if (flags[j] == wanted) {
        selected[kept++] = positions[j];
      }
    }
    return Arrays.copyOf(selected, kept);
  }
}
