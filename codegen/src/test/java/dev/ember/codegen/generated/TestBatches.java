package dev.ember.codegen.generated;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/** Builds test batches from Java values and reads batches back as rows of Java values. */
final class TestBatches {
  private TestBatches() {}

  /** A batch of {@code rows} (each an Object[] in schema order; null for SQL null). */
  static ColumnBatch batch(BufferAllocator allocator, StructType schema, Object[]... rows) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, rows.length);
    try {
      for (int column = 0; column < schema.length(); column++) {
        FieldVector vector = vectors.get(column);
        for (int row = 0; row < rows.length; row++) {
          Object value = rows[row][column];
          if (value == null) {
            vector.setNull(row);
          } else {
            set(vector, row, value);
          }
        }
        vector.setValueCount(rows.length);
      }
      return new ColumnBatch(schema, vectors, rows.length);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  private static void set(FieldVector vector, int row, Object value) {
    if (vector instanceof ListVector || vector instanceof StructVector) {
      // Lists as java.util.List, maps as MapValue, structs as Object[]: NestedValues' objects.
      NestedValues.write(vector, row, value);
    } else if (vector instanceof BitVector v) {
      v.setSafe(row, (Boolean) value ? 1 : 0);
    } else if (vector instanceof TinyIntVector v) {
      v.setSafe(row, (Byte) value);
    } else if (vector instanceof SmallIntVector v) {
      v.setSafe(row, (Short) value);
    } else if (vector instanceof IntVector v) {
      v.setSafe(row, (Integer) value);
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(row, (Integer) value);
    } else if (vector instanceof BigIntVector v) {
      v.setSafe(row, (Long) value);
    } else if (vector instanceof TimeStampMicroTZVector v) {
      v.setSafe(row, (Long) value);
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(row, (Float) value);
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(row, (Double) value);
    } else if (vector instanceof DecimalVector v) {
      v.setSafe(row, (BigDecimal) value);
    } else if (vector instanceof VarCharVector v) {
      v.setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof VarBinaryVector v) {
      v.setSafe(row, (byte[]) value);
    } else {
      throw new IllegalArgumentException("no test setter for " + vector.getClass().getSimpleName());
    }
  }

  /** The rows of a batch as lists of Java values (strings as String, binaries as a List of bytes). */
  static List<List<Object>> rows(ColumnBatch batch) {
    List<List<Object>> rows = new ArrayList<>();
    for (int row = 0; row < batch.rowCount(); row++) {
      List<Object> values = new ArrayList<>();
      for (int column = 0; column < batch.columnCount(); column++) {
        values.add(value(batch.vector(column), row));
      }
      rows.add(values);
    }
    return rows;
  }

  static Object value(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    } else if (vector instanceof ListVector || vector instanceof StructVector) {
      return comparable(NestedValues.read(vector, row));
    } else if (vector instanceof BitVector v) {
      return v.get(row) != 0;
    } else if (vector instanceof VarCharVector v) {
      return new String(v.get(row), StandardCharsets.UTF_8);
    } else if (vector instanceof VarBinaryVector v) {
      byte[] bytes = v.get(row);
      List<Byte> list = new ArrayList<>();
      for (byte b : bytes) {
        list.add(b);
      }
      return list;
    } else if (vector instanceof DateDayVector v) {
      return v.get(row);
    } else if (vector instanceof TimeStampMicroTZVector v) {
      return v.get(row);
    }
    return vector.getObject(row);
  }

  /** A nested value with its structs as Lists, so that equals compares them field by field. */
  @SuppressWarnings("unchecked")
  private static Object comparable(Object value) {
    if (value instanceof Object[] fields) {
      List<Object> list = new ArrayList<>();
      for (Object field : fields) {
        list.add(comparable(field));
      }
      return list;
    } else if (value instanceof List<?> elements) {
      List<Object> list = new ArrayList<>();
      for (Object element : elements) {
        list.add(comparable(element));
      }
      return list;
    } else if (value instanceof NestedValues.MapValue map) {
      return new NestedValues.MapValue((List<Object>) comparable(map.keys()), (List<Object>) comparable(map.values()));
    }
    return value;
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** A sink partition that keeps every batch it receives; closing releases them. */
  static final class CollectingPartition implements SinkPartition, BatchConsumer {
    final List<ColumnBatch> batches = new ArrayList<>();
    private final long acceptLimit;

    CollectingPartition() {
      this(Long.MAX_VALUE);
    }

    /** Answers false (wants no more input) once it holds {@code acceptLimit} batches. */
    CollectingPartition(long acceptLimit) {
      this.acceptLimit = acceptLimit;
    }

    @Override
    public boolean accept(ColumnBatch batch) {
      batches.add(batch);
      return batches.size() < acceptLimit;
    }

    List<List<Object>> rows() {
      List<List<Object>> rows = new ArrayList<>();
      for (ColumnBatch batch : batches) {
        rows.addAll(TestBatches.rows(batch));
      }
      return rows;
    }

    @Override
    public void close() {
      batches.forEach(ColumnBatch::close);
      batches.clear();
    }
  }
}
