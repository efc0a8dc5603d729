package dev.ember.runtime.operators.window;

/**
 * The rows a window function sees around the current row. ROWS frames count rows; RANGE frames
 * compare the single order key's value. Offsets are relative to the current row (negative is
 * before it); {@link #UNBOUNDED_PRECEDING} and {@link #UNBOUNDED_FOLLOWING} reach the partition's
 * edges and 0 is the current row (with its peers, for RANGE).
 */
public record WindowFrame(boolean rows, long lower, long upper) {
  public static final long UNBOUNDED_PRECEDING = Long.MIN_VALUE;
  public static final long UNBOUNDED_FOLLOWING = Long.MAX_VALUE;
  public static final long CURRENT_ROW = 0;

  public WindowFrame {
    if (lower == UNBOUNDED_FOLLOWING || upper == UNBOUNDED_PRECEDING) {
      throw new IllegalArgumentException("frame bounds are reversed: lower " + lower + ", upper " + upper);
    }
  }

  /** Whether the frame starts at the partition's first row, so that it only grows row by row. */
  public boolean growing() {
    return lower == UNBOUNDED_PRECEDING;
  }
}
