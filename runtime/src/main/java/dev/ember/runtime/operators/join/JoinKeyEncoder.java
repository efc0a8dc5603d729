package dev.ember.runtime.operators.join;

import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.runtime.operators.aggregate.KeyHash;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Serializes one row's join key into a scratch buffer, one component at a time, in the layout of the
 * hash aggregate's keys: a tag byte (0 null, 1 value), then 8 bytes for integral, date, timestamp,
 * boolean and floating values, 16 for decimals, or a 4-byte length and the bytes; zero-padded to
 * whole words. Equal keys give equal bytes, so the table compares keys as bytes. Like Spark, -0.0
 * equals 0.0 and every NaN equals every other NaN.
 *
 * <p>Generated kernels call the per-component methods; the build side and the interpreted kernels
 * use {@link #addFromVector}. One encoder per worker: not thread-safe. Its scratch buffer is reserved
 * from the query's allocator.
 */
public final class JoinKeyEncoder implements AutoCloseable {
  static final String OPERATOR = "hash join";
  private static final int MAX_FIXED_COMPONENT = 17;

  private final BufferAllocator allocator;
  private ArrowBuf scratch;
  private long scratchAddress;
  private int length;
  private boolean unmatchable;

  public JoinKeyEncoder(BufferAllocator allocator) {
    this.allocator = allocator;
    this.scratch = OperatorMemory.allocateZeroed(allocator, 256, OPERATOR);
    this.scratchAddress = scratch.memoryAddress();
  }

  public void beginKey() {
    length = 0;
    unmatchable = false;
  }

  /** A null component of a {@code <=>} key: equal to another null. */
  public void keyNull() {
    ensure(1);
    MemoryUtil.putByte(scratchAddress + length, (byte) 0);
    length += 1;
  }

  /** A null component of an {@code =} key: the row matches no row at all. */
  public void keyUnmatchable() {
    unmatchable = true;
  }

  /** Whether some {@code =} component was null, so the key matches nothing. */
  public boolean unmatchable() {
    return unmatchable;
  }

  private void keyWord(long value) {
    ensure(9);
    long address = scratchAddress + length;
    MemoryUtil.putByte(address, (byte) 1);
    MemoryUtil.putLong(address + 1, value);
    length += 9;
  }

  public void keyBoolean(boolean value) {
    keyWord(value ? 1 : 0);
  }

  /** Also byte, short and date (days) keys. */
  public void keyInt(int value) {
    keyWord(value);
  }

  /** Also timestamp (microseconds) keys. */
  public void keyLong(long value) {
    keyWord(value);
  }

  public void keyFloat(float value) {
    keyWord(value == 0.0f ? 0 : Float.floatToIntBits(value));
  }

  public void keyDouble(double value) {
    keyWord(value == 0.0 ? 0 : Double.doubleToLongBits(value));
  }

  /** A decimal's 128-bit unscaled value: low half, then high half. Both sides share one scale. */
  public void keyDecimal(long low, long high) {
    ensure(MAX_FIXED_COMPONENT);
    long address = scratchAddress + length;
    MemoryUtil.putByte(address, (byte) 1);
    MemoryUtil.putLong(address + 1, low);
    MemoryUtil.putLong(address + 9, high);
    length += MAX_FIXED_COMPONENT;
  }

  /** String or binary bytes at an off-heap address. */
  public void keyBytes(long address, int byteCount) {
    ensure(5L + byteCount);
    long target = scratchAddress + length;
    MemoryUtil.putByte(target, (byte) 1);
    MemoryUtil.putInt(target + 1, byteCount);
    MemoryUtil.copyMemory(address, target + 5, byteCount);
    length += 5 + byteCount;
  }

  /** String or binary bytes held on the heap (a literal or computed string in generated code). */
  public void keyBytes(byte[] bytes) {
    ensure(5L + bytes.length);
    long target = scratchAddress + length;
    MemoryUtil.putByte(target, (byte) 1);
    MemoryUtil.putInt(target + 1, bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      MemoryUtil.putByte(target + 5 + i, bytes[i]);
    }
    length += 5 + bytes.length;
  }

  /**
   * Appends {@code vector}'s value at {@code row}: a null is {@link #keyNull} when {@code nullSafe},
   * else {@link #keyUnmatchable}.
   */
  public void addFromVector(FieldVector vector, int row, boolean nullSafe) {
    if (vector.isNull(row)) {
      if (nullSafe) {
        keyNull();
      } else {
        keyUnmatchable();
      }
      return;
    }
    if (vector instanceof IntVector ints) {
      keyInt(ints.get(row));
    } else if (vector instanceof BigIntVector longs) {
      keyLong(longs.get(row));
    } else if (vector instanceof VarCharVector || vector instanceof VarBinaryVector) {
      long offsets = vector.getOffsetBuffer().memoryAddress();
      int start = MemoryUtil.getInt(offsets + 4L * row);
      int end = MemoryUtil.getInt(offsets + 4L * (row + 1));
      keyBytes(vector.getDataBuffer().memoryAddress() + start, end - start);
    } else if (vector instanceof DateDayVector days) {
      keyInt(days.get(row));
    } else if (vector instanceof TimeStampVector timestamps) {
      keyLong(timestamps.get(row));
    } else if (vector instanceof DecimalVector decimals) {
      long address = decimals.getDataBuffer().memoryAddress() + 16L * row;
      keyDecimal(MemoryUtil.getLong(address), MemoryUtil.getLong(address + 8));
    } else if (vector instanceof Float8Vector doubles) {
      keyDouble(doubles.get(row));
    } else if (vector instanceof Float4Vector floats) {
      keyFloat(floats.get(row));
    } else if (vector instanceof SmallIntVector shorts) {
      keyInt(shorts.get(row));
    } else if (vector instanceof TinyIntVector bytes) {
      keyInt(bytes.get(row));
    } else if (vector instanceof BitVector bits) {
      keyBoolean(bits.get(row) != 0);
    } else {
      throw new IllegalArgumentException("a join key cannot be of Arrow type " + vector.getField().getType());
    }
  }

  /** Pads the key to whole words; call once after the last component, before reading it. */
  public void finishKey() {
    ensure(8);
    MemoryUtil.putLong(scratchAddress + length, 0L);
  }

  long address() {
    return scratchAddress;
  }

  int paddedLength() {
    return (length + 7) & ~7;
  }

  long hash() {
    return KeyHash.hash(scratchAddress, paddedLength());
  }

  private void ensure(long more) {
    // Room for the component and the zero word that pads the key.
    long required = length + more + 8;
    if (required > scratch.capacity()) {
      scratch = OperatorMemory.grow(allocator, scratch, length, Math.max(required, scratch.capacity() * 2), OPERATOR);
      scratchAddress = scratch.memoryAddress();
    }
  }

  @Override
  public void close() {
    if (scratch != null) {
      scratch.close();
      scratch = null;
    }
  }
}
