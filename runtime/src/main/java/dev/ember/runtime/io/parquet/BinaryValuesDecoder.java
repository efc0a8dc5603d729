package dev.ember.runtime.io.parquet;

import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Decodes the next non-null BINARY values of a page into a variable-width Arrow vector, densely from
 * row {@code startRow}: offsets {@code startRow + 1 …} and the bytes after the data already there.
 * The caller makes the vector's offsets and validity consistent afterwards.
 */
interface BinaryValuesDecoder {
  void read(int count, BaseVariableWidthVector vector, int startRow);

  /**
   * Consumes the next {@code count} values but writes only those at {@code positions[0 … selected)}
   * (ascending indexes among the {@code count}), densely from row {@code startRow}.
   */
  void readSelected(int count, int[] positions, int selected, BaseVariableWidthVector vector, int startRow);

  /** Consumes the next {@code count} values without writing them. */
  void skip(int count);
}
