package dev.ember.runtime.io.parquet;

import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.YearMonthIntervalType;
import dev.ember.sql.types.TimestampType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.parquet.io.api.Binary;

/**
 * Value writers from Ember's Arrow layout ({@code ArrowTypes}) to the physical types of
 * {@link ParquetWriteSchemas}. Bytes go through one reused array per column, so writing allocates no
 * object per row beyond parquet-mr's own {@link Binary} wrapper.
 */
final class ParquetValueWriters {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final long NANOS_PER_MICRO = 1_000L;
  private static final long MICROS_PER_MILLI = 1_000L;
  /** Julian day number of 1970-01-01: INT96 timestamps count days from the Julian epoch. */
  static final int JULIAN_DAY_OF_UNIX_EPOCH = 2_440_588;
  private static final int INT96_BYTES = 12;

  /** One column's reusable scratch space; it lives as long as the file writer. */
  static final class Scratch {
    private byte[] bytes = new byte[64];
    private final ByteBuffer int96 = ByteBuffer.allocate(INT96_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    byte[] atLeast(int length) {
      if (bytes.length < length) {
        bytes = new byte[Math.max(length, bytes.length * 2)];
      }
      return bytes;
    }
  }

  private ParquetValueWriters() {}

  static ParquetValueWriter forVector(DataType type, FieldVector vector, Scratch scratch,
      ParquetTimestampStorage timestamps) {
    // Values are read straight from the data buffers: the caller has checked validity, and the
    // vectors' own getters would check it again for every value.
    if (type instanceof BooleanType) {
      BitVector bits = (BitVector) vector;
      return (consumer, row) -> consumer.addBoolean(bits.get(row) != 0);
    } else if (type instanceof ByteType) {
      ArrowBuf data = vector.getDataBuffer();
      return (consumer, row) -> consumer.addInteger(data.getByte((long) row * TinyIntVector.TYPE_WIDTH));
    } else if (type instanceof ShortType) {
      ArrowBuf data = vector.getDataBuffer();
      return (consumer, row) -> consumer.addInteger(data.getShort((long) row * SmallIntVector.TYPE_WIDTH));
    } else if (type instanceof IntegerType || type instanceof DateType || type instanceof YearMonthIntervalType) {
      ArrowBuf data = vector.getDataBuffer();
      return (consumer, row) -> consumer.addInteger(data.getInt((long) row * IntVector.TYPE_WIDTH));
    } else if (type instanceof LongType || type instanceof DayTimeIntervalType) {
      ArrowBuf data = vector.getDataBuffer();
      return (consumer, row) -> consumer.addLong(data.getLong((long) row * BigIntVector.TYPE_WIDTH));
    } else if (type instanceof FloatType) {
      ArrowBuf data = vector.getDataBuffer();
      return (consumer, row) -> consumer.addFloat(data.getFloat((long) row * Float4Vector.TYPE_WIDTH));
    } else if (type instanceof DoubleType) {
      ArrowBuf data = vector.getDataBuffer();
      return (consumer, row) -> consumer.addDouble(data.getDouble((long) row * Float8Vector.TYPE_WIDTH));
    } else if (type instanceof DecimalType decimal) {
      return decimalWriter(decimal, (DecimalVector) vector, scratch);
    } else if (type instanceof StringType || type instanceof BinaryType) {
      return variableWidthWriter((BaseVariableWidthVector) vector, scratch);
    } else if (type instanceof TimestampType) {
      ArrowBuf data = vector.getDataBuffer();
      return switch (timestamps) {
        case INT96 -> (consumer, row) ->
            consumer.addBinary(int96(data.getLong((long) row * TimeStampVector.TYPE_WIDTH), scratch));
        case TIMESTAMP_MICROS -> (consumer, row) ->
            consumer.addLong(data.getLong((long) row * TimeStampVector.TYPE_WIDTH));
        case TIMESTAMP_MILLIS -> (consumer, row) ->
            consumer.addLong(Math.floorDiv(data.getLong((long) row * TimeStampVector.TYPE_WIDTH), MICROS_PER_MILLI));
      };
    } else if (type instanceof TimestampNTZType) {
      ArrowBuf data = vector.getDataBuffer();
      return (consumer, row) -> consumer.addLong(data.getLong((long) row * TimeStampVector.TYPE_WIDTH));
    } else if (type instanceof NullType) {
      return (consumer, row) -> {
        throw new IllegalStateException("a void column has no values to write, but row " + row + " is not null");
      };
    }
    throw new IllegalArgumentException("No Parquet value writer for Spark type " + type.simpleString());
  }

  private static ParquetValueWriter variableWidthWriter(BaseVariableWidthVector vector, Scratch scratch) {
    ArrowBuf data = vector.getDataBuffer();
    ArrowBuf offsets = vector.getOffsetBuffer();
    return (consumer, row) -> {
      int start = offsets.getInt((long) row * BaseVariableWidthVector.OFFSET_WIDTH);
      int length = offsets.getInt((long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH) - start;
      byte[] bytes = scratch.atLeast(length);
      data.getBytes(start, bytes, 0, length);
      consumer.addBinary(Binary.fromReusedByteArray(bytes, 0, length));
    };
  }

  private static ParquetValueWriter decimalWriter(DecimalType type, DecimalVector vector, Scratch scratch) {
    ArrowBuf data = vector.getDataBuffer();
    if (type.precision() <= ParquetWriteSchemas.MAX_INT32_DECIMAL_PRECISION) {
      // The unscaled value fits in the low 32 bits of Arrow's little-endian 128-bit integer.
      return (consumer, row) -> consumer.addInteger(data.getInt((long) row * DecimalVector.TYPE_WIDTH));
    } else if (type.precision() <= ParquetWriteSchemas.MAX_INT64_DECIMAL_PRECISION) {
      return (consumer, row) -> consumer.addLong(data.getLong((long) row * DecimalVector.TYPE_WIDTH));
    }
    int length = ParquetWriteSchemas.decimalByteLength(type.precision());
    return (consumer, row) -> {
      // Parquet wants big-endian two's complement in exactly `length` bytes: the low bytes of
      // Arrow's little-endian value, reversed (the dropped high bytes are only sign extension).
      long offset = (long) row * DecimalVector.TYPE_WIDTH;
      byte[] bytes = scratch.atLeast(length);
      for (int i = 0; i < length; i++) {
        bytes[length - 1 - i] = data.getByte(offset + i);
      }
      consumer.addBinary(Binary.fromReusedByteArray(bytes, 0, length));
    };
  }

  /**
   * Spark's INT96 timestamp: nanoseconds of the day (8 bytes) then the Julian day (4 bytes), both
   * little-endian, in UTC. Spark 4.2 writes with {@code int96RebaseModeInWrite=CORRECTED}, so dates
   * before 1582 are proleptic Gregorian and not rebased.
   */
  static Binary int96(long microsSinceEpoch, Scratch scratch) {
    long day = Math.floorDiv(microsSinceEpoch, MICROS_PER_DAY);
    long microsOfDay = Math.floorMod(microsSinceEpoch, MICROS_PER_DAY);
    ByteBuffer buffer = scratch.int96;
    buffer.putLong(0, microsOfDay * NANOS_PER_MICRO);
    buffer.putInt(8, Math.toIntExact(day + JULIAN_DAY_OF_UNIX_EPOCH));
    return Binary.fromReusedByteArray(buffer.array(), 0, INT96_BYTES);
  }
}
