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

  @Override
  public void readSelected(int count, int[] positions, int selected, long address) {
    int bytes = Math.multiplyExact(count, width);
    input.require(bytes);
    byte[] source = input.array();
    int base = input.position();
    switch (width) {
      case 4 -> {
        for (int k = 0; k < selected; k++) {
          MemoryUtil.putInt(address + 4L * k, PageInput.getInt(source, base + 4 * positions[k]));
        }
      }
      case 8 -> {
        for (int k = 0; k < selected; k++) {
          MemoryUtil.putLong(address + 8L * k, PageInput.getLong(source, base + 8 * positions[k]));
        }
      }
      default -> {
        for (int k = 0; k < selected; k++) {
          MemoryUtil.copyToMemory(source, base + (long) width * positions[k], address + (long) width * k, width);
        }
      }
    }
    input.skip(bytes);
  }

  @Override
  public void skip(int count) {
    input.skip(Math.multiplyExact(count, width));
  }
}
