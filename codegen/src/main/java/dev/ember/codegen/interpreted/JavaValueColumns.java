package dev.ember.codegen.interpreted;

import dev.ember.runtime.batch.NestedValues;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.codegen.semantics.ComparisonOps;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;

/**
 * Values of a vector as the Java objects function implementations take and return (see
 * {@code planner.functions.JavaValues}): boxed numbers of the exact width, {@code Integer} days,
 * {@code Long} microseconds, {@code BigDecimal}, {@code String}, {@code byte[]}; nested values as
 * {@link NestedValues} reads and writes them.
 */
final class JavaValueColumns {
  private JavaValueColumns() {}

  interface Reader {
    Object get(int row);
  }

  interface Writer {
    void set(int row, Object value);
  }

  static Reader reader(FieldVector vector, DataType type) {
    if (NestedValues.isNested(type)) {
      return row -> NestedValues.read(vector, row);
    }
    switch (ValueFamily.of(type)) {
      case BOOLEAN:
        return row -> Columns.getBoolean(vector, row);
      case INTEGRAL: {
        Columns.LongReader longs = Columns.longReader(vector);
        if (type instanceof ByteType) {
          return row -> (byte) longs.get(row);
        } else if (type instanceof ShortType) {
          return row -> (short) longs.get(row);
        } else if (type instanceof IntegerType || type instanceof DateType || type instanceof YearMonthIntervalType) {
          return row -> (int) longs.get(row);
        }
        return longs::get;
      }
      case FRACTIONAL: {
        Columns.DoubleReader doubles = Columns.doubleReader(vector);
        return type instanceof FloatType ? row -> (float) doubles.get(row) : doubles::get;
      }
      case DECIMAL:
        return row -> Columns.getDecimal(vector, row);
      case BYTES:
        return type instanceof StringType
            ? row -> new String(Columns.getBytes(vector, row), StandardCharsets.UTF_8)
            : row -> Columns.getBytes(vector, row);
      default:
        return row -> null;
    }
  }

  /** Like {@link #reader}, but strings as their UTF-8 bytes, which order as Spark orders strings. */
  static Reader comparableReader(FieldVector vector, DataType type) {
    return type instanceof StringType ? row -> Columns.getBytes(vector, row) : reader(vector, type);
  }

  /** Spark's ordering of two non-null values of one type, as from {@link #comparableReader}. */
  static int compare(Object left, Object right) {
    if (left instanceof Double || left instanceof Float) {
      return ComparisonOps.compare(((Number) left).doubleValue(), ((Number) right).doubleValue());
    } else if (left instanceof java.math.BigDecimal decimal) {
      return decimal.compareTo((java.math.BigDecimal) right);
    } else if (left instanceof byte[] bytes) {
      return ComparisonOps.compareBytes(bytes, (byte[]) right);
    } else if (left instanceof Boolean flag) {
      return Boolean.compare(flag, (Boolean) right);
    }
    return Long.compare(((Number) left).longValue(), ((Number) right).longValue());
  }

  static Writer writer(FieldVector vector, DataType type) {
    if (NestedValues.isNested(type)) {
      // Lists and maps must be written in row order, which the callers do.
      return (row, value) -> NestedValues.write(vector, row, value);
    }
    switch (ValueFamily.of(type)) {
      case BOOLEAN:
        return (row, value) -> Columns.setBoolean(vector, row, (Boolean) value);
      case INTEGRAL: {
        Columns.LongWriter longs = Columns.longWriter(vector);
        return (row, value) -> longs.set(row, ((Number) value).longValue());
      }
      case FRACTIONAL: {
        Columns.DoubleWriter doubles = Columns.doubleWriter(vector);
        return (row, value) -> doubles.set(row, ((Number) value).doubleValue());
      }
      case DECIMAL:
        return (row, value) -> Columns.setDecimal(vector, row, (java.math.BigDecimal) value);
      case BYTES:
        return type instanceof BinaryType || !(type instanceof StringType)
            ? (row, value) -> Columns.setBytes(vector, row, (byte[]) value)
            : (row, value) -> Columns.setBytes(vector, row, ((String) value).getBytes(StandardCharsets.UTF_8));
      default:
        throw new IllegalArgumentException("cannot write function results of type " + type.simpleString());
    }
  }
}
