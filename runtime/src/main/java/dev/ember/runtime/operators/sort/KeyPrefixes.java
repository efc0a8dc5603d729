package dev.ember.runtime.operators.sort;

import dev.ember.runtime.memory.OperatorMemory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * One 64-bit word per row whose unsigned order is the order of the leading sort keys, so most of the
 * sort compares plain words instead of calling the comparator. The keys are packed most significant
 * first, each as few bits as the data needs: a null bit only when the key has nulls (0 for the side
 * nulls go to), then the value's distance from the smallest (ascending) or largest (descending) value
 * present, which needs only as many bits as the values' range. Packing stops at the first key that
 * does not fit whole or whose bits are coarser than its order (strings with many distinct values: their
 * first 8 bytes); that key
 * contributes its top bits and {@link #decidedKeys} says where a comparator must take over for rows
 * with equal prefixes.
 */
final class KeyPrefixes implements AutoCloseable {
  private final ArrowBuf prefixes;
  private final int decidedKeys;

  private KeyPrefixes(ArrowBuf prefixes, int decidedKeys) {
    this.prefixes = prefixes;
    this.decidedKeys = decidedKeys;
  }

  /** The prefixes of rows {@code 0 .. rowCount-1} of {@code columns}; buffers come from {@code allocator}. */
  static KeyPrefixes of(SortColumn[] columns, int rowCount, BufferAllocator allocator, String operator) {
    ArrowBuf prefixes = OperatorMemory.allocateZeroed(allocator, 8L * rowCount, operator);
    try (ArrowBuf bits = OperatorMemory.allocate(allocator, 8L * rowCount, operator)) {
      long prefixAddress = prefixes.memoryAddress();
      long bitsAddress = bits.memoryAddress();
      int remaining = Long.SIZE;
      int decided = 0;
      for (SortColumn column : columns) {
        boolean exact = column.writeOrderedBits(bitsAddress, rowCount);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int row = 0; row < rowCount; row++) {
          if (!column.isNull(row)) {
            long value = MemoryUtil.getLong(bitsAddress + ((long) row << 3));
            min = Math.min(min, value);
            max = Math.max(max, value);
          }
        }
        // max - min is the range as an unsigned number; no non-null value means no value bits.
        int valueWidth = min > max ? 0 : Long.SIZE - Long.numberOfLeadingZeros(max - min);
        int nullWidth = column.hasNulls() ? 1 : 0;
        int takeNull = Math.min(nullWidth, remaining);
        int takeValue = Math.min(valueWidth, remaining - takeNull);
        if (takeNull + takeValue > 0) {
          append(column, prefixAddress, bitsAddress, rowCount, takeNull > 0, valueWidth, takeValue,
              column.ascending() ? min : max);
        }
        remaining -= takeNull + takeValue;
        if (takeNull < nullWidth || takeValue < valueWidth || !exact) {
          break;
        }
        decided++;
      }
      return new KeyPrefixes(prefixes, decided);
    } catch (RuntimeException e) {
      prefixes.close();
      throw e;
    }
  }

  /** Shifts every prefix left and appends the key's null bit and the top {@code takeValue} bits of its value. */
  private static void append(SortColumn column, long prefixAddress, long bitsAddress, int rowCount, boolean takeNull,
      int valueWidth, int takeValue, long origin) {
    boolean ascending = column.ascending();
    long nonNullBit = column.nullsFirst() ? 1 : 0;
    int dropped = valueWidth - takeValue;
    for (int row = 0; row < rowCount; row++) {
      long address = prefixAddress + ((long) row << 3);
      long prefix = MemoryUtil.getLong(address);
      boolean isNull = column.isNull(row);
      if (takeNull) {
        prefix = (prefix << 1) | (isNull ? nonNullBit ^ 1 : nonNullBit);
      }
      if (takeValue > 0) {
        long value = MemoryUtil.getLong(bitsAddress + ((long) row << 3));
        long distance = isNull ? 0 : ascending ? value - origin : origin - value;
        // A shift by 64 is a shift by 0 in Java; the prefix is still empty then.
        prefix = (takeValue == Long.SIZE ? 0 : prefix << takeValue) | (distance >>> dropped);
      }
      MemoryUtil.putLong(address, prefix);
    }
  }

  long address() {
    return prefixes.memoryAddress();
  }

  long prefix(int row) {
    return MemoryUtil.getLong(prefixes.memoryAddress() + ((long) row << 3));
  }

  /** How many leading keys the prefixes order completely; rows with equal prefixes are equal in these keys. */
  int decidedKeys() {
    return decidedKeys;
  }

  @Override
  public void close() {
    prefixes.close();
  }
}
