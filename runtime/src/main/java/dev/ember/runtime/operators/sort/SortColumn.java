package dev.ember.runtime.operators.sort;

import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.runtime.batch.ColumnBatch;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * One sort key's values for a run of rows, extracted once into a fixed-width off-heap buffer indexed
 * by row number, so comparisons touch no vectors and box nothing. Compares with Spark's orderings;
 * direction and null placement are applied here too (nulls are placed the same way whatever the
 * direction).
 *
 * <p>The buffers come from the sort's allocator, so they count against the query's memory limit.
 * String and binary columns hold addresses into the batches' data buffers: a column must be closed
 * before (or with) the batches it was extracted from. Two columns extracted for the same key from
 * different batches can be compared with each other (top-N compares rows of different batches).
 */
abstract class SortColumn implements AutoCloseable {
  /** One byte per row, 1 for null; absent (null) when no row is null. */
  private final ArrowBuf nulls;
  private final long nullsAddress;
  private final ArrowBuf values;
  final long valuesAddress;
  private final int direction;
  private final int nullOrder;

  SortColumn(ArrowBuf nulls, ArrowBuf values, SortKey key) {
    this.nulls = nulls;
    this.nullsAddress = nulls == null ? 0 : nulls.memoryAddress();
    this.values = values;
    this.valuesAddress = values == null ? 0 : values.memoryAddress();
    this.direction = key.ascending() ? 1 : -1;
    this.nullOrder = key.nullsFirst() ? -1 : 1;
  }

  final int compare(int left, int right) {
    return compare(left, this, right);
  }

  /** Row {@code left} of this column against row {@code right} of {@code other}, the same key of other rows. */
  final int compare(int left, SortColumn other, int right) {
    if (nulls != null || other.nulls != null) {
      boolean leftNull = nulls != null && MemoryUtil.getByte(nullsAddress + left) != 0;
      boolean rightNull = other.nulls != null && MemoryUtil.getByte(other.nullsAddress + right) != 0;
      if (leftNull || rightNull) {
        return leftNull == rightNull ? 0 : leftNull ? nullOrder : -nullOrder;
      }
    }
    return direction * compareValues(valuesAddress, left, other.valuesAddress, right);
  }

  /** Compares two non-null values, each given by its column's values address and row. */
  abstract int compareValues(long leftValues, int left, long rightValues, int right);

  final boolean hasNulls() {
    return nulls != null;
  }

  final boolean isNull(int row) {
    return nulls != null && MemoryUtil.getByte(nullsAddress + row) != 0;
  }

  final boolean ascending() {
    return direction > 0;
  }

  final boolean nullsFirst() {
    return nullOrder < 0;
  }

  /**
   * Writes one long per row to {@code address} whose signed order is the ascending order of the
   * non-null values (null rows get any value), for the key prefixes. Returns true when the order is
   * exact (equal longs only for equal values), false when it is coarser, though never contradicting.
   */
  abstract boolean writeOrderedBits(long address, int rowCount);

  @Override
  public void close() {
    if (nulls != null) {
      nulls.close();
    }
    if (values != null) {
      values.close();
    }
  }

  private static int valueWidth(FieldVector vector) {
    if (vector instanceof NullVector) {
      return 0;
    } else if (vector instanceof DecimalVector) {
      return 16;
    } else if (vector instanceof BaseVariableWidthVector) {
      return BytesColumn.WIDTH;
    }
    return 8;
  }

  /**
   * Extracts key column {@code key.column()} of the batches (in order) into a comparable column,
   * allocating from {@code allocator}; {@code operator} names the sort in a memory error.
   */
  static SortColumn extract(
      List<ColumnBatch> batches, int rowCount, SortKey key, BufferAllocator allocator, String operator) {
    FieldVector first = batches.isEmpty() ? null : batches.get(0).vector(key.column());
    int width = first == null ? 0 : valueWidth(first);
    ArrowBuf nulls = null;
    ArrowBuf values = null;
    try {
      nulls = extractNulls(batches, rowCount, key.column(), allocator, operator);
      if (width == 0) {
        return new NullColumn(nulls, key);
      }
      values = OperatorMemory.allocate(allocator, (long) width * rowCount, operator);
      long address = values.memoryAddress();
      if (first instanceof Float8Vector || first instanceof Float4Vector) {
        extractDoubles(batches, key.column(), address);
        return new DoubleColumn(nulls, values, key);
      } else if (first instanceof DecimalVector) {
        extractDecimals(batches, key.column(), address);
        return new DecimalColumn(nulls, values, key);
      } else if (first instanceof BaseVariableWidthVector) {
        BytesColumn.extract(batches, key.column(), address);
        return new BytesColumn(nulls, values, key);
      }
      extractLongs(batches, key.column(), address);
      return new LongColumn(nulls, values, key);
    } catch (RuntimeException e) {
      if (nulls != null) {
        nulls.close();
      }
      if (values != null) {
        values.close();
      }
      throw e;
    }
  }

  /** The null flags, or {@code null} when no row is null (the common case needs no null checks). */
  private static ArrowBuf extractNulls(
      List<ColumnBatch> batches, int rowCount, int column, BufferAllocator allocator, String operator) {
    boolean anyNull = false;
    for (ColumnBatch batch : batches) {
      anyNull |= batch.vector(column).getNullCount() > 0;
    }
    if (!anyNull) {
      return null;
    }
    ArrowBuf nulls = OperatorMemory.allocate(allocator, rowCount, operator);
    long address = nulls.memoryAddress();
    long row = 0;
    for (ColumnBatch batch : batches) {
      FieldVector vector = batch.vector(column);
      for (int i = 0; i < batch.rowCount(); i++, row++) {
        MemoryUtil.putByte(address + row, (byte) (vector.isNull(i) ? 1 : 0));
      }
    }
    return nulls;
  }

  private static void extractLongs(List<ColumnBatch> batches, int column, long address) {
    long row = 0;
    for (ColumnBatch batch : batches) {
      FieldVector vector = batch.vector(column);
      for (int i = 0; i < batch.rowCount(); i++, row++) {
        MemoryUtil.putLong(address + (row << 3), vector.isNull(i) ? 0 : longValue(vector, i));
      }
    }
  }

  private static long longValue(FieldVector vector, int index) {
    if (vector instanceof BigIntVector v) {
      return v.get(index);
    } else if (vector instanceof IntVector v) {
      return v.get(index);
    } else if (vector instanceof DateDayVector v) {
      return v.get(index);
    } else if (vector instanceof SmallIntVector v) {
      return v.get(index);
    } else if (vector instanceof TinyIntVector v) {
      return v.get(index);
    } else if (vector instanceof BitVector v) {
      return v.get(index);
    } else if (vector instanceof TimeStampVector v) {
      return v.get(index);
    }
    throw new IllegalArgumentException("cannot sort by a column of " + vector.getField());
  }

  private static void extractDoubles(List<ColumnBatch> batches, int column, long address) {
    long row = 0;
    for (ColumnBatch batch : batches) {
      FieldVector vector = batch.vector(column);
      for (int i = 0; i < batch.rowCount(); i++, row++) {
        double value = vector.isNull(i) ? 0
            : vector instanceof Float8Vector v ? v.get(i) : ((Float4Vector) vector).get(i);
        MemoryUtil.putLong(address + (row << 3), Double.doubleToRawLongBits(value));
      }
    }
  }

  private static void extractDecimals(List<ColumnBatch> batches, int column, long address) {
    long row = 0;
    for (ColumnBatch batch : batches) {
      DecimalVector vector = (DecimalVector) batch.vector(column);
      MemoryUtil.copyMemory(vector.getDataBufferAddress(), address + row * DecimalVector.TYPE_WIDTH,
          (long) batch.rowCount() * DecimalVector.TYPE_WIDTH);
      row += batch.rowCount();
    }
  }

  /** A column of Spark's void type: every value is null, so only null placement matters. */
  private static final class NullColumn extends SortColumn {
    NullColumn(ArrowBuf nulls, SortKey key) {
      super(nulls, null, key);
    }

    @Override
    int compareValues(long leftValues, int left, long rightValues, int right) {
      return 0;
    }

    @Override
    boolean writeOrderedBits(long address, int rowCount) {
      MemoryUtil.setMemory(address, 8L * rowCount, (byte) 0);
      return true;
    }
  }

  /** Integral, date, timestamp and boolean (false before true) values. */
  private static final class LongColumn extends SortColumn {
    LongColumn(ArrowBuf nulls, ArrowBuf values, SortKey key) {
      super(nulls, values, key);
    }

    @Override
    int compareValues(long leftValues, int left, long rightValues, int right) {
      return Long.compare(
          MemoryUtil.getLong(leftValues + ((long) left << 3)), MemoryUtil.getLong(rightValues + ((long) right << 3)));
    }

    @Override
    boolean writeOrderedBits(long address, int rowCount) {
      MemoryUtil.copyMemory(valuesAddress, address, 8L * rowCount);
      return true;
    }
  }

  /** Spark's floating point order: -0.0 equals 0.0, NaN equals NaN and is above everything. */
  private static final class DoubleColumn extends SortColumn {
    DoubleColumn(ArrowBuf nulls, ArrowBuf values, SortKey key) {
      super(nulls, values, key);
    }

    @Override
    int compareValues(long leftValues, int left, long rightValues, int right) {
      double a = Double.longBitsToDouble(MemoryUtil.getLong(leftValues + ((long) left << 3)));
      double b = Double.longBitsToDouble(MemoryUtil.getLong(rightValues + ((long) right << 3)));
      if (a < b) {
        return -1;
      } else if (a > b) {
        return 1;
      } else if (a == b) {
        return 0;
      }
      boolean aNaN = Double.isNaN(a);
      return aNaN == Double.isNaN(b) ? 0 : aNaN ? 1 : -1;
    }

    /**
     * -0.0 becomes 0.0 and every NaN the one canonical NaN (above infinity); then negative values
     * have their magnitude bits flipped so that larger magnitudes order lower.
     */
    @Override
    boolean writeOrderedBits(long address, int rowCount) {
      for (long row = 0; row < rowCount; row++) {
        double value = Double.longBitsToDouble(MemoryUtil.getLong(valuesAddress + (row << 3)));
        long bits = Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
        MemoryUtil.putLong(address + (row << 3), bits >= 0 ? bits : bits ^ Long.MAX_VALUE);
      }
      return true;
    }
  }

  /** Unscaled 128-bit values as Arrow stores them (low half, then high half); one scale per column. */
  private static final class DecimalColumn extends SortColumn {
    DecimalColumn(ArrowBuf nulls, ArrowBuf values, SortKey key) {
      super(nulls, values, key);
    }

    @Override
    int compareValues(long leftValues, int left, long rightValues, int right) {
      long a = leftValues + ((long) left << 4);
      long b = rightValues + ((long) right << 4);
      int byHigh = Long.compare(MemoryUtil.getLong(a + 8), MemoryUtil.getLong(b + 8));
      return byHigh != 0 ? byHigh : Long.compareUnsigned(MemoryUtil.getLong(a), MemoryUtil.getLong(b));
    }

    /** The unscaled value when every value fits a long (always for precision up to 18), else its high half. */
    @Override
    boolean writeOrderedBits(long address, int rowCount) {
      boolean fitsLong = fitsLong(rowCount);
      for (long row = 0; row < rowCount; row++) {
        long entry = valuesAddress + (row << 4);
        MemoryUtil.putLong(address + (row << 3), MemoryUtil.getLong(fitsLong ? entry : entry + 8));
      }
      return fitsLong;
    }

    private boolean fitsLong(int rowCount) {
      for (long row = 0; row < rowCount; row++) {
        long entry = valuesAddress + (row << 4);
        // Null rows hold whatever Arrow left there: they must not make the column look wide.
        if (MemoryUtil.getLong(entry + 8) != MemoryUtil.getLong(entry) >> 63 && !isNull((int) row)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Strings (UTF-8) and binary by unsigned bytes, read in place from the batches' data buffers. Per
   * row: the value's address (8 bytes), then its length (4 bytes).
   */
  private static final class BytesColumn extends SortColumn {
    static final int WIDTH = 12;
    /** Columns with at most this many distinct values are ranked for the key prefixes. */
    private static final int MAX_RANKED_VALUES = 4096;

    BytesColumn(ArrowBuf nulls, ArrowBuf values, SortKey key) {
      super(nulls, values, key);
    }

    static void extract(List<ColumnBatch> batches, int column, long address) {
      long row = 0;
      for (ColumnBatch batch : batches) {
        BaseVariableWidthVector vector = (BaseVariableWidthVector) batch.vector(column);
        long offsets = vector.getOffsetBufferAddress();
        long data = vector.getDataBufferAddress();
        for (int i = 0; i < batch.rowCount(); i++, row++) {
          int start = MemoryUtil.getInt(offsets + ((long) i << 2));
          int end = MemoryUtil.getInt(offsets + ((long) (i + 1) << 2));
          long entry = address + row * WIDTH;
          MemoryUtil.putLong(entry, data + start);
          MemoryUtil.putInt(entry + 8, end - start);
        }
      }
    }

    @Override
    int compareValues(long leftValues, int left, long rightValues, int right) {
      long leftEntry = leftValues + (long) left * WIDTH;
      long rightEntry = rightValues + (long) right * WIDTH;
      long a = MemoryUtil.getLong(leftEntry);
      long b = MemoryUtil.getLong(rightEntry);
      int leftLength = MemoryUtil.getInt(leftEntry + 8);
      int rightLength = MemoryUtil.getInt(rightEntry + 8);
      int common = Math.min(leftLength, rightLength);
      int offset = 0;
      for (; offset + 8 <= common; offset += 8) {
        long wordA = MemoryUtil.getLong(a + offset);
        long wordB = MemoryUtil.getLong(b + offset);
        if (wordA != wordB) {
          return Long.compareUnsigned(Long.reverseBytes(wordA), Long.reverseBytes(wordB));
        }
      }
      for (; offset < common; offset++) {
        int byteA = MemoryUtil.getByte(a + offset) & 0xFF;
        int byteB = MemoryUtil.getByte(b + offset) & 0xFF;
        if (byteA != byteB) {
          return byteA - byteB;
        }
      }
      return Integer.compare(leftLength, rightLength);
    }

    /**
     * A column with few distinct values (priorities, flags, country codes) gets each row's rank among
     * them, which is exact and needs only a few prefix bits; any other gets its first 8 bytes,
     * big-endian and zero-padded, which is coarser: "ab" and "ab\0" share them, and longer values are cut.
     */
    @Override
    boolean writeOrderedBits(long address, int rowCount) {
      if (writeRanks(address, rowCount)) {
        return true;
      }
      for (long row = 0; row < rowCount; row++) {
        long entry = valuesAddress + row * WIDTH;
        long bytes = MemoryUtil.getLong(entry);
        int length = MemoryUtil.getInt(entry + 8);
        long word = 0;
        if (length >= 8) {
          word = Long.reverseBytes(MemoryUtil.getLong(bytes));
        } else {
          for (int i = 0; i < length; i++) {
            word |= (MemoryUtil.getByte(bytes + i) & 0xFFL) << (56 - 8 * i);
          }
        }
        // Flipping the top bit makes signed order the unsigned byte order.
        MemoryUtil.putLong(address + (row << 3), word ^ Long.MIN_VALUE);
      }
      return false;
    }

    /**
     * Writes each non-null row's rank among the distinct values and returns true, or returns false as
     * soon as there are more than {@link #MAX_RANKED_VALUES} of them (high-cardinality columns stop early).
     */
    private boolean writeRanks(long address, int rowCount) {
      int[] slots = new int[MAX_RANKED_VALUES * 2];
      Arrays.fill(slots, -1);
      int mask = slots.length - 1;
      int[] firstRows = new int[MAX_RANKED_VALUES];
      int distinct = 0;
      for (int row = 0; row < rowCount; row++) {
        if (isNull(row)) {
          continue;
        }
        int slot = hash(row) & mask;
        while (slots[slot] >= 0 && !sameBytes(firstRows[slots[slot]], row)) {
          slot = (slot + 1) & mask;
        }
        if (slots[slot] < 0) {
          if (distinct == MAX_RANKED_VALUES) {
            return false;
          }
          slots[slot] = distinct;
          firstRows[distinct++] = row;
        }
        MemoryUtil.putLong(address + ((long) row << 3), slots[slot]);
      }
      Integer[] byValue = new Integer[distinct];
      for (int i = 0; i < distinct; i++) {
        byValue[i] = i;
      }
      Arrays.sort(byValue, (a, b) -> compareValues(valuesAddress, firstRows[a], valuesAddress, firstRows[b]));
      long[] ranks = new long[distinct];
      for (int rank = 0; rank < distinct; rank++) {
        ranks[byValue[rank]] = rank;
      }
      for (int row = 0; row < rowCount; row++) {
        long bits = address + ((long) row << 3);
        MemoryUtil.putLong(bits, isNull(row) ? 0 : ranks[(int) MemoryUtil.getLong(bits)]);
      }
      return true;
    }

    private boolean sameBytes(int left, int right) {
      long leftEntry = valuesAddress + (long) left * WIDTH;
      long rightEntry = valuesAddress + (long) right * WIDTH;
      int length = MemoryUtil.getInt(leftEntry + 8);
      if (length != MemoryUtil.getInt(rightEntry + 8)) {
        return false;
      }
      long a = MemoryUtil.getLong(leftEntry);
      long b = MemoryUtil.getLong(rightEntry);
      int offset = 0;
      for (; offset + 8 <= length; offset += 8) {
        if (MemoryUtil.getLong(a + offset) != MemoryUtil.getLong(b + offset)) {
          return false;
        }
      }
      for (; offset < length; offset++) {
        if (MemoryUtil.getByte(a + offset) != MemoryUtil.getByte(b + offset)) {
          return false;
        }
      }
      return true;
    }

    private int hash(int row) {
      long entry = valuesAddress + (long) row * WIDTH;
      long bytes = MemoryUtil.getLong(entry);
      int length = MemoryUtil.getInt(entry + 8);
      long hash = length;
      int offset = 0;
      for (; offset + 8 <= length; offset += 8) {
        hash = (hash ^ MemoryUtil.getLong(bytes + offset)) * 0x9E3779B97F4A7C15L;
      }
      for (; offset < length; offset++) {
        hash = (hash ^ MemoryUtil.getByte(bytes + offset)) * 0x9E3779B97F4A7C15L;
      }
      return (int) (hash ^ (hash >>> 29) ^ (hash >>> 47));
    }
  }
}
