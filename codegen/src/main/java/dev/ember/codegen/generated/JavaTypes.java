package dev.ember.codegen.generated;

import dev.ember.runtime.batch.NestedValues;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;

/** How generated code holds and stores each Spark type. */
final class JavaTypes {
  /** Decimals up to this precision are held as their unscaled value in a long. */
  static final int MAX_COMPACT_DECIMAL_PRECISION = 18;

  private JavaTypes() {}

  static boolean isBytes(DataType type) {
    return type instanceof StringType || type instanceof BinaryType;
  }

  static boolean isCompactDecimal(DataType type) {
    return type instanceof DecimalType decimal && decimal.precision() <= MAX_COMPACT_DECIMAL_PRECISION;
  }

  static boolean isWideDecimal(DataType type) {
    return type instanceof DecimalType decimal && decimal.precision() > MAX_COMPACT_DECIMAL_PRECISION;
  }

  /** Arrays, maps and structs: held as the objects of {@code NestedValues}, never as Arrow memory. */
  static boolean isNested(DataType type) {
    return NestedValues.isNested(type);
  }

  static boolean isIntegral(DataType type) {
    return type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType;
  }

  static boolean isFractional(DataType type) {
    return type instanceof FloatType || type instanceof DoubleType;
  }

  /** The Java type of a value, or throws for types the generator does not handle. */
  static String javaType(DataType type) {
    if (type instanceof BooleanType) {
      return "boolean";
    } else if (type instanceof ByteType) {
      return "byte";
    } else if (type instanceof ShortType) {
      return "short";
    } else if (type instanceof IntegerType || type instanceof DateType || type instanceof YearMonthIntervalType) {
      return "int";
    } else if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType
        || type instanceof DayTimeIntervalType) {
      return "long";
    } else if (type instanceof FloatType) {
      return "float";
    } else if (type instanceof DoubleType) {
      return "double";
    } else if (isCompactDecimal(type)) {
      return "long";
    } else if (isWideDecimal(type)) {
      return "java.math.BigDecimal";
    } else if (type instanceof ArrayType) {
      return "java.util.List";
    } else if (type instanceof MapType) {
      return "dev.ember.runtime.batch.NestedValues.MapValue";
    } else if (type instanceof StructType) {
      return "Object[]";
    }
    throw Unsupported.type(type);
  }

  static String defaultValue(DataType type) {
    String java = javaType(type);
    return switch (java) {
      case "boolean" -> "false";
      case "byte" -> "(byte) 0";
      case "short" -> "(short) 0";
      case "int" -> "0";
      case "long" -> "0L";
      case "float" -> "0.0F";
      case "double" -> "0.0D";
      // Typed, so a null literal still picks one overload of a helper.
      default -> "((" + java + ") null)";
    };
  }

  /** The Arrow vector class that stores the type; nested vectors are read and written as FieldVectors. */
  static String vectorClass(DataType type) {
    if (type instanceof BooleanType) {
      return "BitVector";
    } else if (type instanceof ByteType) {
      return "TinyIntVector";
    } else if (type instanceof ShortType) {
      return "SmallIntVector";
    } else if (type instanceof IntegerType || type instanceof YearMonthIntervalType) {
      return "IntVector";
    } else if (type instanceof DateType) {
      return "DateDayVector";
    } else if (type instanceof LongType || type instanceof DayTimeIntervalType) {
      return "BigIntVector";
    } else if (type instanceof TimestampType) {
      return "TimeStampMicroTZVector";
    } else if (type instanceof TimestampNTZType) {
      return "TimeStampMicroVector";
    } else if (type instanceof FloatType) {
      return "Float4Vector";
    } else if (type instanceof DoubleType) {
      return "Float8Vector";
    } else if (type instanceof DecimalType) {
      return "DecimalVector";
    } else if (type instanceof StringType) {
      return "VarCharVector";
    } else if (type instanceof BinaryType) {
      return "VarBinaryVector";
    } else if (isNested(type)) {
      return "FieldVector";
    }
    throw Unsupported.type(type);
  }

  /** log2 of the byte width of a fixed-width value in an Arrow data buffer (booleans are bits). */
  static int widthShift(DataType type) {
    if (type instanceof ByteType) {
      return 0;
    } else if (type instanceof ShortType) {
      return 1;
    } else if (type instanceof IntegerType || type instanceof DateType || type instanceof FloatType
        || type instanceof YearMonthIntervalType) {
      return 2;
    } else if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType
        || type instanceof DoubleType || type instanceof DayTimeIntervalType) {
      return 3;
    } else if (type instanceof DecimalType) {
      return 4;
    }
    throw Unsupported.type(type);
  }
}
