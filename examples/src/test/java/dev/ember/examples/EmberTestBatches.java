package dev.ember.examples;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
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
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/** Builds Ember batches from Java values (null = SQL NULL), for tests that call file writers directly. */
final class EmberTestBatches {
  private EmberTestBatches() {}

  static ColumnBatch of(StructType schema, BufferAllocator allocator, List<Object[]> rows) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, rows.size());
    try {
      for (int column = 0; column < vectors.size(); column++) {
        FieldVector vector = vectors.get(column);
        for (int row = 0; row < rows.size(); row++) {
          set(vector, row, rows.get(row)[column]);
        }
        vector.setValueCount(rows.size());
      }
      return new ColumnBatch(schema, vectors, rows.size());
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  private static void set(FieldVector vector, int row, Object value) {
    if (value == null) {
      if (!(vector instanceof NullVector)) {
        vector.setNull(row);
      }
      return;
    }
    if (vector instanceof BitVector v) {
      v.setSafe(row, (Boolean) value ? 1 : 0);
    } else if (vector instanceof TinyIntVector v) {
      v.setSafe(row, (Byte) value);
    } else if (vector instanceof SmallIntVector v) {
      v.setSafe(row, (Short) value);
    } else if (vector instanceof IntVector v) {
      v.setSafe(row, (Integer) value);
    } else if (vector instanceof BigIntVector v) {
      v.setSafe(row, (Long) value);
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(row, (Float) value);
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(row, (Double) value);
    } else if (vector instanceof DecimalVector v) {
      v.setSafe(row, ((BigDecimal) value).setScale(v.getScale()));
    } else if (vector instanceof VarCharVector v) {
      v.setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof VarBinaryVector v) {
      v.setSafe(row, (byte[]) value);
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(row, Math.toIntExact(((LocalDate) value).toEpochDay()));
    } else if (vector instanceof TimeStampVector v) {
      v.setSafe(row, micros((Instant) value));
    } else {
      throw new IllegalArgumentException("no test setter for " + vector.getClass().getSimpleName());
    }
  }

  /** Microseconds since the epoch; ChronoUnit.MICROS.between overflows through nanoseconds before 1677. */
  static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
