package dev.ember.runtime.io.parquet;

/**
 * Decodes the next non-null values of a page, all of one fixed byte width (Parquet's storage width:
 * 1 byte per boolean, 4, 8, 12 for INT96, the type length for FIXED_LEN_BYTE_ARRAY), densely and
 * little-endian as PLAIN stores them, to raw memory. One call per run of values, so implementations
 * keep their per-value work in one loop.
 */
interface FixedWidthValuesDecoder {
  /** Writes {@code count} values to {@code address}, {@code address + width}, … */
  void read(int count, long address);

  /**
   * Consumes the next {@code count} values but writes only those at {@code positions[0 … selected)}
   * (ascending indexes among the {@code count}) to {@code address}, {@code address + width}, …
   */
  void readSelected(int count, int[] positions, int selected, long address);

  /** Consumes the next {@code count} values without writing them. */
  void skip(int count);
}
