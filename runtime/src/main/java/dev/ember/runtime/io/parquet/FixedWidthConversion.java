package dev.ember.runtime.io.parquet;

import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Converts densely decoded values from a Parquet storage form to Ember's Arrow layout
 * ({@code ArrowTypes}), one loop per call: narrowing and widening integers, unsigned integers,
 * timestamps to microseconds, INT96, decimals to 128-bit. Where the storage already is Ember's
 * layout, {@link #of} returns null and values are decoded straight into the vector.
 */
@FunctionalInterface
interface FixedWidthConversion {
  long MICROS_PER_DAY = 86_400_000_000L;
  /** The Julian day number of 1970-01-01, the epoch of INT96 timestamps' day part. */
  int JULIAN_DAY_OF_EPOCH = 2_440_588;

  void convert(long source, long target, int count);

  /** The width in bytes of the storage form decoders produce for {@code field}. */
  static int storageWidth(PrimitiveType field) {
    return switch (field.getPrimitiveTypeName()) {
      case BOOLEAN -> 1;
      case INT32, FLOAT -> 4;
      case INT64, DOUBLE -> 8;
      case INT96 -> 12;
      case FIXED_LEN_BYTE_ARRAY -> field.getTypeLength();
      case BINARY -> throw new IllegalArgumentException("BINARY has no fixed width");
    };
  }

  /**
   * The conversion of {@code field}'s storage to {@code type}, or null when none is needed. The
   * caller checked with {@link ParquetSchemas#canRead} that the file's type reads as {@code type};
   * booleans and variable-width types never come here.
   */
  static FixedWidthConversion of(PrimitiveType field, DataType type) {
    boolean unsigned = field.getLogicalTypeAnnotation() instanceof IntLogicalTypeAnnotation integer
        && !integer.isSigned();
    PrimitiveType.PrimitiveTypeName storage = field.getPrimitiveTypeName();
    if (type instanceof DecimalType) {
      return switch (storage) {
        case INT32 -> FixedWidthConversion::intToDecimal;
        case INT64 -> FixedWidthConversion::longToDecimal;
        default -> bigEndianToDecimal(field.getTypeLength());
      };
    }
    if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      if (storage == PrimitiveType.PrimitiveTypeName.INT96) {
        return FixedWidthConversion::int96ToMicros;
      }
      TimestampLogicalTypeAnnotation timestamp = (TimestampLogicalTypeAnnotation) field.getLogicalTypeAnnotation();
      return timestamp.getUnit() == TimeUnit.MILLIS ? FixedWidthConversion::millisToMicros : null;
    }
    return switch (storage) {
      case INT32 -> {
        if (type instanceof ByteType) {
          yield FixedWidthConversion::intToByte;
        } else if (type instanceof ShortType) {
          yield unsigned ? FixedWidthConversion::unsignedByteToShort : FixedWidthConversion::intToShort;
        } else if (type instanceof IntegerType) {
          yield unsigned ? FixedWidthConversion::unsignedShortToInt : null;
        } else if (type instanceof LongType) {
          yield unsigned ? FixedWidthConversion::unsignedIntToLong : FixedWidthConversion::intToLong;
        } else if (type instanceof DoubleType) {
          yield unsigned ? FixedWidthConversion::unsignedIntToDouble : FixedWidthConversion::intToDouble;
        }
        yield null; // int, date
      }
      case FLOAT -> type instanceof DoubleType ? FixedWidthConversion::floatToDouble : null;
      default -> null; // INT64 as bigint, DOUBLE
    };
  }

  private static void intToByte(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      MemoryUtil.putByte(target + i, (byte) MemoryUtil.getInt(source + 4L * i));
    }
  }

  private static void intToShort(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      MemoryUtil.putShort(target + 2L * i, (short) MemoryUtil.getInt(source + 4L * i));
    }
  }

  private static void unsignedByteToShort(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      MemoryUtil.putShort(target + 2L * i, (short) (MemoryUtil.getInt(source + 4L * i) & 0xFF));
    }
  }

  private static void unsignedShortToInt(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      MemoryUtil.putInt(target + 4L * i, MemoryUtil.getInt(source + 4L * i) & 0xFFFF);
    }
  }

  private static void intToLong(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      MemoryUtil.putLong(target + 8L * i, MemoryUtil.getInt(source + 4L * i));
    }
  }

  private static void unsignedIntToLong(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      MemoryUtil.putLong(target + 8L * i, Integer.toUnsignedLong(MemoryUtil.getInt(source + 4L * i)));
    }
  }

  private static void intToDouble(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      MemoryUtil.putLong(target + 8L * i, Double.doubleToRawLongBits(MemoryUtil.getInt(source + 4L * i)));
    }
  }

  private static void unsignedIntToDouble(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      double value = Integer.toUnsignedLong(MemoryUtil.getInt(source + 4L * i));
      MemoryUtil.putLong(target + 8L * i, Double.doubleToRawLongBits(value));
    }
  }

  private static void floatToDouble(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      double value = Float.intBitsToFloat(MemoryUtil.getInt(source + 4L * i));
      MemoryUtil.putLong(target + 8L * i, Double.doubleToRawLongBits(value));
    }
  }

  private static void millisToMicros(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      MemoryUtil.putLong(target + 8L * i, Math.multiplyExact(MemoryUtil.getLong(source + 8L * i), 1000L));
    }
  }

  /** INT96: nanoseconds of the day (8 bytes), then the Julian day (4 bytes), both little-endian. */
  private static void int96ToMicros(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      long at = source + 12L * i;
      long nanosOfDay = MemoryUtil.getLong(at);
      int julianDay = MemoryUtil.getInt(at + 8);
      long micros = (julianDay - (long) JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
      MemoryUtil.putLong(target + 8L * i, micros);
    }
  }

  /** Arrow's 128-bit decimals are little-endian two's complement: the low word, then the sign. */
  private static void intToDecimal(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      long value = MemoryUtil.getInt(source + 4L * i);
      MemoryUtil.putLong(target + 16L * i, value);
      MemoryUtil.putLong(target + 16L * i + 8, value >> 63);
    }
  }

  private static void longToDecimal(long source, long target, int count) {
    for (int i = 0; i < count; i++) {
      long value = MemoryUtil.getLong(source + 8L * i);
      MemoryUtil.putLong(target + 16L * i, value);
      MemoryUtil.putLong(target + 16L * i + 8, value >> 63);
    }
  }

  /** FIXED_LEN_BYTE_ARRAY decimals: big-endian two's complement of {@code width} (at most 16) bytes. */
  private static FixedWidthConversion bigEndianToDecimal(int width) {
    if (width < 1 || width > 16) {
      throw new IllegalArgumentException("A decimal of " + width + " bytes does not fit 128 bits");
    }
    return (source, target, count) -> {
      for (int i = 0; i < count; i++) {
        bigEndianToDecimal(source + (long) width * i, width, target + 16L * i);
      }
    };
  }

  /** Writes the sign-extended big-endian integer of {@code width} bytes at {@code source} as 128 bits. */
  static void bigEndianToDecimal(long source, int width, long target) {
    long high = MemoryUtil.getByte(source) < 0 ? -1L : 0L;
    long low = high;
    for (int b = 0; b < width; b++) {
      high = (high << 8) | (low >>> 56);
      low = (low << 8) | (MemoryUtil.getByte(source + b) & 0xFF);
    }
    MemoryUtil.putLong(target, low);
    MemoryUtil.putLong(target + 8, high);
  }
}
