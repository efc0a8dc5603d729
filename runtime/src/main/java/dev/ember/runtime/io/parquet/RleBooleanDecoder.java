package dev.ember.runtime.io.parquet;

import org.apache.arrow.memory.util.MemoryUtil;

/** RLE booleans (data page v2): a 4-byte length, then the RLE/bit-packed hybrid with bit width 1. */
final class RleBooleanDecoder implements FixedWidthValuesDecoder {
  private final RleBitPackedHybridDecoder decoder;
  private int[] values = new int[0];

  RleBooleanDecoder(PageInput input) {
    int length = input.readIntLittleEndian();
    this.decoder = new RleBitPackedHybridDecoder(input.slice(length), 1);
  }

  @Override
  public void read(int count, long address) {
    if (values.length < count) {
      values = new int[count];
    }
    decoder.read(values, 0, count);
    for (int i = 0; i < count; i++) {
      MemoryUtil.putByte(address + i, (byte) values[i]);
    }
  }

  @Override
  public void readSelected(int count, int[] positions, int selected, long address) {
    if (values.length < count) {
      values = new int[count];
    }
    decoder.read(values, 0, count);
    for (int k = 0; k < selected; k++) {
      MemoryUtil.putByte(address + k, (byte) values[positions[k]]);
    }
  }

  @Override
  public void skip(int count) {
    decoder.skip(count);
  }
}
