package dev.ember.sql.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Spark's Java entry point to data types: singletons and factories. */
public final class DataTypes {
  public static final DataType BooleanType = dev.ember.sql.types.BooleanType.INSTANCE;
  public static final DataType ByteType = dev.ember.sql.types.ByteType.INSTANCE;
  public static final DataType ShortType = dev.ember.sql.types.ShortType.INSTANCE;
  public static final DataType IntegerType = dev.ember.sql.types.IntegerType.INSTANCE;
  public static final DataType LongType = dev.ember.sql.types.LongType.INSTANCE;
  public static final DataType FloatType = dev.ember.sql.types.FloatType.INSTANCE;
  public static final DataType DoubleType = dev.ember.sql.types.DoubleType.INSTANCE;
  public static final DataType StringType = dev.ember.sql.types.StringType.INSTANCE;
  public static final DataType BinaryType = dev.ember.sql.types.BinaryType.INSTANCE;
  public static final DataType DateType = dev.ember.sql.types.DateType.INSTANCE;
  public static final DataType TimestampType = dev.ember.sql.types.TimestampType.INSTANCE;
  public static final DataType TimestampNTZType = dev.ember.sql.types.TimestampNTZType.INSTANCE;
  public static final DataType NullType = dev.ember.sql.types.NullType.INSTANCE;

  private DataTypes() {}

  public static DecimalType createDecimalType(int precision, int scale) {
    return new DecimalType(precision, scale);
  }

  public static DecimalType createDecimalType() {
    return DecimalType.USER_DEFAULT;
  }

  /** {@code interval day to second}. */
  public static DayTimeIntervalType createDayTimeIntervalType() {
    return new DayTimeIntervalType();
  }

  /** A day-time interval type from {@code DayTimeIntervalType.DAY()} .. {@code SECOND()}. */
  public static DayTimeIntervalType createDayTimeIntervalType(byte startField, byte endField) {
    return new DayTimeIntervalType(startField, endField);
  }

  /** {@code interval year to month}. */
  public static YearMonthIntervalType createYearMonthIntervalType() {
    return new YearMonthIntervalType();
  }

  /** A year-month interval type from {@code YearMonthIntervalType.YEAR()} or {@code MONTH()}. */
  public static YearMonthIntervalType createYearMonthIntervalType(byte startField, byte endField) {
    return new YearMonthIntervalType(startField, endField);
  }

  public static StructField createStructField(String name, DataType dataType, boolean nullable) {
    return new StructField(name, dataType, nullable);
  }

  public static StructType createStructType(List<StructField> fields) {
    return StructType.of(fields);
  }

  public static StructType createStructType(StructField[] fields) {
    return new StructType(fields);
  }

  /**
   * Resolves a DDL type as Spark's parser does: {@code int}, {@code BIGINT}, {@code decimal(10,2)},
   * {@code ARRAY<INT>}, {@code MAP<STRING, INT>}, {@code STRUCT<x: INT, y: STRING>} …
   */
  public static DataType fromDdlType(String text) {
    return DdlParser.parseType(text);
  }

  /** An atomic type by its DDL name, with its parameters: {@code int}, {@code decimal(10, 2)}, {@code varchar(5)}. */
  static DataType atomicType(String text) {
    String type = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    switch (type) {
      case "boolean":
        return BooleanType;
      case "tinyint":
      case "byte":
        return ByteType;
      case "smallint":
      case "short":
        return ShortType;
      case "int":
      case "integer":
        return IntegerType;
      case "bigint":
      case "long":
        return LongType;
      case "float":
      case "real":
        return FloatType;
      case "double":
        return DoubleType;
      case "string":
        return StringType;
      case "binary":
        return BinaryType;
      case "date":
        return DateType;
      case "timestamp":
      case "timestamp_ltz":
        return TimestampType;
      case "timestamp_ntz":
        return TimestampNTZType;
      case "void":
        return NullType;
      case "decimal":
      case "dec":
      case "numeric":
        return DecimalType.USER_DEFAULT;
      default:
        break;
    }
    if (type.matches("(decimal|dec|numeric)\\(\\d+(,\\d+)?\\)")) {
      String inside = type.substring(type.indexOf('(') + 1, type.length() - 1);
      String[] parts = inside.split(",");
      int precision = Integer.parseInt(parts[0]);
      int scale = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return new DecimalType(precision, scale);
    }
    if (type.matches("(var)?char\\(\\d+\\)")) {
      return StringType;
    }
    throw new IllegalArgumentException(
        "[UNSUPPORTED_DATATYPE] Unsupported data type \"" + text.trim().toUpperCase(Locale.ROOT) + "\".");
  }

  /**
   * Parses a DDL schema such as {@code "name STRING, age INT NOT NULL, `odd name` DECIMAL(10, 2)"},
   * nested types included: {@code "a ARRAY<INT>, m MAP<STRING,INT>, s STRUCT<x: INT, y: STRING>"}.
   */
  public static StructType fromDdlSchema(String ddl) {
    return DdlParser.parseSchema(ddl);
  }

  public static ArrayType createArrayType(DataType elementType) {
    return new ArrayType(elementType, true);
  }

  public static ArrayType createArrayType(DataType elementType, boolean containsNull) {
    return new ArrayType(elementType, containsNull);
  }

  public static MapType createMapType(DataType keyType, DataType valueType) {
    return new MapType(keyType, valueType, true);
  }

  public static MapType createMapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
    return new MapType(keyType, valueType, valueContainsNull);
  }
}
