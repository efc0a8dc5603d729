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

  /**
   * Moves the dense fixed-width values at {@code base} to the rows whose level is {@code maxLevel}
   * and zeroes the null rows, as the old value-by-value reader left them (a kernel may read a null
   * slot's bytes). The 1-, 2-, 4- and 8-byte loops have no data-dependent branch: with random nulls
   * a branch per row mispredicts often.
   */
  static void spreadFixedWidth(long base, int width, int[] levels, int count, int defined, int maxLevel) {
    int value = defined - 1;
    // Once row and value meet, every row before is non-null and already in place.
    switch (width) {
      case 1 -> {
        for (int row = count - 1; row > value; row--) {
          boolean isDefined = levels[row] == maxLevel;
          byte moved = MemoryUtil.getByte(base + Math.max(value, 0));
          MemoryUtil.putByte(base + row, isDefined ? moved : 0);
          value -= isDefined ? 1 : 0;
        }
      }
      case 2 -> {
        for (int row = count - 1; row > value; row--) {
          boolean isDefined = levels[row] == maxLevel;
          short moved = MemoryUtil.getShort(base + 2L * Math.max(value, 0));
          MemoryUtil.putShort(base + 2L * row, isDefined ? moved : 0);
          value -= isDefined ? 1 : 0;
        }
      }
      case 4 -> {
        for (int row = count - 1; row > value; row--) {
          boolean isDefined = levels[row] == maxLevel;
          int moved = MemoryUtil.getInt(base + 4L * Math.max(value, 0));
          MemoryUtil.putInt(base + 4L * row, isDefined ? moved : 0);
          value -= isDefined ? 1 : 0;
        }
      }
      case 8 -> {
        for (int row = count - 1; row > value; row--) {
          boolean isDefined = levels[row] == maxLevel;
          long moved = MemoryUtil.getLong(base + 8L * Math.max(value, 0));
          MemoryUtil.putLong(base + 8L * row, isDefined ? moved : 0L);
          value -= isDefined ? 1 : 0;
        }
      }
      default -> {
        for (int row = count - 1; row > value; row--) {
          long target = base + (long) width * row;
          if (levels[row] == maxLevel) {
            MemoryUtil.copyMemory(base + (long) width * value--, target, width);
          } else {
            MemoryUtil.setMemory(target, width, (byte) 0);
          }
        }
      }
    }
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

  /**
   * Sets the validity bits of rows {@code startRow …} whose level is {@code maxLevel}. Whole bytes
   * inside the run are built without branches and stored at once (the run owns all their rows).
   */
  static void setValid(long validity, int startRow, int[] levels, int count, int maxLevel) {
    int i = 0;
    int row = startRow;
    for (; i < count && (row & 7) != 0; i++, row++) {
      if (levels[i] == maxLevel) {
        setBit(validity, row);
      }
    }
    for (; count - i >= 8; i += 8, row += 8) {
      int bits = 0;
      for (int k = 0; k < 8; k++) {
        bits |= (levels[i + k] == maxLevel ? 1 : 0) << k;
      }
      MemoryUtil.putByte(validity + (row >>> 3), (byte) bits);
    }
    for (; i < count; i++, row++) {
      if (levels[i] == maxLevel) {
        setBit(validity, row);
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
