package dev.ember.runtime.operators.window;

/** What a window function computes: a rank or offset over the ordered partition, or an aggregate over its frame. */
public enum WindowFunctionKind {
  ROW_NUMBER,
  RANK,
  DENSE_RANK,
  PERCENT_RANK,
  CUME_DIST,
  NTILE,
  LAG,
  LEAD,
  NTH_VALUE,
  FIRST,
  LAST,
  COUNT,
  SUM,
  AVG,
  MIN,
  MAX,
  STDDEV_SAMP,
  STDDEV_POP,
  VAR_SAMP,
  VAR_POP;

  /** Whether the function is computed from the rows of its frame (otherwise from positions in the partition). */
  public boolean usesFrame() {
    return switch (this) {
      case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD -> false;
      default -> true;
    };
  }
}
