package dev.ember.runtime.batch;

import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
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
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
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
 * epoch; decimals are 128-bit unscaled values. Arrays are Arrow lists (child {@code element}), maps
 * are Arrow maps (entries {@code entries} of a non-null {@code key} and a {@code value}) and structs
 * are Arrow structs with one child per field.
 */
public final class ArrowTypes {
  public static final String TIMESTAMP_ZONE = "UTC";
  /** Field metadata key naming the Spark interval type an integer vector holds. */
  public static final String SPARK_INTERVAL_TYPE = "ember.spark.intervalType";

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
    } else if (type instanceof TimestampNTZType) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    } else if (type instanceof NullType) {
      return ArrowType.Null.INSTANCE;
    } else if (type instanceof DayTimeIntervalType) {
      return new ArrowType.Int(64, true);
    } else if (type instanceof YearMonthIntervalType) {
      return new ArrowType.Int(32, true);
    } else if (type instanceof ArrayType) {
      return ArrowType.List.INSTANCE;
    } else if (type instanceof MapType) {
      return new ArrowType.Map(false);
    } else if (type instanceof StructType) {
      return ArrowType.Struct.INSTANCE;
    }
    throw new IllegalArgumentException("No Arrow layout for Spark type " + type.simpleString());
  }

  /**
   * The Spark type that holds values of an Arrow type read from outside Ember (an Arrow IPC file).
   * Several Arrow types map to one Spark type: a timestamp of any unit with a zone is a
   * {@link TimestampType}, one without a zone a {@link TimestampNTZType} (as Spark reads Arrow data),
   * a date in milliseconds is a {@link DateType}, large strings and binaries are {@link StringType} and
   * {@link BinaryType}; when {@code toArrow(fromArrow(type))} differs from {@code type}, the values
   * must be converted into Ember's layout.
   *
   * @throws IllegalArgumentException for types Spark cannot represent (unsigned integers, half
   *     floats, 256-bit decimals, times, intervals, nested and other types Ember does not support yet)
   */
  public static DataType fromArrow(ArrowType type) {
    if (type instanceof ArrowType.Bool) {
      return DataTypes.BooleanType;
    } else if (type instanceof ArrowType.Int integer && integer.getIsSigned()) {
      switch (integer.getBitWidth()) {
        case 8:
          return DataTypes.ByteType;
        case 16:
          return DataTypes.ShortType;
        case 32:
          return DataTypes.IntegerType;
        case 64:
          return DataTypes.LongType;
        default:
          break;
      }
    } else if (type instanceof ArrowType.FloatingPoint floating) {
      if (floating.getPrecision() == FloatingPointPrecision.SINGLE) {
        return DataTypes.FloatType;
      } else if (floating.getPrecision() == FloatingPointPrecision.DOUBLE) {
        return DataTypes.DoubleType;
      }
    } else if (type instanceof ArrowType.Decimal decimal
        && decimal.getBitWidth() == 128
        && decimal.getPrecision() <= DecimalType.MAX_PRECISION
        && decimal.getScale() >= 0
        && decimal.getScale() <= decimal.getPrecision()) {
      return new DecimalType(decimal.getPrecision(), decimal.getScale());
    } else if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8) {
      return DataTypes.StringType;
    } else if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary) {
      return DataTypes.BinaryType;
    } else if (type instanceof ArrowType.Date) {
      return DataTypes.DateType;
    } else if (type instanceof ArrowType.Timestamp timestamp) {
      return timestamp.getTimezone() == null ? DataTypes.TimestampNTZType : DataTypes.TimestampType;
    } else if (type instanceof ArrowType.Null) {
      return DataTypes.NullType;
    }
    throw new IllegalArgumentException("No Spark type for Arrow type " + type);
  }

  public static Field toArrowField(StructField field) {
    return toArrowField(field.name(), field.dataType(), field.nullable());
  }

  /** The Arrow field, children included, that holds values of {@code type}. */
  public static Field toArrowField(String name, DataType type, boolean nullable) {
    FieldType fieldType = new FieldType(nullable, toArrow(type), null, intervalMetadata(type));
    if (type instanceof ArrayType array) {
      return new Field(name, fieldType,
          List.of(toArrowField(ELEMENT, array.elementType(), array.containsNull())));
    } else if (type instanceof MapType map) {
      Field entries = new Field(ENTRIES, new FieldType(false, ArrowType.Struct.INSTANCE, null), List.of(
          toArrowField(KEY, map.keyType(), false),
          toArrowField(VALUE, map.valueType(), map.valueContainsNull())));
      return new Field(name, fieldType, List.of(entries));
    } else if (type instanceof StructType struct) {
      List<Field> children = new ArrayList<>(struct.length());
      for (StructField child : struct.fields()) {
        children.add(toArrowField(child));
      }
      return new Field(name, fieldType, children);
    }
    return new Field(name, fieldType, null);
  }

  /**
   * The Spark type of an Arrow field read from outside Ember, nested fields included: lists (also
   * large and fixed-size ones) are arrays, maps are maps and structs are structs. Nullability of
   * elements, values and fields follows the Arrow children.
   *
   * @throws IllegalArgumentException for types Spark cannot represent, at any depth
   */
  public static DataType fromArrowField(Field field) {
    ArrowType type = field.getType();
    List<Field> children = field.getChildren();
    if (type instanceof ArrowType.List || type instanceof ArrowType.LargeList
        || type instanceof ArrowType.FixedSizeList) {
      Field element = children.get(0);
      return new ArrayType(fromArrowField(element), element.isNullable());
    } else if (type instanceof ArrowType.Map) {
      List<Field> entry = children.get(0).getChildren();
      return new MapType(fromArrowField(entry.get(0)), fromArrowField(entry.get(1)), entry.get(1).isNullable());
    } else if (type instanceof ArrowType.Struct) {
      List<StructField> fields = new ArrayList<>(children.size());
      for (Field child : children) {
        fields.add(new StructField(child.getName(), fromArrowField(child), child.isNullable()));
      }
      return StructType.of(fields);
    }
    String interval = field.getMetadata() == null ? null : field.getMetadata().get(SPARK_INTERVAL_TYPE);
    if (interval != null) {
      return DataTypes.fromDdlType(interval);
    }
    return fromArrow(type);
  }

  /**
   * Intervals are held as Spark holds them (microseconds in a bigint vector, months in an int vector);
   * the field's metadata records the Spark type so it survives Arrow files and spills.
   */
  private static java.util.Map<String, String> intervalMetadata(DataType type) {
    if (type instanceof DayTimeIntervalType || type instanceof YearMonthIntervalType) {
      return java.util.Map.of(SPARK_INTERVAL_TYPE, type.typeName());
    }
    return null;
  }

  /** Whether vectors of the two fields have the same layout at every depth, names and nullability aside. */
  public static boolean sameLayout(Field left, Field right) {
    if (!left.getType().equals(right.getType()) || left.getChildren().size() != right.getChildren().size()) {
      return false;
    }
    for (int i = 0; i < left.getChildren().size(); i++) {
      if (!sameLayout(left.getChildren().get(i), right.getChildren().get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Names of the Arrow children Ember gives nested types. */
  public static final String ELEMENT = "element";
  public static final String ENTRIES = "entries";
  public static final String KEY = "key";
  public static final String VALUE = "value";

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
