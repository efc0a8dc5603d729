package dev.ember.runtime.io.partition;

import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.sql.types.StructField;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
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
 * Vectors holding one value in every row: a partition column within one file, built once per batch
 * so the generated pipeline reads it like any other column.
 */
public final class ConstantVectors {
  private ConstantVectors() {}

  /**
   * A new vector of {@code rows} copies of {@code value} (Ember's internal representation of the
   * field's type; null gives an all-null vector), owned by the caller.
   */
  public static FieldVector filled(StructField field, Object value, int rows, BufferAllocator allocator) {
    FieldVector vector = ArrowTypes.allocateVector(field, allocator, rows);
    try {
      if (value != null) {
        fill(vector, value, rows);
      }
      // A fresh vector's validity bits are zero, so without a value every row is null.
      vector.setValueCount(rows);
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  private static void fill(FieldVector vector, Object value, int rows) {
    if (vector instanceof IntVector ints) {
      int constant = (Integer) value;
      for (int row = 0; row < rows; row++) {
        ints.setSafe(row, constant);
      }
    } else if (vector instanceof BigIntVector longs) {
      long constant = (Long) value;
      for (int row = 0; row < rows; row++) {
        longs.setSafe(row, constant);
      }
    } else if (vector instanceof TimeStampVector timestamps) {
      long constant = (Long) value;
      for (int row = 0; row < rows; row++) {
        timestamps.setSafe(row, constant);
      }
    } else if (vector instanceof DateDayVector dates) {
      int constant = (Integer) value;
      for (int row = 0; row < rows; row++) {
        dates.setSafe(row, constant);
      }
    } else if (vector instanceof Float8Vector doubles) {
      double constant = (Double) value;
      for (int row = 0; row < rows; row++) {
        doubles.setSafe(row, constant);
      }
    } else if (vector instanceof Float4Vector floats) {
      float constant = (Float) value;
      for (int row = 0; row < rows; row++) {
        floats.setSafe(row, constant);
      }
    } else if (vector instanceof SmallIntVector shorts) {
      short constant = (Short) value;
      for (int row = 0; row < rows; row++) {
        shorts.setSafe(row, constant);
      }
    } else if (vector instanceof TinyIntVector bytes) {
      byte constant = (Byte) value;
      for (int row = 0; row < rows; row++) {
        bytes.setSafe(row, constant);
      }
    } else if (vector instanceof BitVector booleans) {
      int constant = (Boolean) value ? 1 : 0;
      for (int row = 0; row < rows; row++) {
        booleans.setSafe(row, constant);
      }
    } else if (vector instanceof DecimalVector decimals) {
      BigDecimal constant = (BigDecimal) value;
      for (int row = 0; row < rows; row++) {
        decimals.setSafe(row, constant);
      }
    } else if (vector instanceof VarCharVector strings) {
      byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
      strings.allocateNew((long) bytes.length * rows, rows);
      for (int row = 0; row < rows; row++) {
        strings.setSafe(row, bytes);
      }
    } else if (vector instanceof VarBinaryVector binaries) {
      byte[] bytes = (byte[]) value;
      binaries.allocateNew((long) bytes.length * rows, rows);
      for (int row = 0; row < rows; row++) {
        binaries.setSafe(row, bytes);
      }
    } else {
      throw new IllegalArgumentException("Cannot fill a vector of Arrow type " + vector.getField().getType()
          + " with a constant partition value");
    }
  }
}
