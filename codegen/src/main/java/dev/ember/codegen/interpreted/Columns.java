package dev.ember.codegen.interpreted;

import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import java.math.BigDecimal;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
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
 * Typed access to the Arrow vectors of {@link ArrowTypes}' layout, in each type's {@link ValueFamily}.
 * Readers and writers are resolved once per vector, so a column loop does no type dispatch of its own.
 * Writes go to vectors from {@link #allocate}, whose validity bits start cleared: a row never written
 * is null.
 */
final class Columns {
  private Columns() {}

  interface LongReader {
    long get(int row);
  }

  interface DoubleReader {
    double get(int row);
  }

  interface LongWriter {
    void set(int row, long value);
  }

  interface DoubleWriter {
    void set(int row, double value);
  }

  /** A vector of {@code type} with room for {@code rows} values, all null until written. */
  static FieldVector allocate(String name, DataType type, BufferAllocator allocator, int rows) {
    return ArrowTypes.allocateVector(new StructField(name, type, true), allocator, Math.max(rows, 1));
  }

  static LongReader longReader(FieldVector vector) {
    if (vector instanceof BigIntVector v) {
      return v::get;
    } else if (vector instanceof IntVector v) {
      return v::get;
    } else if (vector instanceof DateDayVector v) {
      return v::get;
    } else if (vector instanceof TimeStampVector v) {
      return v::get;
    } else if (vector instanceof SmallIntVector v) {
      return v::get;
    } else if (vector instanceof TinyIntVector v) {
      return v::get;
    } else if (vector instanceof BaseIntVector v) {
      return v::getValueAsLong;
    }
    throw new IllegalArgumentException("not an integral vector: " + vector.getField());
  }

  static DoubleReader doubleReader(FieldVector vector) {
    if (vector instanceof Float8Vector v) {
      return v::get;
    } else if (vector instanceof Float4Vector v) {
      return v::get;
    }
    throw new IllegalArgumentException("not a floating point vector: " + vector.getField());
  }

  static LongWriter longWriter(FieldVector vector) {
    if (vector instanceof BigIntVector v) {
      return v::set;
    } else if (vector instanceof IntVector v) {
      return (row, value) -> v.set(row, (int) value);
    } else if (vector instanceof DateDayVector v) {
      return (row, value) -> v.set(row, (int) value);
    } else if (vector instanceof TimeStampVector v) {
      return v::set;
    } else if (vector instanceof SmallIntVector v) {
      return (row, value) -> v.set(row, (short) value);
    } else if (vector instanceof TinyIntVector v) {
      return (row, value) -> v.set(row, (byte) value);
    }
    throw new IllegalArgumentException("not an integral vector: " + vector.getField());
  }

  static DoubleWriter doubleWriter(FieldVector vector) {
    if (vector instanceof Float8Vector v) {
      return v::set;
    } else if (vector instanceof Float4Vector v) {
      return (row, value) -> v.set(row, (float) value);
    }
    throw new IllegalArgumentException("not a floating point vector: " + vector.getField());
  }

  static boolean getBoolean(FieldVector vector, int row) {
    return ((BitVector) vector).get(row) != 0;
  }

  static void setBoolean(FieldVector vector, int row, boolean value) {
    ((BitVector) vector).set(row, value ? 1 : 0);
  }

  static BigDecimal getDecimal(FieldVector vector, int row) {
    return ((DecimalVector) vector).getObjectNotNull(row);
  }

  static void setDecimal(FieldVector vector, int row, BigDecimal value) {
    ((DecimalVector) vector).set(row, value);
  }

  static byte[] getBytes(FieldVector vector, int row) {
    if (vector instanceof VarCharVector v) {
      return v.get(row);
    }
    return ((VarBinaryVector) vector).get(row);
  }

  static void setBytes(FieldVector vector, int row, byte[] value) {
    if (vector instanceof VarCharVector v) {
      v.setSafe(row, value);
    } else {
      ((VarBinaryVector) vector).setSafe(row, value);
    }
  }
}
