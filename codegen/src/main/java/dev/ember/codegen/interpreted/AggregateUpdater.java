package dev.ember.codegen.interpreted;

import dev.ember.codegen.spec.AccumulatorUpdate;
import dev.ember.codegen.spec.AggregateUpdate;
import dev.ember.planner.expressions.Expression;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.operators.aggregate.AccumulatorKind;
import dev.ember.runtime.operators.aggregate.HashAggregationTable;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Feeds a batch into a {@link HashAggregationTable}: keys and arguments are evaluated as whole
 * columns, then each selected row finds its group and updates each accumulator, skipping null
 * arguments (except {@code COUNT_ROWS}, which counts every row).
 */
final class AggregateUpdater {
  private final AggregateUpdate update;
  private final HashAggregationTable table;
  private final VectorizedEvaluator evaluator;

  AggregateUpdater(AggregateUpdate update, HashAggregationTable table, VectorizedEvaluator evaluator) {
    this.update = update;
    this.table = table;
    this.evaluator = evaluator;
  }

  void update(ColumnBatch batch, int[] rows) {
    int count = rows == null ? batch.rowCount() : rows.length;
    if (count == 0) {
      return;
    }
    List<Expression> keyExpressions = update.keys();
    List<AccumulatorUpdate> accumulators = update.accumulators();
    FieldVector[] keys = new FieldVector[keyExpressions.size()];
    FieldVector[][] arguments = new FieldVector[accumulators.size()][];
    try {
      for (int k = 0; k < keys.length; k++) {
        keys[k] = evaluator.evaluate(keyExpressions.get(k), batch, rows);
      }
      for (int a = 0; a < arguments.length; a++) {
        AccumulatorUpdate accumulator = accumulators.get(a);
        arguments[a] = new FieldVector[accumulator.kind() == AccumulatorKind.COUNT_ROWS ? 0
            : accumulator.arguments().size()];
        for (int i = 0; i < arguments[a].length; i++) {
          arguments[a][i] = evaluator.evaluate(accumulator.arguments().get(i), batch, rows);
        }
      }
      for (int row = 0; row < count; row++) {
        table.beginKey();
        for (int k = 0; k < keys.length; k++) {
          key(keys[k], keyExpressions.get(k).dataType(), row);
        }
        int group = table.findOrInsertGroup();
        for (int a = 0; a < arguments.length; a++) {
          AccumulatorUpdate accumulator = accumulators.get(a);
          if (accumulator.kind() == AccumulatorKind.COUNT_ROWS) {
            table.count(group, a);
          } else if (accumulator.kind() == AccumulatorKind.OBJECT) {
            // Object states see every row, nulls included.
            for (int i = 0; i < arguments[a].length; i++) {
              stage(arguments[a][i], accumulator.arguments().get(i).dataType(), a, i, row);
            }
            table.updateObject(group, a);
          } else if (noneNull(arguments[a], row)) {
            accumulate(accumulator, arguments[a], group, a, row);
          }
        }
      }
    } finally {
      closeAll(keys);
      for (FieldVector[] vectors : arguments) {
        if (vectors != null) {
          closeAll(vectors);
        }
      }
    }
  }

  private static boolean noneNull(FieldVector[] vectors, int row) {
    for (FieldVector vector : vectors) {
      if (vector.isNull(row)) {
        return false;
      }
    }
    return true;
  }

  private void stage(FieldVector vector, DataType type, int slot, int argument, int row) {
    if (vector.isNull(row)) {
      table.stageNull(slot, argument);
      return;
    }
    switch (ValueFamily.of(type)) {
      case BOOLEAN -> table.stageBoolean(slot, argument, Columns.getBoolean(vector, row));
      case INTEGRAL -> table.stageLong(slot, argument, Columns.longReader(vector).get(row));
      case FRACTIONAL -> table.stageDouble(slot, argument, Columns.doubleReader(vector).get(row));
      case DECIMAL -> {
        long address = decimalAddress(vector, row);
        table.stageDecimal(slot, argument, MemoryUtil.getLong(address), MemoryUtil.getLong(address + 8));
      }
      case BYTES -> {
        BaseVariableWidthVector bytes = (BaseVariableWidthVector) vector;
        int start = bytes.getStartOffset(row);
        table.stageBytes(slot, argument, bytes.getDataBufferAddress() + start, bytes.getEndOffset(row) - start);
      }
      case NULL -> table.stageNull(slot, argument);
    }
  }

  private void key(FieldVector vector, DataType type, int row) {
    if (vector.isNull(row)) {
      table.keyNull();
      return;
    }
    switch (ValueFamily.of(type)) {
      case BOOLEAN -> table.keyBoolean(Columns.getBoolean(vector, row));
      case INTEGRAL -> {
        long value = Columns.longReader(vector).get(row);
        // Day-time intervals are long microseconds; narrowing them would merge or misreport groups.
        if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType
            || type instanceof DayTimeIntervalType) {
          table.keyLong(value);
        } else {
          table.keyInt((int) value);
        }
      }
      case FRACTIONAL -> {
        double value = Columns.doubleReader(vector).get(row);
        if (type instanceof FloatType) {
          table.keyFloat((float) value);
        } else {
          table.keyDouble(value);
        }
      }
      case DECIMAL -> {
        long address = decimalAddress(vector, row);
        table.keyDecimal(MemoryUtil.getLong(address), MemoryUtil.getLong(address + 8));
      }
      case BYTES -> {
        BaseVariableWidthVector bytes = (BaseVariableWidthVector) vector;
        int start = bytes.getStartOffset(row);
        table.keyBytes(bytes.getDataBufferAddress() + start, bytes.getEndOffset(row) - start);
      }
      case NULL -> table.keyNull();
    }
  }

  private void accumulate(AccumulatorUpdate accumulator, FieldVector[] arguments, int group, int slot, int row) {
    DataType type = accumulator.argument().dataType();
    FieldVector argument = arguments[0];
    switch (accumulator.kind()) {
      case COUNT, COUNT_ROWS -> table.count(group, slot);
      case SUM_LONG -> table.sumLong(group, slot, Columns.longReader(argument).get(row));
      case AVG_LONG -> table.avgLong(group, slot, Columns.longReader(argument).get(row));
      case SUM_DOUBLE -> table.sumDouble(group, slot, Columns.doubleReader(argument).get(row));
      case AVG_DOUBLE -> table.avgDouble(group, slot, Columns.doubleReader(argument).get(row));
      case SUM_DECIMAL -> {
        long address = decimalAddress(argument, row);
        table.sumDecimal(group, slot, MemoryUtil.getLong(address), MemoryUtil.getLong(address + 8));
      }
      case AVG_DECIMAL -> {
        long address = decimalAddress(argument, row);
        table.avgDecimal(group, slot, MemoryUtil.getLong(address), MemoryUtil.getLong(address + 8));
      }
      case MIN, MAX -> extreme(accumulator.kind() == AccumulatorKind.MIN, type, argument, group, slot, row);
      case COUNT_IF -> table.countIf(group, slot, Columns.getBoolean(argument, row));
      case BOOL_AND -> table.boolAnd(group, slot, Columns.getBoolean(argument, row));
      case BOOL_OR -> table.boolOr(group, slot, Columns.getBoolean(argument, row));
      case VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP, SKEWNESS, KURTOSIS ->
          table.moment(group, slot, Columns.doubleReader(argument).get(row));
      case COVAR_POP, COVAR_SAMP, CORR -> table.coMoment(group, slot, Columns.doubleReader(argument).get(row),
          Columns.doubleReader(arguments[1]).get(row));
      case OBJECT -> throw new IllegalStateException("object accumulators are staged, not accumulated");
    }
  }

  private void extreme(boolean minimum, DataType type, FieldVector argument, int group, int slot, int row) {
    switch (ValueFamily.of(type)) {
      case BOOLEAN, INTEGRAL -> {
        long value = type instanceof BooleanType
            ? (Columns.getBoolean(argument, row) ? 1 : 0)
            : Columns.longReader(argument).get(row);
        if (minimum) {
          table.minLong(group, slot, value);
        } else {
          table.maxLong(group, slot, value);
        }
      }
      case FRACTIONAL -> {
        double value = Columns.doubleReader(argument).get(row);
        if (minimum) {
          table.minDouble(group, slot, value);
        } else {
          table.maxDouble(group, slot, value);
        }
      }
      case DECIMAL -> {
        long address = decimalAddress(argument, row);
        if (minimum) {
          table.minDecimal(group, slot, MemoryUtil.getLong(address), MemoryUtil.getLong(address + 8));
        } else {
          table.maxDecimal(group, slot, MemoryUtil.getLong(address), MemoryUtil.getLong(address + 8));
        }
      }
      case BYTES -> {
        BaseVariableWidthVector bytes = (BaseVariableWidthVector) argument;
        int start = bytes.getStartOffset(row);
        long address = bytes.getDataBufferAddress() + start;
        int length = bytes.getEndOffset(row) - start;
        if (minimum) {
          table.minBytes(group, slot, address, length);
        } else {
          table.maxBytes(group, slot, address, length);
        }
      }
      case NULL -> { }
    }
  }

  private static long decimalAddress(FieldVector vector, int row) {
    return ((DecimalVector) vector).getDataBufferAddress() + (long) row * DecimalVector.TYPE_WIDTH;
  }

  private static void closeAll(FieldVector[] vectors) {
    for (FieldVector vector : vectors) {
      if (vector != null) {
        vector.close();
      }
    }
  }
}
