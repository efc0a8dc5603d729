package dev.ember.runtime.io.parquet;

import org.apache.arrow.memory.util.MemoryUtil;

/** PLAIN booleans: one bit per value, least significant bit first; written out one byte (0 or 1) each. */
final class PlainBooleanDecoder implements FixedWidthValuesDecoder {
  private final PageInput input;
  /** Index of the next bit, counted from {@code input}'s start position. */
  private long bit;
  private final int start;

  PlainBooleanDecoder(PageInput input) {
    this.input = input;
    this.start = input.position();
  }

  @Override
  public void read(int count, long address) {
    requireBits(count);
    byte[] bytes = input.array();
    for (int i = 0; i < count; i++) {
      long at = bit + i;
      MemoryUtil.putByte(address + i, (byte) ((bytes[start + (int) (at >>> 3)] >>> (at & 7)) & 1));
    }
    advance(count);
  }

  @Override
  public void readSelected(int count, int[] positions, int selected, long address) {
    requireBits(count);
    byte[] bytes = input.array();
    for (int k = 0; k < selected; k++) {
      long at = bit + positions[k];
      MemoryUtil.putByte(address + k, (byte) ((bytes[start + (int) (at >>> 3)] >>> (at & 7)) & 1));
    }
    advance(count);
  }

  @Override
  public void skip(int count) {
    requireBits(count);
    advance(count);
  }

  private void requireBits(int count) {
    input.require((int) ((bit + count + 7) >>> 3) - (input.position() - start));
  }

  private void advance(int count) {
    bit += count;
    input.skip(start + (int) ((bit + 7) >>> 3) - input.position());
  }
}
