package dev.ember.runtime.operators.join;

import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.runtime.operators.aggregate.CompactKeyLayout;
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
 * <p>A key whose components all fit two 64-bit words ({@link CompactKeyLayout}) can also be read back
 * into those words ({@link #toWords}), and words made by generated code can be written out as bytes
 * ({@link #keyWords}): a table that holds compact keys is then probed with the same words either way.
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
  /** The key's words and null mask after {@link #toWords}. */
  private long word0;
  private long word1;
  private int wordNulls;

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

  /**
   * Writes a key built in two words by generated code as bytes, component by component in
   * {@code layout}'s order: a null component ({@code nulls} bit set) is {@link #keyNull} when its bit
   * in {@code nullSafeMask} is set, else {@link #keyUnmatchable}. Starts the key itself.
   */
  public void keyWords(CompactKeyLayout layout, long word0, long word1, int nulls, int nullSafeMask) {
    beginKey();
    for (int component = 0; component < layout.size(); component++) {
      int bit = 1 << component;
      if ((nulls & bit) != 0) {
        if ((nullSafeMask & bit) != 0) {
          keyNull();
        } else {
          keyUnmatchable();
        }
        continue;
      }
      long bits = (layout.word(component) == 0 ? word0 : word1) >>> layout.shift(component);
      switch (layout.encoding(component)) {
        case BOOLEAN -> keyWord(bits & 1);
        // Four-byte values are stored sign-extended, as keyInt and keyFloat write them.
        case INT, FLOAT -> keyWord((int) bits);
        case LONG, DOUBLE -> keyWord(bits);
        case DECIMAL -> keyDecimal(bits, bits >> 63);
        case BYTES -> throw new IllegalArgumentException("a compact join key cannot hold a string (component "
            + component + ")");
      }
    }
  }

  /**
   * Reads the key written so far back into the words of {@code layout} (then {@code word0()},
   * {@code word1()}, {@code wordNulls()}); false when no key of that layout can equal it (a value out of
   * the layout's range, or components of other widths), or when it is {@link #unmatchable}.
   */
  boolean toWords(CompactKeyLayout layout) {
    if (unmatchable) {
      return false;
    }
    long first = 0;
    long second = 0;
    int nulls = 0;
    int offset = 0;
    for (int component = 0; component < layout.size(); component++) {
      if (offset >= length) {
        return false;
      }
      long address = scratchAddress + offset;
      if (MemoryUtil.getByte(address) == 0) {
        nulls |= 1 << component;
        offset += 1;
        continue;
      }
      CompactKeyLayout.Encoding encoding = layout.encoding(component);
      int width = encoding == CompactKeyLayout.Encoding.DECIMAL ? MAX_FIXED_COMPONENT : 9;
      if (encoding == CompactKeyLayout.Encoding.BYTES || offset + width > length) {
        return false;
      }
      long value = MemoryUtil.getLong(address + 1);
      long bits;
      switch (encoding) {
        case BOOLEAN -> {
          if (value != 0 && value != 1) {
            return false;
          }
          bits = value;
        }
        case INT, FLOAT -> {
          if (value != (int) value) {
            return false;
          }
          bits = value & 0xFFFFFFFFL;
        }
        case DECIMAL -> {
          if (MemoryUtil.getLong(address + 9) != value >> 63) {
            return false;
          }
          bits = value;
        }
        default -> bits = value;
      }
      if (layout.word(component) == 0) {
        first |= bits << layout.shift(component);
      } else {
        second |= bits << layout.shift(component);
      }
      offset += width;
    }
    if (offset != length) {
      return false;
    }
    word0 = first;
    word1 = second;
    wordNulls = nulls;
    return true;
  }

  long word0() {
    return word0;
  }

  long word1() {
    return word1;
  }

  int wordNulls() {
    return wordNulls;
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
