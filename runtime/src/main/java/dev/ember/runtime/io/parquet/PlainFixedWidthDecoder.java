package dev.ember.runtime.io.parquet;

import org.apache.arrow.memory.util.MemoryUtil;

/** PLAIN fixed-width values are already in Arrow's little-endian layout: one bulk copy per call. */
final class PlainFixedWidthDecoder implements FixedWidthValuesDecoder {
  private final PageInput input;
  private final int width;

  PlainFixedWidthDecoder(PageInput input, int width) {
    this.input = input;
    this.width = width;
  }

  @Override
  public void read(int count, long address) {
    int bytes = Math.multiplyExact(count, width);
    input.require(bytes);
    MemoryUtil.copyToMemory(input.array(), input.position(), address, bytes);
    input.skip(bytes);
  }
}
