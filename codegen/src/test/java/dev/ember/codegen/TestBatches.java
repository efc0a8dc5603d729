package dev.ember.codegen;

import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.util.Text;

/** Builds small batches from Java values and reads results back as rows, for tests. */
public final class TestBatches {
  private TestBatches() {}

  /** One array per column (Integer, Long, Double, String, Boolean or BigDecimal values; null for null). */
  public static ColumnBatch batch(BufferAllocator allocator, StructType schema, Object[]... columns) {
    int rows = columns.length == 0 ? 0 : columns[0].length;
    List<FieldVector> vectors = new ArrayList<>();
    for (int c = 0; c < schema.length(); c++) {
      FieldVector vector = ArrowTypes.allocateVector(schema.apply(c), allocator, rows);
      for (int r = 0; r < rows; r++) {
        Object value = columns[c][r];
        if (value == null) {
          continue;
        }
        if (vector instanceof IntVector v) {
          v.setSafe(r, (Integer) value);
        } else if (vector instanceof BigIntVector v) {
          v.setSafe(r, ((Number) value).longValue());
        } else if (vector instanceof Float8Vector v) {
          v.setSafe(r, (Double) value);
        } else if (vector instanceof VarCharVector v) {
          v.setSafe(r, ((String) value).getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof BitVector v) {
          v.setSafe(r, (Boolean) value ? 1 : 0);
        } else if (vector instanceof DecimalVector v) {
          v.setSafe(r, (BigDecimal) value);
        } else {
          throw new IllegalArgumentException("unsupported test vector " + vector.getField());
        }
      }
      vector.setValueCount(rows);
      vectors.add(vector);
    }
    return new ColumnBatch(schema, vectors, rows);
  }

  /** The values of one vector, with strings as String. */
  public static List<Object> values(FieldVector vector) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < vector.getValueCount(); i++) {
      Object value = vector.getObject(i);
      out.add(value instanceof Text text ? text.toString() : value);
    }
    return out;
  }

  public static List<List<Object>> rows(QueryResult result) {
    List<List<Object>> rows = new ArrayList<>();
    for (ColumnBatch batch : result.batches()) {
      for (int r = 0; r < batch.rowCount(); r++) {
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < batch.columnCount(); c++) {
          Object value = batch.vector(c).getObject(r);
          row.add(value instanceof Text text ? text.toString() : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
