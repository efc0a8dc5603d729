package dev.ember.runtime.operators.window;

import dev.ember.runtime.operators.aggregate.BoxedValues;
import java.math.BigDecimal;

/**
 * The first row and the end (exclusive) of each row's frame. ROWS offsets count rows; RANGE offsets
 * add to the order key's value ("1 FOLLOWING" is a larger value when ascending, a smaller one when
 * descending), and a row whose key is NULL sees only its null peers. Both bounds only move forward as
 * the current row does, so each partition is walked once.
 */
final class FrameBounds {
  final int[] lower;
  final int[] upper;

  private FrameBounds(int rowCount) {
    lower = new int[rowCount];
    upper = new int[rowCount];
  }

  /**
   * @param orderKey the single order key's values (for RANGE frames with offsets), else null
   */
  static FrameBounds of(WindowFrame frame, RowGroups groups, Object[] orderKey, boolean ascending,
      boolean nullsFirst) {
    int rowCount = groups.partitionStart.length;
    FrameBounds bounds = new FrameBounds(rowCount);
    int lowerPointer = 0;
    int upperPointer = 0;
    for (int row = 0; row < rowCount; row++) {
      int start = groups.partitionStart[row];
      int end = groups.partitionEnd[row];
      if (row == start) {
        lowerPointer = start;
        upperPointer = start;
      }
      if (frame.rows()) {
        bounds.lower[row] = frame.lower() == WindowFrame.UNBOUNDED_PRECEDING ? start
            : (int) Math.max(start, Math.min(end, row + frame.lower()));
        bounds.upper[row] = frame.upper() == WindowFrame.UNBOUNDED_FOLLOWING ? end
            : (int) Math.max(start, Math.min(end, row + frame.upper() + 1));
      } else {
        bounds.lower[row] = switch (rangeBound(frame.lower())) {
          case UNBOUNDED -> start;
          case CURRENT -> groups.peerStart[row];
          case OFFSET -> {
            Object bound = shifted(orderKey[row], frame.lower(), ascending);
            while (lowerPointer < end && compare(orderKey[lowerPointer], bound, ascending, nullsFirst) < 0) {
              lowerPointer++;
            }
            yield lowerPointer;
          }
        };
        bounds.upper[row] = switch (rangeBound(frame.upper())) {
          case UNBOUNDED -> end;
          case CURRENT -> groups.peerEnd[row];
          case OFFSET -> {
            Object bound = shifted(orderKey[row], frame.upper(), ascending);
            upperPointer = Math.max(upperPointer, start);
            while (upperPointer < end && compare(orderKey[upperPointer], bound, ascending, nullsFirst) <= 0) {
              upperPointer++;
            }
            yield upperPointer;
          }
        };
      }
    }
    return bounds;
  }

  private enum RangeBound { UNBOUNDED, CURRENT, OFFSET }

  private static RangeBound rangeBound(long offset) {
    if (offset == WindowFrame.UNBOUNDED_PRECEDING || offset == WindowFrame.UNBOUNDED_FOLLOWING) {
      return RangeBound.UNBOUNDED;
    }
    return offset == 0 ? RangeBound.CURRENT : RangeBound.OFFSET;
  }

  /** The key value {@code offset} away in sort direction; null stays null. */
  private static Object shifted(Object key, long offset, boolean ascending) {
    if (key == null) {
      return null;
    }
    long signed = ascending ? offset : -offset;
    if (key instanceof BigDecimal decimal) {
      return decimal.add(BigDecimal.valueOf(signed));
    } else if (key instanceof Double || key instanceof Float) {
      return ((Number) key).doubleValue() + signed;
    }
    long value = ((Number) key).longValue();
    long sum = value + signed;
    // Saturate: a bound past the type's range lies beyond every key anyway.
    if (((value ^ sum) & (signed ^ sum)) < 0) {
      return signed > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return sum;
  }

  /** Compares a key with a bound in sort order: direction and null placement as the window orders. */
  private static int compare(Object key, Object bound, boolean ascending, boolean nullsFirst) {
    if (key == null || bound == null) {
      if (key == bound) {
        return 0;
      }
      return (key == null) == nullsFirst ? -1 : 1;
    }
    int byValue = BoxedValues.compare(normalized(key), normalized(bound));
    return ascending ? byValue : -byValue;
  }

  private static Object normalized(Object value) {
    if (value instanceof BigDecimal) {
      return value;
    } else if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue();
    }
    return ((Number) value).longValue();
  }
}
