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
  MAX,
  /** {@code count_if}: counts true inputs (the caller skips nulls). */
  COUNT_IF,
  /** {@code bool_and}, {@code every}: null without non-null input. */
  BOOL_AND,
  /** {@code bool_or}, {@code some}, {@code any}. */
  BOOL_OR,
  // Central moments of double input, updated and merged as Spark does (see CentralMoments).
  VAR_SAMP,
  VAR_POP,
  STDDEV_SAMP,
  STDDEV_POP,
  SKEWNESS,
  KURTOSIS,
  // Co-moments of two double inputs (rows where either is null are skipped; see CoMoments).
  COVAR_POP,
  COVAR_SAMP,
  CORR,
  /**
   * Variable-size state kept on the heap per group ({@link GroupState}), made by the spec's
   * {@link ObjectAggregate}; its arguments are staged (nulls too) and then applied together.
   */
  OBJECT;

  /** Whether the kind updates {@link CentralMoments} state. */
  public boolean isCentralMoment() {
    return switch (this) {
      case VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP, SKEWNESS, KURTOSIS -> true;
      default -> false;
    };
  }

  /** Whether the kind updates {@link CoMoments} state. */
  public boolean isCoMoment() {
    return this == COVAR_POP || this == COVAR_SAMP || this == CORR;
  }
}
