package dev.ember.runtime.operators.join;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * One bit per value in the range of a join key component's values, set for the values some build row
 * has: a scan's {@link JoinKeyFilter} tests a bit in a cache-resident array instead of looking up a
 * slot in a table that may be megabytes large. Ints are held sign-extended, so negative keys keep the
 * range small. The table owns the buffer and frees it with its other memory.
 */
public final class KeyBitmap {
  private final ArrowBuf buffer;
  private final long address;
  private final long min;
  private final long bits;

  KeyBitmap(ArrowBuf buffer, long min, long bits) {
    this.buffer = buffer;
    this.address = buffer.memoryAddress();
    this.min = min;
    this.bits = bits;
  }

  /** Whether some build row's component has {@code value}. */
  public boolean contains(long value) {
    long bit = value - min;
    return Long.compareUnsigned(bit, bits) < 0 && (MemoryUtil.getLong(address + ((bit >>> 6) << 3)) & (1L << bit)) != 0;
  }

  ArrowBuf buffer() {
    return buffer;
  }
}
