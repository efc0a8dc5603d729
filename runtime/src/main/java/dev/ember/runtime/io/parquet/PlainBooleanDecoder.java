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
    long endBit = bit + count;
    input.require((int) ((endBit + 7) >>> 3) - (input.position() - start));
    byte[] bytes = input.array();
    for (int i = 0; i < count; i++) {
      long at = bit + i;
      MemoryUtil.putByte(address + i, (byte) ((bytes[start + (int) (at >>> 3)] >>> (at & 7)) & 1));
    }
    bit = endBit;
    input.skip(start + (int) ((endBit + 7) >>> 3) - input.position());
  }
}
