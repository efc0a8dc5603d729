package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.StringType;
import java.util.List;

/**
 * Where each accumulator's state lives in a group's fixed-width state row. Every slot starts 8-byte
 * aligned. Layouts (offsets within the slot):
 *
 * <pre>
 * COUNT, COUNT_ROWS            count@0
 * SUM_LONG, SUM_DOUBLE         seen@0 sum@8
 * SUM_DECIMAL                  seen@0 low@8 high@16
 * AVG_LONG, AVG_DOUBLE         count@0 doubleSum@8
 * AVG_DECIMAL                  count@0 low@8 high@16
 * MIN, MAX of long-encoded     seen@0 value@8   (boolean, byte, short, int, date, long, timestamp)
 * MIN, MAX of float, double    seen@0 value@8   (as double)
 * MIN, MAX of decimal          seen@0 low@8 high@16
 * MIN, MAX of string, binary   seen@0 offset@8 length@16 capacity@20   (bytes in the variable buffer)
 * COUNT_IF                     count@0
 * BOOL_AND, BOOL_OR            seen@0 value@8
 * VAR_*, STDDEV_*, SKEWNESS, KURTOSIS   n@0 avg@8 m2@16 m3@24 m4@32   (see CentralMoments)
 * COVAR_POP, COVAR_SAMP, CORR  n@0 xAvg@8 yAvg@16 ck@24 xMk@32 yMk@40   (see CoMoments)
 * OBJECT                       unused@0   (the state is on the heap, see GroupState)
 * </pre>
 */
final class AccumulatorLayout {
  /** How MIN/MAX values are stored and compared. */
  enum ValueClass { LONG, DOUBLE, DECIMAL, BYTES }

  private final List<AccumulatorSpec> accumulators;
  private final int[] offsets;
  private final ValueClass[] valueClasses;
  private final int rowBytes;

  AccumulatorLayout(List<AccumulatorSpec> accumulators) {
    this.accumulators = List.copyOf(accumulators);
    this.offsets = new int[accumulators.size()];
    this.valueClasses = new ValueClass[accumulators.size()];
    int offset = 0;
    for (int slot = 0; slot < accumulators.size(); slot++) {
      AccumulatorSpec spec = accumulators.get(slot);
      valueClasses[slot] = valueClassOf(spec.inputType());
      offsets[slot] = offset;
      offset += width(spec.kind(), valueClasses[slot]);
    }
    this.rowBytes = Math.max(offset, 8);
  }

  static ValueClass valueClassOf(DataType type) {
    if (type instanceof FloatType || type instanceof DoubleType) {
      return ValueClass.DOUBLE;
    } else if (type instanceof DecimalType) {
      return ValueClass.DECIMAL;
    } else if (type instanceof StringType || type instanceof BinaryType) {
      return ValueClass.BYTES;
    }
    return ValueClass.LONG;
  }

  private static int width(AccumulatorKind kind, ValueClass valueClass) {
    return switch (kind) {
      case COUNT, COUNT_ROWS -> 8;
      case SUM_LONG, SUM_DOUBLE, AVG_LONG, AVG_DOUBLE -> 16;
      case SUM_DECIMAL, AVG_DECIMAL -> 24;
      case MIN, MAX -> valueClass == ValueClass.DECIMAL || valueClass == ValueClass.BYTES ? 24 : 16;
      case COUNT_IF, OBJECT -> 8;
      case BOOL_AND, BOOL_OR -> 16;
      case VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP, SKEWNESS, KURTOSIS -> CentralMoments.WIDTH;
      case COVAR_POP, COVAR_SAMP, CORR -> CoMoments.WIDTH;
    };
  }

  int size() {
    return offsets.length;
  }

  AccumulatorSpec spec(int slot) {
    return accumulators.get(slot);
  }

  int[] offsets() {
    return offsets.clone();
  }

  int offset(int slot) {
    return offsets[slot];
  }

  ValueClass valueClass(int slot) {
    return valueClasses[slot];
  }

  int rowBytes() {
    return rowBytes;
  }
}
