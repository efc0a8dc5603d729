package dev.ember.runtime.operators.aggregate;

/** What an accumulator slot of a hash aggregation table computes. */
public enum AccumulatorKind {
  /** Counts non-null inputs. */
  COUNT,
  /** Counts rows, {@code count(*)}. */
  COUNT_ROWS,
  SUM_LONG,
  SUM_DOUBLE,
  SUM_DECIMAL,
  /** Average of integral input, a double. */
  AVG_LONG,
  AVG_DOUBLE,
  AVG_DECIMAL,
  MIN,
  MAX
}
