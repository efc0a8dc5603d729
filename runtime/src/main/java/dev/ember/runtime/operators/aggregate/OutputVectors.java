package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.DataType;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
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

/** Writes aggregate results into output vectors allocated with room for the batch's rows. */
final class OutputVectors {
  private OutputVectors() {}

  /** Boolean, byte, short, int, date, long and timestamp values, encoded as a long. */
  static void setLong(FieldVector vector, int row, long value) {
    if (vector instanceof BigIntVector v) {
      v.set(row, value);
    } else if (vector instanceof IntVector v) {
      v.set(row, (int) value);
    } else if (vector instanceof DateDayVector v) {
      v.set(row, (int) value);
    } else if (vector instanceof SmallIntVector v) {
      v.set(row, (short) value);
    } else if (vector instanceof TinyIntVector v) {
      v.set(row, (byte) value);
    } else if (vector instanceof BitVector v) {
      v.set(row, value != 0 ? 1 : 0);
    } else if (vector instanceof TimeStampVector v) {
      v.set(row, value);
    } else if (vector instanceof Float8Vector v) {
      v.set(row, (double) value);
    } else {
      throw new IllegalArgumentException("cannot write an integral value into " + vector.getField());
    }
  }

  static void setDouble(FieldVector vector, int row, double value) {
    if (vector instanceof Float8Vector v) {
      v.set(row, value);
    } else if (vector instanceof Float4Vector v) {
      v.set(row, (float) value);
    } else {
      throw new IllegalArgumentException("cannot write a floating point value into " + vector.getField());
    }
  }

  static void setDecimal(FieldVector vector, int row, long low, long high) {
    if (!(vector instanceof DecimalVector v)) {
      throw new IllegalArgumentException("cannot write a decimal value into " + vector.getField());
    }
    long address = v.getDataBufferAddress() + (long) row * DecimalVector.TYPE_WIDTH;
    MemoryUtil.putLong(address, low);
    MemoryUtil.putLong(address + 8, high);
    BitVectorHelper.setBit(v.getValidityBuffer(), row);
  }

  /** Copies {@code length} bytes at an off-heap {@code address}; runs once per output value, not per input row. */
  static void setBytes(FieldVector vector, int row, long address, int length) {
    byte[] scratch = new byte[length];
    for (int i = 0; i < length; i++) {
      scratch[i] = MemoryUtil.getByte(address + i);
    }
    if (vector instanceof VarCharVector v) {
      v.setSafe(row, scratch, 0, length);
    } else if (vector instanceof VarBinaryVector v) {
      v.setSafe(row, scratch, 0, length);
    } else {
      throw new IllegalArgumentException("cannot write bytes into " + vector.getField());
    }
  }

  /** A boxed value (see {@link ObjectAggregate}); null leaves the row null. */
  static void setBoxed(FieldVector vector, int row, Object value) {
    if (value == null) {
      return;
    } else if (value instanceof java.util.List<?> || value instanceof Object[]
        || value instanceof dev.ember.runtime.batch.NestedValues.MapValue) {
      dev.ember.runtime.batch.NestedValues.write(vector, row, value);
    } else if (value instanceof Boolean b) {
      setLong(vector, row, b ? 1 : 0);
    } else if (value instanceof Long l) {
      setLong(vector, row, l);
    } else if (value instanceof Double d) {
      setDouble(vector, row, d);
    } else if (value instanceof java.math.BigDecimal decimal) {
      java.math.BigInteger unscaled = decimal.unscaledValue();
      setDecimal(vector, row, Int128.low(unscaled), Int128.high(unscaled));
    } else if (value instanceof byte[] bytes) {
      if (vector instanceof VarCharVector v) {
        v.setSafe(row, bytes);
      } else if (vector instanceof VarBinaryVector v) {
        v.setSafe(row, bytes);
      } else {
        throw new IllegalArgumentException("cannot write bytes into " + vector.getField());
      }
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " into " + vector.getField());
    }
  }

  static void setNull(FieldVector vector, int row) {
    BitVectorHelper.unsetBit(vector.getValidityBuffer(), row);
  }

  static boolean isBytes(DataType type) {
    return AccumulatorLayout.valueClassOf(type) == AccumulatorLayout.ValueClass.BYTES;
  }
}
