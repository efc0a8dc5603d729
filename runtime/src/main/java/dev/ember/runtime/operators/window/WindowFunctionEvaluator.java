package dev.ember.runtime.operators.window;

/**
 * Computes one window function for every sorted row. Ranks and offsets read positions in the
 * partition; aggregates fold their frame's rows, incrementally while the frame only grows (the
 * default frames), from the frame's first row otherwise.
 */
final class WindowFunctionEvaluator {
  private WindowFunctionEvaluator() {}

  /**
   * @param input the argument's values in sorted row order (null when the function has none)
   * @param defaults lag/lead's default values (null for NULL)
   * @param bounds the frames, for frame aggregates
   */
  static Object[] evaluate(WindowFunctionSpec spec, RowGroups groups, Object[] input, Object[] defaults,
      FrameBounds bounds) {
    int rowCount = groups.partitionStart.length;
    Object[] results = new Object[rowCount];
    switch (spec.kind()) {
      case ROW_NUMBER -> {
        for (int row = 0; row < rowCount; row++) {
          results[row] = row - groups.partitionStart[row] + 1;
        }
      }
      case RANK -> {
        for (int row = 0; row < rowCount; row++) {
          results[row] = groups.peerStart[row] - groups.partitionStart[row] + 1;
        }
      }
      case DENSE_RANK -> {
        int rank = 0;
        for (int row = 0; row < rowCount; row++) {
          rank = row == groups.partitionStart[row] ? 1 : row == groups.peerStart[row] ? rank + 1 : rank;
          results[row] = rank;
        }
      }
      case PERCENT_RANK -> {
        for (int row = 0; row < rowCount; row++) {
          int size = groups.partitionEnd[row] - groups.partitionStart[row];
          int rank = groups.peerStart[row] - groups.partitionStart[row] + 1;
          results[row] = size == 1 ? 0.0 : (rank - 1) / (double) (size - 1);
        }
      }
      case CUME_DIST -> {
        for (int row = 0; row < rowCount; row++) {
          int size = groups.partitionEnd[row] - groups.partitionStart[row];
          results[row] = (groups.peerEnd[row] - groups.partitionStart[row]) / (double) size;
        }
      }
      case NTILE -> ntile(spec.offset(), groups, results);
      case LAG -> offsetValues(-spec.offset(), spec.ignoreNulls(), groups, input, defaults, results);
      case LEAD -> offsetValues(spec.offset(), spec.ignoreNulls(), groups, input, defaults, results);
      default -> aggregate(spec, groups, input, bounds, results);
    }
    return results;
  }

  /** The first {@code size % buckets} buckets hold one row more than the others. */
  private static void ntile(long buckets, RowGroups groups, Object[] results) {
    for (int row = 0; row < results.length; row++) {
      long size = groups.partitionEnd[row] - groups.partitionStart[row];
      long index = row - groups.partitionStart[row];
      long perBucket = size / buckets;
      long larger = size % buckets;
      long inLarger = larger * (perBucket + 1);
      long bucket = index < inLarger ? index / (perBucket + 1) : larger + (index - inLarger) / perBucket;
      results[row] = (int) (bucket + 1);
    }
  }

  /** lag (negative offset) and lead: the value that many rows away, or that many non-null values away. */
  private static void offsetValues(long offset, boolean ignoreNulls, RowGroups groups, Object[] input,
      Object[] defaults, Object[] results) {
    for (int row = 0; row < results.length; row++) {
      int start = groups.partitionStart[row];
      int end = groups.partitionEnd[row];
      int target = -1;
      if (!ignoreNulls || offset == 0) {
        long position = row + offset;
        target = position >= start && position < end ? (int) position : -1;
      } else {
        int step = offset > 0 ? 1 : -1;
        long remaining = Math.abs(offset);
        for (int candidate = row + step; candidate >= start && candidate < end; candidate += step) {
          if (input[candidate] != null && --remaining == 0) {
            target = candidate;
            break;
          }
        }
      }
      results[row] = target >= 0 ? input[target] : defaults == null ? null : defaults[row];
    }
  }

  private static void aggregate(WindowFunctionSpec spec, RowGroups groups, Object[] input, FrameBounds bounds,
      Object[] results) {
    FrameAccumulator accumulator = FrameAccumulator.of(spec);
    boolean growing = spec.frame().growing();
    int added = 0;
    int previousLower = -1;
    int previousUpper = -1;
    Object previous = null;
    for (int row = 0; row < results.length; row++) {
      int lower = bounds.lower[row];
      int upper = bounds.upper[row];
      if (growing) {
        if (row == groups.partitionStart[row]) {
          accumulator.reset();
          added = lower;
        }
        while (added < upper) {
          accumulator.add(input[added++]);
        }
        results[row] = accumulator.result();
      } else if (lower == previousLower && upper == previousUpper && row != groups.partitionStart[row]) {
        results[row] = previous;
      } else {
        accumulator.reset();
        for (int frameRow = lower; frameRow < upper; frameRow++) {
          accumulator.add(input[frameRow]);
        }
        results[row] = accumulator.result();
      }
      previousLower = lower;
      previousUpper = upper;
      previous = results[row];
    }
  }
}
