package dev.ember.runtime.io.parquet;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * PLAIN BINARY: a 4-byte little-endian length before each value. A first pass over the lengths
 * sizes the data buffer once; the second copies each value straight from the page.
 */
final class PlainBinaryDecoder implements BinaryValuesDecoder {
  private final PageInput input;
  /** Scratch: where each selected value's length prefix is in the page. */
  private int[] selectedStarts = new int[0];

  PlainBinaryDecoder(PageInput input) {
    this.input = input;
  }

  @Override
  public void read(int count, BaseVariableWidthVector vector, int startRow) {
    byte[] bytes = input.array();
    int start = input.position();
    int limit = input.limit();
    long total = 0;
    int at = start;
    for (int i = 0; i < count; i++) {
      if (limit - at < 4) {
        throw truncated(i, count);
      }
      int length = PageInput.getInt(bytes, at);
      if (length < 0 || length > limit - at - 4) {
        throw truncated(i, count);
      }
      total += length;
      at += 4 + length;
    }
    int startOffset = VariableWidthVectors.startOffset(vector, startRow);
    // 8 bytes of slack for the word-at-a-time copy of short values (see BinaryDictionary).
    VariableWidthVectors.ensureDataCapacity(vector, startOffset + total + 8);
    long data = vector.getDataBuffer().memoryAddress();
    long offsets = vector.getOffsetBuffer().memoryAddress() + 4L * (startRow + 1);
    int offset = startOffset;
    int wordCopyLimit = bytes.length - 4 - 32;
    at = start;
    for (int i = 0; i < count; i++) {
      int length = PageInput.getInt(bytes, at);
      if (length <= 32 && at <= wordCopyLimit) {
        for (int copied = 0; copied < length; copied += 8) {
          MemoryUtil.putLong(data + offset + copied, PageInput.getLong(bytes, at + 4 + copied));
        }
      } else {
        MemoryUtil.copyToMemory(bytes, at + 4, data + offset, length);
      }
      offset += length;
      MemoryUtil.putInt(offsets + 4L * i, offset);
      at += 4 + length;
    }
    input.skip(at - start);
  }

  @Override
  public void readSelected(int count, int[] positions, int selected, BaseVariableWidthVector vector, int startRow) {
    byte[] bytes = input.array();
    int start = input.position();
    int limit = input.limit();
    if (selectedStarts.length < selected) {
      selectedStarts = new int[Math.max(selected, 2 * selectedStarts.length)];
    }
    // First pass: walk every length (the values are back to back) and note where the selected ones start.
    long total = 0;
    int at = start;
    int next = 0;
    for (int i = 0; i < count; i++) {
      if (limit - at < 4) {
        throw truncated(i, count);
      }
      int length = PageInput.getInt(bytes, at);
      if (length < 0 || length > limit - at - 4) {
        throw truncated(i, count);
      }
      if (next < selected && positions[next] == i) {
        selectedStarts[next++] = at;
        total += length;
      }
      at += 4 + length;
    }
    int startOffset = VariableWidthVectors.startOffset(vector, startRow);
    VariableWidthVectors.ensureDataCapacity(vector, startOffset + total);
    long data = vector.getDataBuffer().memoryAddress();
    long offsets = vector.getOffsetBuffer().memoryAddress() + 4L * (startRow + 1);
    int offset = startOffset;
    for (int k = 0; k < selected; k++) {
      int from = selectedStarts[k];
      int length = PageInput.getInt(bytes, from);
      MemoryUtil.copyToMemory(bytes, from + 4, data + offset, length);
      offset += length;
      MemoryUtil.putInt(offsets + 4L * k, offset);
    }
    input.skip(at - start);
  }

  @Override
  public void skip(int count) {
    byte[] bytes = input.array();
    int start = input.position();
    int limit = input.limit();
    int at = start;
    for (int i = 0; i < count; i++) {
      if (limit - at < 4) {
        throw truncated(i, count);
      }
      int length = PageInput.getInt(bytes, at);
      if (length < 0 || length > limit - at - 4) {
        throw truncated(i, count);
      }
      at += 4 + length;
    }
    input.skip(at - start);
  }

  private IllegalStateException truncated(int value, int count) {
    return new IllegalStateException("Parquet page is truncated: value " + (value + 1) + " of " + count
        + " BINARY values runs past the page's " + input.limit() + " bytes");
  }
}
