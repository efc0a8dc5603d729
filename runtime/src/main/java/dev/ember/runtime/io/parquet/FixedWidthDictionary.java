package dev.ember.runtime.io.parquet;

import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * The decoded dictionary page of a fixed-width column chunk, kept as {@code int[]} or {@code long[]}
 * for the 4- and 8-byte types so that turning ids into values is one load and one store each.
 * An id outside the dictionary fails with the array's bounds check.
 */
final class FixedWidthDictionary {
  private final int width;
  private final int size;
  private final int[] ints;
  private final long[] longs;
  /** Other widths (INT96, FIXED_LEN_BYTE_ARRAY): the PLAIN bytes, value {@code i} at {@code i * width}. */
  private final byte[] bytes;

  FixedWidthDictionary(PageInput input, int size, int width) {
    if (size < 0) {
      throw new IllegalStateException("Negative dictionary size " + size);
    }
    this.width = width;
    this.size = size;
    input.require(Math.multiplyExact(size, width));
    byte[] source = input.array();
    int start = input.position();
    int[] intValues = null;
    long[] longValues = null;
    byte[] byteValues = null;
    if (width == 4) {
      intValues = new int[size];
      for (int i = 0; i < size; i++) {
        intValues[i] = PageInput.getInt(source, start + 4 * i);
      }
    } else if (width == 8) {
      longValues = new long[size];
      for (int i = 0; i < size; i++) {
        longValues[i] = PageInput.getLong(source, start + 8 * i);
      }
    } else {
      byteValues = Arrays.copyOfRange(source, start, start + size * width);
    }
    this.ints = intValues;
    this.longs = longValues;
    this.bytes = byteValues;
  }

  int size() {
    return size;
  }

  int width() {
    return width;
  }

  /** Value {@code id} of a 4-byte dictionary (INT32, FLOAT bits). */
  int intAt(int id) {
    return ints[id];
  }

  /** Value {@code id} of an 8-byte dictionary (INT64, DOUBLE bits). */
  long longAt(int id) {
    return longs[id];
  }

  /** The bytes of value {@code id}, for widths other than 4 and 8. */
  byte[] bytesAt(int id) {
    checkId(id);
    return Arrays.copyOfRange(bytes, id * width, (id + 1) * width);
  }

  /** Writes the values of {@code ids[0 … count)} to {@code address}, densely. */
  void gather(int[] ids, int count, long address) {
    if (ints != null) {
      int[] values = ints;
      for (int i = 0; i < count; i++) {
        MemoryUtil.putInt(address + ((long) i << 2), values[ids[i]]);
      }
    } else if (longs != null) {
      long[] values = longs;
      for (int i = 0; i < count; i++) {
        MemoryUtil.putLong(address + ((long) i << 3), values[ids[i]]);
      }
    } else {
      for (int i = 0; i < count; i++) {
        int id = ids[i];
        checkId(id);
        MemoryUtil.copyToMemory(bytes, (long) id * width, address + (long) i * width, width);
      }
    }
  }

  private void checkId(int id) {
    if (id < 0 || id >= size) {
      throw new IllegalStateException("Dictionary id " + id + " is outside the dictionary of " + size + " values");
    }
  }
}
