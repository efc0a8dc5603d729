package dev.ember.planner.expressions;

/**
 * A window frame as the user wrote it or the analyzer chose it: ROWS or RANGE between two offsets
 * from the current row. {@link #UNBOUNDED_PRECEDING} and {@link #UNBOUNDED_FOLLOWING} are the
 * partition's edges, 0 the current row. {@code writtenAsPreceding} records that SQL text gave negative
 * offsets as {@code n PRECEDING}, which Spark keeps in column names; the API's {@code rowsBetween(-1, 1)}
 * reads {@code -1 FOLLOWING}. It plays no part in equality.
 */
public record WindowFrameSpec(boolean rows, long lower, long upper, boolean writtenAsPreceding) {
  public static final long UNBOUNDED_PRECEDING = Long.MIN_VALUE;
  public static final long UNBOUNDED_FOLLOWING = Long.MAX_VALUE;
  public static final long CURRENT_ROW = 0;

  public WindowFrameSpec(boolean rows, long lower, long upper) {
    this(rows, lower, upper, false);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WindowFrameSpec frame && frame.rows == rows && frame.lower == lower
        && frame.upper == upper;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(rows, lower, upper);
  }

  public static final WindowFrameSpec WHOLE_PARTITION =
      new WindowFrameSpec(true, UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING);
  public static final WindowFrameSpec RUNNING_ROWS = new WindowFrameSpec(true, UNBOUNDED_PRECEDING, CURRENT_ROW);
  public static final WindowFrameSpec RUNNING_RANGE = new WindowFrameSpec(false, UNBOUNDED_PRECEDING, CURRENT_ROW);

  /** Whether a bound is an offset value (not unbounded, not the current row). */
  public static boolean isValueBound(long bound) {
    return bound != UNBOUNDED_PRECEDING && bound != UNBOUNDED_FOLLOWING && bound != CURRENT_ROW;
  }

  /** Spark's text: {@code ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}, {@code RANGE BETWEEN -1 FOLLOWING AND 1 FOLLOWING}. */
  public String sql() {
    return (rows ? "ROWS" : "RANGE") + " BETWEEN " + boundSql(lower) + " AND " + boundSql(upper);
  }

  private String boundSql(long bound) {
    if (bound == UNBOUNDED_PRECEDING) {
      return "UNBOUNDED PRECEDING";
    } else if (bound == UNBOUNDED_FOLLOWING) {
      return "UNBOUNDED FOLLOWING";
    } else if (bound == CURRENT_ROW) {
      return "CURRENT ROW";
    }
    return writtenAsPreceding && bound < 0 ? -bound + " PRECEDING" : bound + " FOLLOWING";
  }

  /** The explain form: {@code specifiedwindowframe(RowFrame, unboundedpreceding$(), currentrow$())}. */
  @Override
  public String toString() {
    return "specifiedwindowframe(" + (rows ? "RowFrame" : "RangeFrame") + ", " + boundString(lower) + ", "
        + boundString(upper) + ")";
  }

  private static String boundString(long bound) {
    if (bound == UNBOUNDED_PRECEDING) {
      return "unboundedpreceding$()";
    } else if (bound == UNBOUNDED_FOLLOWING) {
      return "unboundedfollowing$()";
    } else if (bound == CURRENT_ROW) {
      return "currentrow$()";
    }
    return Long.toString(bound);
  }
}
