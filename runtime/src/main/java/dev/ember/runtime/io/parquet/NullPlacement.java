package dev.ember.runtime.io.parquet;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Puts densely decoded values at their rows once the definition levels are known: decoders write
 * the {@code defined} non-null values of a run of {@code count} rows to its first rows, and these
 * loops move them back to front into place, then set the validity bits. A run without nulls needs
 * none of this but {@link #setAllValid}.
 */
final class NullPlacement {
  private NullPlacement() {}

  /** Moves the dense fixed-width values at {@code base} to the rows whose level is {@code maxLevel}. */
  static void spreadFixedWidth(long base, int width, int[] levels, int count, int defined, int maxLevel) {
    int value = defined - 1;
    switch (width) {
      case 1 -> {
        for (int row = count - 1; row > value && value >= 0; row--) {
          if (levels[row] == maxLevel) {
            MemoryUtil.putByte(base + row, MemoryUtil.getByte(base + value--));
          }
        }
      }
      case 2 -> {
        for (int row = count - 1; row > value && value >= 0; row--) {
          if (levels[row] == maxLevel) {
            MemoryUtil.putShort(base + 2L * row, MemoryUtil.getShort(base + 2L * value--));
          }
        }
      }
      case 4 -> {
        for (int row = count - 1; row > value && value >= 0; row--) {
          if (levels[row] == maxLevel) {
            MemoryUtil.putInt(base + 4L * row, MemoryUtil.getInt(base + 4L * value--));
          }
        }
      }
      case 8 -> {
        for (int row = count - 1; row > value && value >= 0; row--) {
          if (levels[row] == maxLevel) {
            MemoryUtil.putLong(base + 8L * row, MemoryUtil.getLong(base + 8L * value--));
          }
        }
      }
      default -> {
        for (int row = count - 1; row > value && value >= 0; row--) {
          if (levels[row] == maxLevel) {
            MemoryUtil.copyMemory(base + (long) width * value--, base + (long) width * row, width);
          }
        }
      }
    }
    // Rows left holding a moved value's stale copy are null; their bytes are never read.
  }

  /**
   * Gives null rows an empty value in a variable-width vector whose first {@code defined} values
   * were written densely: {@code endOffsets} is the address of the end offset of the run's first
   * row; the offset before it (the run's start) is at {@code endOffsets - 4}.
   */
  static void spreadOffsets(long endOffsets, int[] levels, int count, int defined, int maxLevel) {
    int value = defined - 1;
    int startOffset = MemoryUtil.getInt(endOffsets - 4);
    // Once row and value meet, every row before is non-null and already in place.
    for (int row = count - 1; row > value; row--) {
      if (levels[row] == maxLevel) {
        MemoryUtil.putInt(endOffsets + 4L * row, MemoryUtil.getInt(endOffsets + 4L * value--));
      } else {
        // A null's end is the previous value's end, so its length is 0.
        MemoryUtil.putInt(endOffsets + 4L * row, value >= 0 ? MemoryUtil.getInt(endOffsets + 4L * value) : startOffset);
      }
    }
  }

  /** Sets the validity bits of rows {@code startRow …} whose level is {@code maxLevel}. */
  static void setValid(long validity, int startRow, int[] levels, int count, int maxLevel) {
    for (int i = 0; i < count; i++) {
      if (levels[i] == maxLevel) {
        setBit(validity, startRow + i);
      }
    }
  }

  /** Sets the validity bits of rows {@code startRow … startRow + count}, whole bytes at a time. */
  static void setAllValid(long validity, int startRow, int count) {
    int row = startRow;
    int end = startRow + count;
    while (row < end && (row & 7) != 0) {
      setBit(validity, row++);
    }
    int wholeBytes = (end - row) >>> 3;
    if (wholeBytes > 0) {
      MemoryUtil.setMemory(validity + (row >>> 3), wholeBytes, (byte) 0xFF);
      row += wholeBytes << 3;
    }
    while (row < end) {
      setBit(validity, row++);
    }
  }

  static void setBit(long bits, int index) {
    long address = bits + (index >>> 3);
    MemoryUtil.putByte(address, (byte) (MemoryUtil.getByte(address) | (1 << (index & 7))));
  }
}
