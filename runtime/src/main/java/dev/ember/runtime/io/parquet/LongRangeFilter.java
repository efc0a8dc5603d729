package dev.ember.runtime.io.parquet;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * The comparisons of one column whose values are longs (integers, dates, timestamps, decimals of at
 * most 18 digits) merged into one inclusive range, {@code low <= value <= high}, which keeps only
 * non-null rows. One branch-free loop per value width: the filtered column is decoded for every row
 * of a batch, so this loop runs on all of them.
 */
final class LongRangeFilter {
  /** Bytes per slot: 1, 2, 4, 8, or 16 for a decimal whose value is its low word. */
  private final int width;
  private final long low;
  private final long high;

  LongRangeFilter(int width, long low, long high) {
    if (width != 1 && width != 2 && width != 4 && width != 8 && width != 16) {
      throw new IllegalArgumentException("No long range over slots of " + width + " bytes");
    }
    this.width = width;
    this.low = low;
    this.high = high;
  }

  /** A range no value is in. */
  static LongRangeFilter empty(int width) {
    return new LongRangeFilter(width, 1, 0);
  }

  /** The values in both ranges (over slots of the same width). */
  LongRangeFilter intersect(LongRangeFilter other) {
    if (other.width != width) {
      throw new IllegalArgumentException("Ranges over slots of " + width + " and " + other.width + " bytes");
    }
    return new LongRangeFilter(width, Math.max(low, other.low), Math.min(high, other.high));
  }

  long low() {
    return low;
  }

  long high() {
    return high;
  }

  /** Keeps of rows {@code rows[0 … count)} those in the range, moved to the front in order; returns how many. */
  int filter(FieldVector vector, int[] rows, int count) {
    if (low > high) {
      return 0;
    }
    long data = vector.getDataBuffer().memoryAddress();
    long validity = vector.getValidityBuffer().memoryAddress();
    boolean hasNulls = vector.getNullCount() > 0;
    int kept = 0;
    // Writing rows[kept] before knowing whether the row stays avoids a branch; kept <= i, so no row still to read is lost.
    switch (width) {
      case 1 -> {
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          long value = MemoryUtil.getByte(data + row);
          rows[kept] = row;
          kept += keep(value, hasNulls, validity, row);
        }
      }
      case 2 -> {
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          long value = MemoryUtil.getShort(data + 2L * row);
          rows[kept] = row;
          kept += keep(value, hasNulls, validity, row);
        }
      }
      case 4 -> {
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          long value = MemoryUtil.getInt(data + 4L * row);
          rows[kept] = row;
          kept += keep(value, hasNulls, validity, row);
        }
      }
      case 8 -> {
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          long value = MemoryUtil.getLong(data + 8L * row);
          rows[kept] = row;
          kept += keep(value, hasNulls, validity, row);
        }
      }
      default -> {
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          long value = MemoryUtil.getLong(data + 16L * row);
          rows[kept] = row;
          kept += keep(value, hasNulls, validity, row);
        }
      }
    }
    return kept;
  }

  private int keep(long value, boolean hasNulls, long validity, int row) {
    int inRange = (value >= low) & (value <= high) ? 1 : 0;
    if (hasNulls) {
      inRange &= (MemoryUtil.getByte(validity + (row >>> 3)) >>> (row & 7)) & 1;
    }
    return inRange;
  }
}
