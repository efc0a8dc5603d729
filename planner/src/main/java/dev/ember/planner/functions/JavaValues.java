package dev.ember.planner.functions;

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
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;

/**
 * The Java type a function implementation sees for each Spark type: primitives for booleans and
 * numbers, {@code int} days for dates, {@code long} UTC microseconds for timestamps,
 * {@code BigDecimal} for decimals, {@code String} for strings and {@code byte[]} for binaries; nested
 * values as {@code dev.ember.runtime.batch.NestedValues} holds them ({@code List} for arrays,
 * {@code MapValue} for maps, {@code Object[]} for structs), whose elements are boxed the same way.
 */
public final class JavaValues {
  private JavaValues() {}

  public static Class<?> javaType(DataType type) {
    if (type instanceof BooleanType) {
      return boolean.class;
    } else if (type instanceof ByteType) {
      return byte.class;
    } else if (type instanceof ShortType) {
      return short.class;
    } else if (type instanceof IntegerType || type instanceof DateType
        || type instanceof dev.ember.sql.types.YearMonthIntervalType) {
      return int.class;
    } else if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType
        || type instanceof dev.ember.sql.types.DayTimeIntervalType) {
      return long.class;
    } else if (type instanceof FloatType) {
      return float.class;
    } else if (type instanceof DoubleType) {
      return double.class;
    } else if (type instanceof DecimalType) {
      return java.math.BigDecimal.class;
    } else if (type instanceof StringType) {
      return String.class;
    } else if (type instanceof BinaryType) {
      return byte[].class;
    } else if (type instanceof dev.ember.sql.types.ArrayType) {
      return java.util.List.class;
    } else if (type instanceof dev.ember.sql.types.MapType) {
      return dev.ember.runtime.batch.NestedValues.MapValue.class;
    } else if (type instanceof dev.ember.sql.types.StructType) {
      return Object[].class;
    }
    throw new IllegalArgumentException("functions do not take or return values of type " + type.simpleString()
        + " yet");
  }

  /** The boxed type for a null-aware argument or a result that may be null. */
  public static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return switch (type.getName()) {
      case "boolean" -> Boolean.class;
      case "byte" -> Byte.class;
      case "short" -> Short.class;
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "float" -> Float.class;
      case "double" -> Double.class;
      default -> throw new IllegalArgumentException("no boxed type for " + type);
    };
  }
}
