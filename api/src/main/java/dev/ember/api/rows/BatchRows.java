package dev.ember.api.rows;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.sql.Row;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Turns Arrow column batches into {@link Row}s of Spark's default external Java types: Boolean,
 * Byte, Short, Integer, Long, Float, Double, {@code java.math.BigDecimal} (with the column's scale),
 * String, {@code byte[]}, {@code java.sql.Date}, {@code java.sql.Timestamp}, null for the null
 * type, and Scala sequences, Scala maps and rows for arrays, maps and structs ({@link ExternalValues}). Rows carry the batch's schema. The batch is only read; the caller still owns and closes it.
 */
public final class BatchRows {
  private BatchRows() {}

  /** Reads the value at a row of one column, null for SQL NULL. */
  @FunctionalInterface
  private interface ColumnReader {
    Object read(int row);
  }

  /**
   * All rows of the batch.
   *
   * @param sessionZone the session time zone. Spark's {@code java.sql} values do not depend on it
   *     (they are built in the JVM default zone, see {@link SqlDateTimes}); it is taken so callers need
   *     not change when {@code java.time} results ({@code spark.sql.datetime.java8API.enabled}) arrive
   */
  public static List<Row> toRows(ColumnBatch batch, ZoneId sessionZone) {
    List<Row> rows = new ArrayList<>(batch.rowCount());
    appendRows(batch, sessionZone, rows, Integer.MAX_VALUE);
    return rows;
  }

  /** All rows of the batches, in order. */
  public static List<Row> toRows(List<ColumnBatch> batches, ZoneId sessionZone) {
    Objects.requireNonNull(batches, "batches is null");
    List<Row> rows = new ArrayList<>();
    for (ColumnBatch batch : batches) {
      appendRows(batch, sessionZone, rows, Integer.MAX_VALUE);
    }
    return rows;
  }

  /**
   * Appends the batch's first rows to {@code target}, at most {@code maxRows} of them; for
   * {@code show(n)}, which needs only {@code n + 1} rows.
   *
   * @return the number of rows appended
   */
  public static int appendRows(ColumnBatch batch, ZoneId sessionZone, List<? super Row> target, int maxRows) {
    return appendRows(batch, sessionZone, target, maxRows, false);
  }

  /**
   * All rows of the batch for {@code show()}: as {@link #toRows(ColumnBatch, ZoneId)}, but maps keep
   * the column's entry order (Scala's {@code ListMap}), which Spark's {@code show} prints them in.
   */
  public static List<Row> toDisplayRows(ColumnBatch batch, ZoneId sessionZone) {
    List<Row> rows = new ArrayList<>(batch.rowCount());
    appendRows(batch, sessionZone, rows, Integer.MAX_VALUE, true);
    return rows;
  }

  private static int appendRows(ColumnBatch batch, ZoneId sessionZone, List<? super Row> target, int maxRows,
      boolean mapsInColumnOrder) {
    Objects.requireNonNull(batch, "batch is null");
    Objects.requireNonNull(sessionZone, "sessionZone is null");
    Objects.requireNonNull(target, "target is null");
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must not be negative, got " + maxRows);
    }
    StructType schema = batch.schema();
    ColumnReader[] readers = new ColumnReader[batch.columnCount()];
    for (int column = 0; column < readers.length; column++) {
      readers[column] = reader(schema.apply(column).dataType(), batch.vector(column), mapsInColumnOrder);
    }
    int count = Math.min(batch.rowCount(), maxRows);
    for (int row = 0; row < count; row++) {
      Object[] values = new Object[readers.length];
      for (int column = 0; column < readers.length; column++) {
        values[column] = readers[column].read(row);
      }
      target.add(new GenericRow(values, schema));
    }
    return count;
  }

  private static ColumnReader reader(DataType type, FieldVector vector, boolean mapsInColumnOrder) {
    if (type instanceof NullType) {
      return row -> null;
    }
    if (NestedValues.isNested(type)) {
      return row -> ExternalValues.toExternal(NestedValues.read(vector, row), type, mapsInColumnOrder);
    }
    ColumnReader nonNull = nonNullReader(type, vector);
    return row -> vector.isNull(row) ? null : nonNull.read(row);
  }

  /**
   * A decimal row: values whose 128 bits are a sign-extended long (nearly all collected values) are
   * built from that long, without Arrow's byte array and BigInteger per value.
   */
  static BigDecimal readDecimal(DecimalVector decimals, int row, int scale) {
    long address = decimals.getDataBufferAddress() + (long) row * DecimalVector.TYPE_WIDTH;
    long low = MemoryUtil.getLong(address);
    if (MemoryUtil.getLong(address + 8) == (low >> 63)) {
      return BigDecimal.valueOf(low, scale);
    }
    return decimals.getObject(row);
  }

  private static ColumnReader nonNullReader(DataType type, FieldVector vector) {
    if (type instanceof BooleanType) {
      BitVector bits = (BitVector) vector;
      return row -> bits.get(row) != 0;
    } else if (type instanceof ByteType) {
      TinyIntVector bytes = (TinyIntVector) vector;
      return bytes::get;
    } else if (type instanceof ShortType) {
      SmallIntVector shorts = (SmallIntVector) vector;
      return shorts::get;
    } else if (type instanceof IntegerType) {
      IntVector ints = (IntVector) vector;
      return ints::get;
    } else if (type instanceof LongType) {
      BigIntVector longs = (BigIntVector) vector;
      return longs::get;
    } else if (type instanceof FloatType) {
      Float4Vector floats = (Float4Vector) vector;
      return floats::get;
    } else if (type instanceof DoubleType) {
      Float8Vector doubles = (Float8Vector) vector;
      return doubles::get;
    } else if (type instanceof DecimalType) {
      DecimalVector decimals = (DecimalVector) vector;
      int scale = decimals.getScale();
      return row -> readDecimal(decimals, row, scale);
    } else if (type instanceof StringType) {
      VarCharVector strings = (VarCharVector) vector;
      return row -> new String(strings.get(row), StandardCharsets.UTF_8);
    } else if (type instanceof BinaryType) {
      VarBinaryVector binaries = (VarBinaryVector) vector;
      return binaries::get;
    } else if (type instanceof DateType) {
      DateDayVector dates = (DateDayVector) vector;
      return row -> SqlDateTimes.toSqlDate(dates.get(row));
    } else if (type instanceof DayTimeIntervalType) {
      BigIntVector micros = (BigIntVector) vector;
      return row -> java.time.Duration.of(micros.get(row), java.time.temporal.ChronoUnit.MICROS);
    } else if (type instanceof YearMonthIntervalType) {
      IntVector months = (IntVector) vector;
      return row -> java.time.Period.ofMonths(months.get(row)).normalized();
    } else if (type instanceof TimestampType) {
      TimeStampMicroTZVector timestamps = (TimeStampMicroTZVector) vector;
      return row -> SqlDateTimes.toSqlTimestamp(timestamps.get(row));
    } else if (type instanceof TimestampNTZType) {
      TimeStampVector wallClocks = (TimeStampVector) vector;
      return row -> SqlDateTimes.toLocalDateTime(wallClocks.get(row));
    }
    throw new IllegalArgumentException(
        "cannot convert column " + vector.getName() + " of type " + type.simpleString() + " to Java values");
  }
}
