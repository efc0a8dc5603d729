package dev.ember.runtime.operators.sort;

import dev.ember.runtime.batch.ColumnBatch;
import java.util.List;
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
 * One sort key's values for all rows, extracted once into primitive arrays indexed by global row
 * number, so comparisons during the sort touch no vectors and box nothing. Compares with Spark's
 * orderings; direction and null placement are applied here too (nulls are placed the same way
 * whatever the direction).
 */
abstract class SortColumn {
  private final boolean[] nulls;
  private final int direction;
  private final int nullOrder;

  SortColumn(boolean[] nulls, SortKey key) {
    this.nulls = nulls;
    this.direction = key.ascending() ? 1 : -1;
    this.nullOrder = key.nullsFirst() ? -1 : 1;
  }

  final int compare(int left, int right) {
    if (nulls != null) {
      boolean leftNull = nulls[left];
      boolean rightNull = nulls[right];
      if (leftNull || rightNull) {
        return leftNull == rightNull ? 0 : leftNull ? nullOrder : -nullOrder;
      }
    }
    return direction * compareValues(left, right);
  }

  abstract int compareValues(int left, int right);

  /** Extracts key column {@code key.column()} of the batches (in order) into a comparable column. */
  static SortColumn extract(List<ColumnBatch> batches, int rowCount, SortKey key) {
    FieldVector first = batches.isEmpty() ? null : batches.get(0).vector(key.column());
    boolean[] nulls = new boolean[rowCount];
    boolean anyNull = false;
    int row = 0;
    for (ColumnBatch batch : batches) {
      FieldVector vector = batch.vector(key.column());
      for (int i = 0; i < batch.rowCount(); i++, row++) {
        if (vector.isNull(i)) {
          nulls[row] = true;
          anyNull = true;
        }
      }
    }
    boolean[] nullFlags = anyNull ? nulls : null;
    if (first == null || first instanceof NullVector) {
      return new SortColumn(nullFlags, key) {
        @Override
        int compareValues(int left, int right) {
          return 0;
        }
      };
    } else if (first instanceof Float8Vector || first instanceof Float4Vector) {
      return new DoubleColumn(nullFlags, key, extractDoubles(batches, rowCount, key.column()));
    } else if (first instanceof DecimalVector) {
      long[][] halves = extractDecimals(batches, rowCount, key.column());
      return new DecimalColumn(nullFlags, key, halves[0], halves[1]);
    } else if (first instanceof BaseVariableWidthVector) {
      return BytesColumn.extract(nullFlags, key, batches, rowCount);
    }
    return new LongColumn(nullFlags, key, extractLongs(batches, rowCount, key.column()));
  }

  private static long[] extractLongs(List<ColumnBatch> batches, int rowCount, int column) {
    long[] values = new long[rowCount];
    int row = 0;
    for (ColumnBatch batch : batches) {
      FieldVector vector = batch.vector(column);
      for (int i = 0; i < batch.rowCount(); i++, row++) {
        if (!vector.isNull(i)) {
          values[row] = longValue(vector, i);
        }
      }
    }
    return values;
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

  private static double[] extractDoubles(List<ColumnBatch> batches, int rowCount, int column) {
    double[] values = new double[rowCount];
    int row = 0;
    for (ColumnBatch batch : batches) {
      FieldVector vector = batch.vector(column);
      for (int i = 0; i < batch.rowCount(); i++, row++) {
        if (!vector.isNull(i)) {
          values[row] = vector instanceof Float8Vector v ? v.get(i) : ((Float4Vector) vector).get(i);
        }
      }
    }
    return values;
  }

  private static long[][] extractDecimals(List<ColumnBatch> batches, int rowCount, int column) {
    long[] low = new long[rowCount];
    long[] high = new long[rowCount];
    int row = 0;
    for (ColumnBatch batch : batches) {
      long address = ((DecimalVector) batch.vector(column)).getDataBufferAddress();
      for (int i = 0; i < batch.rowCount(); i++, row++) {
        low[row] = MemoryUtil.getLong(address + (long) i * DecimalVector.TYPE_WIDTH);
        high[row] = MemoryUtil.getLong(address + (long) i * DecimalVector.TYPE_WIDTH + 8);
      }
    }
    return new long[][] {low, high};
  }

  /** Integral, date, timestamp and boolean (false before true) values. */
  private static final class LongColumn extends SortColumn {
    private final long[] values;

    LongColumn(boolean[] nulls, SortKey key, long[] values) {
      super(nulls, key);
      this.values = values;
    }

    @Override
    int compareValues(int left, int right) {
      return Long.compare(values[left], values[right]);
    }
  }

  /** Spark's floating point order: -0.0 equals 0.0, NaN equals NaN and is above everything. */
  private static final class DoubleColumn extends SortColumn {
    private final double[] values;

    DoubleColumn(boolean[] nulls, SortKey key, double[] values) {
      super(nulls, key);
      this.values = values;
    }

    @Override
    int compareValues(int left, int right) {
      double a = values[left];
      double b = values[right];
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
  }

  /** Unscaled 128-bit values; every row of a column has the same scale. */
  private static final class DecimalColumn extends SortColumn {
    private final long[] low;
    private final long[] high;

    DecimalColumn(boolean[] nulls, SortKey key, long[] low, long[] high) {
      super(nulls, key);
      this.low = low;
      this.high = high;
    }

    @Override
    int compareValues(int left, int right) {
      int byHigh = Long.compare(high[left], high[right]);
      return byHigh != 0 ? byHigh : Long.compareUnsigned(low[left], low[right]);
    }
  }

  /** Strings (UTF-8) and binary by unsigned bytes, read in place from the batches' data buffers. */
  private static final class BytesColumn extends SortColumn {
    private final long[] addresses;
    private final int[] lengths;

    private BytesColumn(boolean[] nulls, SortKey key, long[] addresses, int[] lengths) {
      super(nulls, key);
      this.addresses = addresses;
      this.lengths = lengths;
    }

    static BytesColumn extract(boolean[] nulls, SortKey key, List<ColumnBatch> batches, int rowCount) {
      long[] addresses = new long[rowCount];
      int[] lengths = new int[rowCount];
      int row = 0;
      for (ColumnBatch batch : batches) {
        BaseVariableWidthVector vector = (BaseVariableWidthVector) batch.vector(key.column());
        long offsets = vector.getOffsetBufferAddress();
        long data = vector.getDataBufferAddress();
        for (int i = 0; i < batch.rowCount(); i++, row++) {
          int start = MemoryUtil.getInt(offsets + ((long) i << 2));
          int end = MemoryUtil.getInt(offsets + ((long) (i + 1) << 2));
          addresses[row] = data + start;
          lengths[row] = end - start;
        }
      }
      return new BytesColumn(nulls, key, addresses, lengths);
    }

    @Override
    int compareValues(int left, int right) {
      long a = addresses[left];
      long b = addresses[right];
      int common = Math.min(lengths[left], lengths[right]);
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
      return Integer.compare(lengths[left], lengths[right]);
    }
  }
}
