package dev.ember.runtime.io.parquet;

import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * Decodes Parquet's RLE/bit-packed hybrid encoding (repetition and definition levels, dictionary
 * ids, RLE booleans) into an {@code int[]}. RLE runs are filled with {@link Arrays#fill}; a
 * bit-packed run is unpacked whole, 32 or 8 values per call of parquet-mr's generated
 * {@link BytePacker}, and then copied out as requested.
 */
final class RleBitPackedHybridDecoder {
  private final PageInput input;
  private final int bitWidth;
  private final int valueBytes;
  private final BytePacker packer;
  /** Values of the current run left to hand out. */
  private int runLeft;
  private boolean runIsRepeated;
  private int repeatedValue;
  /** The unpacked values of the current bit-packed run, handed out from {@link #packedIndex}. */
  private int[] packed = new int[64];
  private int packedIndex;

  RleBitPackedHybridDecoder(PageInput input, int bitWidth) {
    if (bitWidth < 0 || bitWidth > 32) {
      throw new IllegalArgumentException("Bit width " + bitWidth + " is not between 0 and 32");
    }
    this.input = input;
    this.bitWidth = bitWidth;
    this.valueBytes = (bitWidth + 7) / 8;
    this.packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
  }

  /** Decodes the next {@code count} values into {@code into[offset …]}. */
  void read(int[] into, int offset, int count) {
    int end = offset + count;
    while (offset < end) {
      if (runLeft == 0) {
        startRun();
      }
      int take = Math.min(runLeft, end - offset);
      if (runIsRepeated) {
        Arrays.fill(into, offset, offset + take, repeatedValue);
      } else {
        System.arraycopy(packed, packedIndex, into, offset, take);
        packedIndex += take;
      }
      runLeft -= take;
      offset += take;
    }
  }

  /** Moves past the next {@code count} values. */
  void skip(int count) {
    while (count > 0) {
      if (runLeft == 0) {
        startRun();
      }
      int take = Math.min(runLeft, count);
      if (!runIsRepeated) {
        packedIndex += take;
      }
      runLeft -= take;
      count -= take;
    }
  }

  /**
   * Decodes the next {@code count} values and returns how many equal {@code value}: for definition
   * levels, the number of non-null values among them.
   */
  int readAndCount(int[] into, int offset, int count, int value) {
    int end = offset + count;
    int matches = 0;
    while (offset < end) {
      if (runLeft == 0) {
        startRun();
      }
      int take = Math.min(runLeft, end - offset);
      if (runIsRepeated) {
        Arrays.fill(into, offset, offset + take, repeatedValue);
        if (repeatedValue == value) {
          matches += take;
        }
      } else {
        int[] source = packed;
        int from = packedIndex;
        for (int i = 0; i < take; i++) {
          int next = source[from + i];
          into[offset + i] = next;
          matches += next == value ? 1 : 0;
        }
        packedIndex += take;
      }
      runLeft -= take;
      offset += take;
    }
    return matches;
  }

  private void startRun() {
    int header = input.readUnsignedVarInt();
    if ((header & 1) == 0) {
      runIsRepeated = true;
      runLeft = header >>> 1;
      repeatedValue = input.readPaddedInt(valueBytes);
      if (runLeft == 0) {
        throw new IllegalStateException("Empty RLE run in Parquet page at byte " + input.position());
      }
      return;
    }
    int groups = header >>> 1;
    if (groups == 0) {
      throw new IllegalStateException("Empty bit-packed run in Parquet page at byte " + input.position());
    }
    runIsRepeated = false;
    int values = groups * 8;
    if (packed.length < values) {
      packed = new int[Math.max(values, packed.length * 2)];
    }
    // A writer may end the last run early, so only the bytes present are read; missing ones count as 0.
    int runBytes = groups * bitWidth;
    byte[] source = input.array();
    int start = input.position();
    int available = Math.min(runBytes, input.remaining());
    if (available < runBytes) {
      source = Arrays.copyOfRange(source, start, start + runBytes);
      Arrays.fill(source, available, runBytes, (byte) 0);
      start = 0;
    }
    int value = 0;
    int at = start;
    for (; value + 32 <= values; value += 32, at += 4 * bitWidth) {
      packer.unpack32Values(source, at, packed, value);
    }
    for (; value < values; value += 8, at += bitWidth) {
      packer.unpack8Values(source, at, packed, value);
    }
    input.skip(available);
    packedIndex = 0;
    runLeft = values;
  }
}
