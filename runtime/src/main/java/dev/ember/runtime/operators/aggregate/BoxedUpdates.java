package dev.ember.runtime.operators.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Applies one row of boxed values (see {@link ObjectAggregate}) to any accumulator of a table, with the
 * same typed update a kernel would call: how a DISTINCT aggregate replays its distinct values.
 */
final class BoxedUpdates {
  private BoxedUpdates() {}

  static void apply(HashAggregationTable table, int group, int slot, Object[] values) {
    AccumulatorSpec spec = table.layout().spec(slot);
    Object value = values.length == 0 ? null : values[0];
    switch (spec.kind()) {
      case COUNT, COUNT_ROWS -> table.count(group, slot);
      case COUNT_IF -> table.countIf(group, slot, (Boolean) value);
      case BOOL_AND -> table.boolAnd(group, slot, (Boolean) value);
      case BOOL_OR -> table.boolOr(group, slot, (Boolean) value);
      case SUM_LONG -> table.sumLong(group, slot, (Long) value);
      case AVG_LONG -> table.avgLong(group, slot, (Long) value);
      case SUM_DOUBLE -> table.sumDouble(group, slot, asDouble(value));
      case AVG_DOUBLE -> table.avgDouble(group, slot, asDouble(value));
      case SUM_DECIMAL -> {
        BigInteger unscaled = ((BigDecimal) value).unscaledValue();
        table.sumDecimal(group, slot, Int128.low(unscaled), Int128.high(unscaled));
      }
      case AVG_DECIMAL -> {
        BigInteger unscaled = ((BigDecimal) value).unscaledValue();
        table.avgDecimal(group, slot, Int128.low(unscaled), Int128.high(unscaled));
      }
      case MIN, MAX -> extreme(table, group, slot, spec.kind() == AccumulatorKind.MIN, value);
      case VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP, SKEWNESS, KURTOSIS ->
          table.moment(group, slot, asDouble(value));
      case COVAR_POP, COVAR_SAMP, CORR -> table.coMoment(group, slot, asDouble(value), asDouble(values[1]));
      case OBJECT -> {
        for (int i = 0; i < values.length; i++) {
          stage(table, slot, i, values[i]);
        }
        table.updateObject(group, slot);
      }
    }
  }

  private static void stage(HashAggregationTable table, int slot, int argument, Object value) {
    if (value == null) {
      table.stageNull(slot, argument);
    } else if (value instanceof Boolean b) {
      table.stageBoolean(slot, argument, b);
    } else if (value instanceof Long l) {
      table.stageLong(slot, argument, l);
    } else if (value instanceof Double d) {
      table.stageDouble(slot, argument, d);
    } else if (value instanceof BigDecimal decimal) {
      BigInteger unscaled = decimal.unscaledValue();
      table.stageDecimal(slot, argument, Int128.low(unscaled), Int128.high(unscaled));
    } else {
      table.stageBytes(slot, argument, (byte[]) value);
    }
  }

  private static void extreme(HashAggregationTable table, int group, int slot, boolean minimum, Object value) {
    if (value instanceof Boolean b) {
      value = b ? 1L : 0L;
    }
    if (value instanceof Long l) {
      if (minimum) {
        table.minLong(group, slot, l);
      } else {
        table.maxLong(group, slot, l);
      }
    } else if (value instanceof Double d) {
      if (minimum) {
        table.minDouble(group, slot, d);
      } else {
        table.maxDouble(group, slot, d);
      }
    } else if (value instanceof BigDecimal decimal) {
      BigInteger unscaled = decimal.unscaledValue();
      if (minimum) {
        table.minDecimal(group, slot, Int128.low(unscaled), Int128.high(unscaled));
      } else {
        table.maxDecimal(group, slot, Int128.low(unscaled), Int128.high(unscaled));
      }
    } else {
      // The planner drops DISTINCT from min and max, so their string values are never replayed.
      throw new IllegalStateException("cannot replay a " + value.getClass().getSimpleName() + " into min or max");
    }
  }

  private static double asDouble(Object value) {
    return value instanceof Long l ? (double) l : (Double) value;
  }
}
