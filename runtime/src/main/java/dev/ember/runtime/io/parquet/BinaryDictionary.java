package dev.ember.runtime.io.parquet;

import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * The decoded dictionary page of a BINARY column chunk: all values' bytes back to back, with
 * {@code size + 1} offsets, so that turning ids into strings is one copy per value. Values are
 * copied 8 bytes at a time (the array has 8 bytes of padding), which for short strings is several
 * times faster than a {@code copyMemory} call each; the bytes written past a value's end are
 * overwritten by the next value or lie beyond the last offset.
 */
final class BinaryDictionary {
  private static final int PADDING = 8;

  private final byte[] bytes;
  private final int[] offsets;

  BinaryDictionary(PageInput input, int size) {
    if (size < 0) {
      throw new IllegalStateException("Negative dictionary size " + size);
    }
    int[] valueOffsets = new int[size + 1];
    byte[] source = input.array();
    int start = input.position();
    // First pass: validate the lengths and find where the values end.
    int total = 0;
    for (int i = 0; i < size; i++) {
      int length = input.readIntLittleEndian();
      if (length < 0) {
        throw new IllegalStateException("Negative length " + length + " of dictionary value " + i);
      }
      input.skip(length);
      total += length;
      valueOffsets[i + 1] = total;
    }
    byte[] values = new byte[total + PADDING];
    int at = start;
    for (int i = 0; i < size; i++) {
      int length = valueOffsets[i + 1] - valueOffsets[i];
      System.arraycopy(source, at + 4, values, valueOffsets[i], length);
      at += 4 + length;
    }
    this.bytes = values;
    this.offsets = valueOffsets;
  }

  int size() {
    return offsets.length - 1;
  }

  byte[] valueAt(int id) {
    return Arrays.copyOfRange(bytes, offsets[id], offsets[id + 1]);
  }

  /** Appends the values of {@code ids[0 … count)} to {@code vector} from row {@code startRow}, densely. */
  void gather(int[] ids, int count, BaseVariableWidthVector vector, int startRow) {
    int[] valueOffsets = offsets;
    long total = 0;
    for (int i = 0; i < count; i++) {
      int id = ids[i];
      total += valueOffsets[id + 1] - valueOffsets[id];
    }
    int offset = VariableWidthVectors.startOffset(vector, startRow);
    VariableWidthVectors.ensureDataCapacity(vector, offset + total + PADDING);
    long data = vector.getDataBuffer().memoryAddress();
    long offsetAddress = vector.getOffsetBuffer().memoryAddress() + 4L * (startRow + 1);
    byte[] values = bytes;
    for (int i = 0; i < count; i++) {
      int id = ids[i];
      int from = valueOffsets[id];
      int length = valueOffsets[id + 1] - from;
      if (length <= 32) {
        for (int copied = 0; copied < length; copied += 8) {
          MemoryUtil.putLong(data + offset + copied, PageInput.getLong(values, from + copied));
        }
      } else {
        MemoryUtil.copyToMemory(values, from, data + offset, length);
      }
      offset += length;
      MemoryUtil.putInt(offsetAddress + 4L * i, offset);
    }
  }
}
