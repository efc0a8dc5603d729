package dev.ember.api.sources;

import dev.ember.SparkException;
import dev.ember.SparkIllegalArgumentException;
import dev.ember.api.rows.SqlDateTimes;
import dev.ember.codegen.semantics.SparkErrors;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.sql.Row;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the Java values a user puts in {@link Row}s (Spark's external types) into the values
 * {@link NestedValues} writes to Arrow, checking each against its column's type. Accepted, as Spark 4.2
 * accepts them from Java (checked against Spark): the boxed primitive of the type exactly (no
 * widening), String or Character for strings, java or Scala BigDecimal and BigInteger for decimals
 * (rounded half up to the scale; too many digits fail), {@code byte[]}, {@code java.sql.Date} or
 * {@code LocalDate}, {@code java.sql.Timestamp} or {@code Instant}, {@code LocalDateTime} for
 * timestamp_ntz, {@code Duration} and {@code Period} (whole months; days are dropped as Spark drops them)
 * for ANSI intervals, any Java collection or array or Scala collection for arrays, Java or Scala maps,
 * and rows for structs.
 *
 * <p>Anything else fails with Spark's {@code SparkIllegalArgumentException} text, also where Spark
 * itself throws a bare {@code ClassCastException} (a wrong boxed type). A null in a non-nullable field
 * fails too, where Spark would store garbage or crash later.
 */
final class ExternalValueConverter {
  /** Converts one external value (never null) of a known type. */
  @FunctionalInterface
  interface Conversion {
    Object convert(Object value);
  }

  private ExternalValueConverter() {}

  /** The conversion of non-null values of {@code type}; nulls are the caller's to check. */
  static Conversion forType(DataType type) {
    Objects.requireNonNull(type, "type is null");
    if (type instanceof BooleanType) {
      return exactly(Boolean.class, type);
    } else if (type instanceof ByteType) {
      return exactly(Byte.class, type);
    } else if (type instanceof ShortType) {
      return exactly(Short.class, type);
    } else if (type instanceof IntegerType) {
      return exactly(Integer.class, type);
    } else if (type instanceof LongType) {
      return exactly(Long.class, type);
    } else if (type instanceof FloatType) {
      return exactly(Float.class, type);
    } else if (type instanceof DoubleType) {
      return exactly(Double.class, type);
    } else if (type instanceof StringType) {
      return value -> {
        if (value instanceof String || value instanceof Character) {
          return value.toString();
        }
        throw cannotConvert(value, type.sql());
      };
    } else if (type instanceof BinaryType) {
      return exactly(byte[].class, type);
    } else if (type instanceof DecimalType decimal) {
      return value -> toDecimal(value, decimal);
    } else if (type instanceof DateType) {
      return value -> {
        if (value instanceof java.sql.Date date) {
          return Math.toIntExact(SqlDateTimes.toLocalDate(date).toEpochDay());
        } else if (value instanceof LocalDate date) {
          return Math.toIntExact(date.toEpochDay());
        }
        throw cannotConvert(value, type.sql());
      };
    } else if (type instanceof TimestampType) {
      return value -> {
        if (value instanceof java.sql.Timestamp timestamp) {
          return micros(SqlDateTimes.toInstant(timestamp));
        } else if (value instanceof Instant instant) {
          return micros(instant);
        }
        throw cannotConvert(value, type.sql());
      };
    } else if (type instanceof TimestampNTZType) {
      return value -> {
        if (value instanceof LocalDateTime wallClock) {
          return micros(wallClock.toInstant(ZoneOffset.UTC));
        }
        throw cannotConvert(value, type.sql());
      };
    } else if (type instanceof DayTimeIntervalType interval) {
      return value -> {
        if (value instanceof Duration duration) {
          return truncate(micros(duration), interval.endField());
        }
        throw cannotConvert(value, type.sql());
      };
    } else if (type instanceof YearMonthIntervalType interval) {
      return value -> {
        if (value instanceof Period period) {
          long months = period.toTotalMonths();
          if (interval.endField() == YearMonthIntervalType.YEAR()) {
            months -= months % 12;
          }
          return Math.toIntExact(months);
        }
        throw cannotConvert(value, type.sql());
      };
    } else if (type instanceof ArrayType array) {
      return arrayConversion(array);
    } else if (type instanceof MapType map) {
      return mapConversion(map);
    } else if (type instanceof StructType struct) {
      return structConversion(struct);
    } else if (type instanceof NullType) {
      return value -> {
        throw cannotConvert(value, type.sql());
      };
    }
    throw new IllegalArgumentException("createDataFrame cannot hold values of type " + type.simpleString());
  }

  /**
   * The failure for a null in a field declared non-nullable. Spark keeps such a null and shows a
   * default or fails deep inside a later action; Ember refuses it, since queries rely on the declaration.
   */
  static SparkException nullInNonNullableField(String field) {
    return new SparkException("NOT_NULL_ASSERT_VIOLATION", Map.of("field", field),
        "NULL value appeared in non-nullable field " + field
            + ". Declare the field nullable in the schema, or remove the null.", null);
  }

  private static Conversion exactly(Class<?> javaClass, DataType type) {
    return value -> {
      if (javaClass.isInstance(value)) {
        return value;
      }
      throw cannotConvert(value, type.sql());
    };
  }

  private static Object toDecimal(Object value, DecimalType type) {
    BigDecimal decimal;
    if (value instanceof BigDecimal javaDecimal) {
      decimal = javaDecimal;
    } else if (value instanceof BigInteger integer) {
      decimal = new BigDecimal(integer);
    } else if (value instanceof scala.math.BigDecimal scalaDecimal) {
      decimal = scalaDecimal.bigDecimal();
    } else if (value instanceof scala.math.BigInt scalaInteger) {
      decimal = new BigDecimal(scalaInteger.bigInteger());
    } else {
      throw cannotConvert(value, type.catalogString());
    }
    BigDecimal scaled = decimal.setScale(type.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() > type.precision()) {
      throw SparkErrors.numericValueOutOfRange(decimal, type.precision(), type.scale());
    }
    return scaled;
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  private static long micros(Duration duration) {
    return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1_000);
  }

  /** Drops the parts finer than an interval type's last field, as Spark does for e.g. {@code INTERVAL DAY}. */
  private static long truncate(long micros, byte endField) {
    long unit = switch (endField) {
      case 0 -> 86_400_000_000L;
      case 1 -> 3_600_000_000L;
      case 2 -> 60_000_000L;
      default -> 1L;
    };
    return micros - micros % unit;
  }

  private static Conversion arrayConversion(ArrayType type) {
    Conversion element = forType(type.elementType());
    boolean containsNull = type.containsNull();
    return value -> {
      List<Object> elements;
      if (value instanceof Iterable<?> iterable) {
        elements = new ArrayList<>();
        iterable.forEach(elements::add);
      } else if (value instanceof scala.collection.Iterable<?> iterable) {
        elements = new ArrayList<>(iterable.size());
        scala.collection.Iterator<?> iterator = iterable.iterator();
        while (iterator.hasNext()) {
          elements.add(iterator.next());
        }
      } else if (value.getClass().isArray()) {
        // Array.get boxes the elements of primitive arrays such as int[].
        int length = Array.getLength(value);
        elements = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
          elements.add(Array.get(value, i));
        }
      } else {
        throw new SparkIllegalArgumentException("_LEGACY_ERROR_TEMP_3220",
            Map.of("other", String.valueOf(value), "otherClass", className(value),
                "elementType", type.elementType().catalogString()),
            "The value (" + value + ") of the type (" + className(value) + ") cannot be converted to an array of "
                + type.elementType().catalogString());
      }
      for (int i = 0; i < elements.size(); i++) {
        Object item = elements.get(i);
        if (item == null) {
          if (!containsNull) {
            throw nullInNonNullableField("element of " + type.catalogString());
          }
        } else {
          elements.set(i, element.convert(item));
        }
      }
      return elements;
    };
  }

  private static Conversion mapConversion(MapType type) {
    Conversion key = forType(type.keyType());
    Conversion valueConversion = forType(type.valueType());
    boolean valueContainsNull = type.valueContainsNull();
    return value -> {
      List<Object> keys = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      if (value instanceof Map<?, ?> map) {
        map.forEach((entryKey, entryValue) -> {
          keys.add(entryKey);
          values.add(entryValue);
        });
      } else if (value instanceof scala.collection.Map<?, ?> map) {
        scala.collection.Iterator<? extends scala.Tuple2<?, ?>> entries = map.iterator();
        while (entries.hasNext()) {
          scala.Tuple2<?, ?> entry = entries.next();
          keys.add(entry._1());
          values.add(entry._2());
        }
      } else {
        throw new SparkIllegalArgumentException("_LEGACY_ERROR_TEMP_3221",
            Map.of("other", String.valueOf(value), "otherClass", className(value),
                "keyType", type.keyType().catalogString(), "valueType", type.valueType().catalogString()),
            "The value (" + value + ") of the type (" + className(value)
                + ") cannot be converted to a map type with key type (" + type.keyType().catalogString()
                + ") and value type (" + type.valueType().catalogString() + ")");
      }
      for (int i = 0; i < keys.size(); i++) {
        if (keys.get(i) == null) {
          throw new SparkException("NULL_MAP_KEY", Map.of(), "Cannot use null as map key. SQLSTATE: 2200E", null);
        }
        keys.set(i, key.convert(keys.get(i)));
        Object entryValue = values.get(i);
        if (entryValue == null) {
          if (!valueContainsNull) {
            throw nullInNonNullableField("value of " + type.catalogString());
          }
        } else {
          values.set(i, valueConversion.convert(entryValue));
        }
      }
      return new NestedValues.MapValue(keys, values);
    };
  }

  private static Conversion structConversion(StructType type) {
    StructField[] fields = type.fields();
    Conversion[] conversions = new Conversion[fields.length];
    for (int i = 0; i < fields.length; i++) {
      conversions[i] = forType(fields[i].dataType());
    }
    return value -> {
      if (!(value instanceof Row row)) {
        throw cannotConvert(value, type.catalogString());
      }
      return convertFields(row, fields, conversions, type);
    };
  }

  /** The internal field values of a row of a struct (or of the whole schema). */
  static Object[] convertFields(Row row, StructField[] fields, Conversion[] conversions, StructType type) {
    if (row.size() != fields.length) {
      throw new SparkIllegalArgumentException(null, Map.of(), "The row " + row + " has " + row.size()
          + " values but its schema " + type.catalogString() + " has " + fields.length + " fields.");
    }
    Object[] internal = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Object value = row.get(i);
      if (value == null) {
        if (!fields[i].nullable()) {
          throw nullInNonNullableField(fields[i].name());
        }
      } else {
        internal[i] = conversions[i].convert(value);
      }
    }
    return internal;
  }

  private static SparkIllegalArgumentException cannotConvert(Object value, String typeName) {
    return new SparkIllegalArgumentException("_LEGACY_ERROR_TEMP_3219",
        Map.of("other", String.valueOf(value), "otherClass", className(value), "dataType", typeName),
        "The value (" + value + ") of the type (" + className(value) + ") cannot be converted to the "
            + typeName + " type.");
  }

  /** The class name as Spark prints it, with dots for nested classes. */
  private static String className(Object value) {
    String canonical = value.getClass().getCanonicalName();
    return canonical != null ? canonical : value.getClass().getName();
  }
}
