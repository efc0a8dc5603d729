package dev.ember.runtime.operators.aggregate;

/** The aggregate functions a hash aggregate computes, by how they accumulate. */
public enum AccumulatorKind {
  /** {@code count(x)}: counts non-null inputs (the caller skips nulls). */
  COUNT,
  /** {@code count(*)}: counts rows. */
  COUNT_ROWS,
  /** {@code sum} of integral input into a bigint; overflow fails under ANSI, else wraps around. */
  SUM_LONG,
  /** {@code sum} of float or double input into a double. */
  SUM_DOUBLE,
  /** {@code sum} of decimal input into {@code decimal(p + 10, s)}. */
  SUM_DECIMAL,
  /** {@code avg} of integral input: a double sum divided by the count, as Spark casts input to double. */
  AVG_LONG,
  AVG_DOUBLE,
  /** {@code avg} of decimal input: exact sum, divided and rounded HALF_UP to the result scale. */
  AVG_DECIMAL,
  MIN,
  MAX
}
