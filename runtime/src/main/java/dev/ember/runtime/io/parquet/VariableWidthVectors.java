package dev.ember.runtime.io.parquet;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;

/** Raw access to a variable-width vector's offsets, for decoders that write many values at once. */
final class VariableWidthVectors {
  private VariableWidthVectors() {}

  /** The end offset of row {@code row - 1}, where row {@code row}'s bytes start. */
  static int startOffset(BaseVariableWidthVector vector, int row) {
    return MemoryUtil.getInt(vector.getOffsetBuffer().memoryAddress() + 4L * row);
  }

  /** Grows the data buffer (which moves it) until it holds {@code bytes}. */
  static void ensureDataCapacity(BaseVariableWidthVector vector, long bytes) {
    if (bytes > Integer.MAX_VALUE) {
      throw new IllegalStateException("A batch of " + bytes + " bytes is too large for one string column");
    }
    while (vector.getDataBuffer().capacity() < bytes) {
      vector.reallocDataBuffer();
    }
  }
}
