package dev.ember.runtime.io.parquet;

import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.util.DecimalUtility;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The test oracle's value conversion: copies the current (non-null) value of a Parquet
 * {@link ColumnReader} into row {@code row} of an Arrow vector, converting from the Parquet storage
 * to Ember's layout ({@code ArrowTypes}). This was Ember's reader before pages were decoded
 * directly; it stays as the independent implementation the page decoders are compared with.
 */
@FunctionalInterface
interface ColumnReaderValueCopier {
  long MICROS_PER_DAY = 86_400_000_000L;
  /** The Julian day number of 1970-01-01, the epoch of INT96 timestamps' day part. */
  int JULIAN_DAY_OF_EPOCH = 2_440_588;

  void read(ColumnReader reader, FieldVector vector, int row);

  /**
   * The reader for a file column of type {@code field} read as Spark type {@code type}; the caller
   * checked with {@link ParquetSchemas#canRead} that the file's type reads as {@code type}.
   */
  static ColumnReaderValueCopier of(PrimitiveType field, DataType type) {
    LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
    boolean unsigned = logical instanceof IntLogicalTypeAnnotation integer && !integer.isSigned();
    if (type instanceof BooleanType) {
      return (reader, vector, row) -> ((BitVector) vector).set(row, reader.getBoolean() ? 1 : 0);
    } else if (type instanceof ByteType) {
      return (reader, vector, row) -> ((TinyIntVector) vector).set(row, (byte) reader.getInteger());
    } else if (type instanceof ShortType) {
      return unsigned
          ? (reader, vector, row) -> ((SmallIntVector) vector).set(row, (short) (reader.getInteger() & 0xFF))
          : (reader, vector, row) -> ((SmallIntVector) vector).set(row, (short) reader.getInteger());
    } else if (type instanceof IntegerType) {
      return unsigned
          ? (reader, vector, row) -> ((IntVector) vector).set(row, reader.getInteger() & 0xFFFF)
          : (reader, vector, row) -> ((IntVector) vector).set(row, reader.getInteger());
    } else if (type instanceof LongType) {
      if (field.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32) {
        return unsigned
            ? (reader, vector, row) -> ((BigIntVector) vector).set(row, Integer.toUnsignedLong(reader.getInteger()))
            : (reader, vector, row) -> ((BigIntVector) vector).set(row, reader.getInteger());
      }
      return (reader, vector, row) -> ((BigIntVector) vector).set(row, reader.getLong());
    } else if (type instanceof FloatType) {
      return (reader, vector, row) -> ((Float4Vector) vector).set(row, reader.getFloat());
    } else if (type instanceof DoubleType) {
      return switch (field.getPrimitiveTypeName()) {
        case FLOAT -> (reader, vector, row) -> ((Float8Vector) vector).set(row, reader.getFloat());
        case INT32 -> unsigned
            ? (reader, vector, row) -> ((Float8Vector) vector).set(row, Integer.toUnsignedLong(reader.getInteger()))
            : (reader, vector, row) -> ((Float8Vector) vector).set(row, reader.getInteger());
        default -> (reader, vector, row) -> ((Float8Vector) vector).set(row, reader.getDouble());
      };
    } else if (type instanceof DateType) {
      return (reader, vector, row) -> ((DateDayVector) vector).set(row, reader.getInteger());
    } else if (type instanceof StringType) {
      return (reader, vector, row) -> setBytes((VarCharVector) vector, row, reader.getBinary());
    } else if (type instanceof BinaryType) {
      return (reader, vector, row) -> setBytes((VarBinaryVector) vector, row, reader.getBinary());
    } else if (type instanceof DecimalType) {
      return decimal(field);
    } else if (type instanceof TimestampType || type instanceof dev.ember.sql.types.TimestampNTZType) {
      return timestamp(field);
    }
    throw new IllegalArgumentException("No Parquet reader for " + type.simpleString() + " from " + field);
  }

  private static ColumnReaderValueCopier decimal(PrimitiveType field) {
    return switch (field.getPrimitiveTypeName()) {
      case INT32 -> (reader, vector, row) -> setDecimal((DecimalVector) vector, row, reader.getInteger());
      case INT64 -> (reader, vector, row) -> setDecimal((DecimalVector) vector, row, reader.getLong());
      // Big-endian two's complement, the form Arrow's setBigEndian takes (it sign-extends).
      default -> (reader, vector, row) -> ((DecimalVector) vector).setBigEndian(row, reader.getBinary().getBytes());
    };
  }

  private static ColumnReaderValueCopier timestamp(PrimitiveType field) {
    if (field.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
      return (reader, vector, row) -> ((TimeStampMicroTZVector) vector).set(row, int96ToMicros(reader.getBinary()));
    }
    TimestampLogicalTypeAnnotation timestamp = (TimestampLogicalTypeAnnotation) field.getLogicalTypeAnnotation();
    return timestamp.getUnit() == TimeUnit.MILLIS
        ? (reader, vector, row) -> ((org.apache.arrow.vector.TimeStampVector) vector).set(row, Math.multiplyExact(reader.getLong(), 1000L))
        : (reader, vector, row) -> ((org.apache.arrow.vector.TimeStampVector) vector).set(row, reader.getLong());
  }

  /** INT96: nanoseconds of the day (8 bytes), then the Julian day (4 bytes), both little-endian. */
  static long int96ToMicros(Binary value) {
    ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = bytes.getLong(bytes.position());
    int julianDay = bytes.getInt(bytes.position() + 8);
    return (julianDay - (long) JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
  }

  private static void setDecimal(DecimalVector vector, int row, long unscaled) {
    DecimalUtility.writeLongToArrowBuf(unscaled, vector.getDataBuffer(), row, DecimalVector.TYPE_WIDTH);
    BitVectorHelper.setBit(vector.getValidityBuffer(), row);
  }

  private static void setBytes(VarCharVector vector, int row, Binary value) {
    ByteBuffer bytes = value.toByteBuffer();
    vector.setSafe(row, bytes, bytes.position(), bytes.remaining());
  }

  private static void setBytes(VarBinaryVector vector, int row, Binary value) {
    ByteBuffer bytes = value.toByteBuffer();
    vector.setSafe(row, bytes, bytes.position(), bytes.remaining());
  }
}
