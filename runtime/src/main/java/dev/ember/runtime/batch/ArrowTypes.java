package dev.ember.runtime.batch;

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
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.TimestampType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The one mapping from Spark's types to Arrow's in-memory layout. Timestamps are microseconds since
 * the epoch in UTC (Spark's internal form), shown in the session time zone; dates are days since the
 * epoch; decimals are 128-bit unscaled values.
 */
public final class ArrowTypes {
  public static final String TIMESTAMP_ZONE = "UTC";

  private ArrowTypes() {}

  public static ArrowType toArrow(DataType type) {
    if (type instanceof BooleanType) {
      return ArrowType.Bool.INSTANCE;
    } else if (type instanceof ByteType) {
      return new ArrowType.Int(8, true);
    } else if (type instanceof ShortType) {
      return new ArrowType.Int(16, true);
    } else if (type instanceof IntegerType) {
      return new ArrowType.Int(32, true);
    } else if (type instanceof LongType) {
      return new ArrowType.Int(64, true);
    } else if (type instanceof FloatType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    } else if (type instanceof DoubleType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    } else if (type instanceof DecimalType decimal) {
      return new ArrowType.Decimal(decimal.precision(), decimal.scale(), 128);
    } else if (type instanceof StringType) {
      return ArrowType.Utf8.INSTANCE;
    } else if (type instanceof BinaryType) {
      return ArrowType.Binary.INSTANCE;
    } else if (type instanceof DateType) {
      return new ArrowType.Date(DateUnit.DAY);
    } else if (type instanceof TimestampType) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, TIMESTAMP_ZONE);
    } else if (type instanceof NullType) {
      return ArrowType.Null.INSTANCE;
    }
    throw new IllegalArgumentException("No Arrow layout for Spark type " + type.simpleString());
  }

  public static Field toArrowField(StructField field) {
    return new Field(field.name(), new FieldType(field.nullable(), toArrow(field.dataType()), null), null);
  }

  /** A new, empty vector for the field, owned by the caller. */
  public static FieldVector createVector(StructField field, BufferAllocator allocator) {
    return toArrowField(field).createVector(allocator);
  }

  /** A new vector with room for {@code capacity} values, owned by the caller. */
  public static FieldVector allocateVector(StructField field, BufferAllocator allocator, int capacity) {
    FieldVector vector = createVector(field, allocator);
    try {
      vector.setInitialCapacity(capacity);
      vector.allocateNew();
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }
}
