package dev.ember.runtime.io.parquet;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.MapType;
import org.apache.parquet.schema.GroupType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ember.sql.AnalysisException;
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
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema Spark 4.2 writes for a Spark schema (checked by writing every type with Spark
 * and reading the footer): INT32 with INT(8)/INT(16) for byte/short, STRING and DATE annotations,
 * INT96 or INT64 for timestamps ({@link ParquetTimestampStorage}), decimals in
 * INT32/INT64/FIXED_LEN_BYTE_ARRAY by precision, and BOOLEAN with the UNKNOWN annotation for
 * {@code void}. Non-nullable fields are {@code required}. Also the JSON schema Spark stores under
 * {@link #SPARK_ROW_METADATA_KEY} so that Spark reads back the exact types (byte, short, timestamp).
 */
public final class ParquetWriteSchemas {
  /** The message name Spark gives every file's schema. */
  public static final String MESSAGE_NAME = "spark_schema";
  public static final String SPARK_ROW_METADATA_KEY = "org.apache.spark.sql.parquet.row.metadata";
  public static final String SPARK_VERSION_KEY = "org.apache.spark.version";
  /** The Spark version Ember's behaviour follows; Spark's readers use it to pick date rebasing rules. */
  public static final String SPARK_VERSION = "4.2.0";

  /** Largest decimal precision stored in INT32 and INT64, as Spark does. */
  static final int MAX_INT32_DECIMAL_PRECISION = 9;
  static final int MAX_INT64_DECIMAL_PRECISION = 18;

  private static final JsonFactory JSON = new JsonFactory();

  private ParquetWriteSchemas() {}

  /** The file schema for {@code schema} with Spark's default INT96 timestamps. */
  public static MessageType toParquet(StructType schema) {
    return toParquet(schema, ParquetTimestampStorage.INT96);
  }

  /** The file schema for {@code schema}; a clear error for types Parquet writing does not handle. */
  public static MessageType toParquet(StructType schema, ParquetTimestampStorage timestamps) {
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(timestamps, "timestamps is null");
    Types.MessageTypeBuilder message = Types.buildMessage();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (StructField field : schema) {
      // Parquet finds columns by name, so a repeated name cannot be written. Spark's write path also
      // rejects names equal ignoring case (its default); that check belongs to the writer of the Dataset.
      if (!names.add(field.name())) {
        throw new AnalysisException("COLUMN_ALREADY_EXISTS", Map.of("columnName", "`" + field.name() + "`"),
            "The column `" + field.name() + "` already exists. Choose another name or rename the existing column."
                + " SQLSTATE: 42711");
      }
      message.addField(toParquet(field, timestamps));
    }
    return message.named(MESSAGE_NAME);
  }

  private static Type toParquet(StructField field, ParquetTimestampStorage timestamps) {
    return toParquet(field.name(), field.dataType(), field.nullable(), timestamps);
  }

  private static Type toParquet(String name, DataType type, boolean nullable, ParquetTimestampStorage timestamps) {
    Type.Repetition repetition = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
    StructField field = new StructField(name, type, nullable);
    if (type instanceof ArrayType array) {
      return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
          .addField(Types.repeatedGroup()
              .addField(toParquet(ParquetNestedWriters.ELEMENT, array.elementType(), array.containsNull(), timestamps))
              .named(ParquetNestedWriters.LIST))
          .named(name);
    } else if (type instanceof MapType map) {
      return Types.buildGroup(repetition).as(LogicalTypeAnnotation.mapType())
          .addField(Types.repeatedGroup()
              .addField(toParquet(ParquetNestedWriters.KEY, map.keyType(), false, timestamps))
              .addField(toParquet(ParquetNestedWriters.VALUE, map.valueType(), map.valueContainsNull(), timestamps))
              .named(ParquetNestedWriters.KEY_VALUE))
          .named(name);
    } else if (type instanceof StructType struct) {
      Types.GroupBuilder<GroupType> group = Types.buildGroup(repetition);
      for (StructField child : struct.fields()) {
        group.addField(toParquet(child, timestamps));
      }
      return group.named(name);
    }
    if (type instanceof BooleanType) {
      return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(field.name());
    } else if (type instanceof ByteType) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.intType(8, true)).named(field.name());
    } else if (type instanceof ShortType) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.intType(16, true)).named(field.name());
    } else if (type instanceof IntegerType) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition).named(field.name());
    } else if (type instanceof LongType) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition).named(field.name());
    } else if (type instanceof FloatType) {
      return Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(field.name());
    } else if (type instanceof DoubleType) {
      return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(field.name());
    } else if (type instanceof DecimalType decimal) {
      return decimalField(field.name(), decimal, repetition);
    } else if (type instanceof StringType) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition)
          .as(LogicalTypeAnnotation.stringType()).named(field.name());
    } else if (type instanceof BinaryType) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition).named(field.name());
    } else if (type instanceof DateType) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.dateType()).named(field.name());
    } else if (type instanceof TimestampType) {
      return timestampField(field.name(), timestamps, repetition);
    } else if (type instanceof TimestampNTZType) {
      // Spark writes wall-clock micros whatever spark.sql.parquet.outputTimestampType says.
      return Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named(field.name());
    } else if (type instanceof YearMonthIntervalType) {
      // As Spark: plain INT32 months and INT64 microseconds; the Spark row metadata keeps the interval type.
      return Types.primitive(PrimitiveTypeName.INT32, repetition).named(field.name());
    } else if (type instanceof DayTimeIntervalType) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition).named(field.name());
    } else if (type instanceof NullType) {
      return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition)
          .as(LogicalTypeAnnotation.unknownType()).named(field.name());
    }
    throw new AnalysisException("EMBER_NOT_YET_SUPPORTED", Map.of("feature", "writing " + type.sql() + " to Parquet"),
        "Ember does not support writing column `" + field.name() + "` of type " + type.sql()
            + " to Parquet yet. SQLSTATE: 0A000");
  }

  private static Type timestampField(String name, ParquetTimestampStorage timestamps, Type.Repetition repetition) {
    return switch (timestamps) {
      case INT96 -> Types.primitive(PrimitiveTypeName.INT96, repetition).named(name);
      case TIMESTAMP_MICROS -> Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
      case TIMESTAMP_MILLIS -> Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(name);
    };
  }

  private static Type decimalField(String name, DecimalType decimal, Type.Repetition repetition) {
    LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(decimal.scale(), decimal.precision());
    if (decimal.precision() <= MAX_INT32_DECIMAL_PRECISION) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition).as(annotation).named(name);
    } else if (decimal.precision() <= MAX_INT64_DECIMAL_PRECISION) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition).as(annotation).named(name);
    }
    return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
        .length(decimalByteLength(decimal.precision())).as(annotation).named(name);
  }

  /** The fewest bytes whose two's complement holds every unscaled value of {@code precision} digits. */
  static int decimalByteLength(int precision) {
    java.math.BigInteger largest = java.math.BigInteger.TEN.pow(precision).subtract(java.math.BigInteger.ONE);
    // bitLength excludes the sign bit, so one more bit is needed, rounded up to whole bytes.
    return (largest.bitLength() + 1 + 7) / 8;
  }

  /** Spark's JSON form of {@code schema}, e.g. {@code {"type":"struct","fields":[{"name":"a",…}]}}. */
  public static String sparkRowMetadata(StructType schema) {
    Objects.requireNonNull(schema, "schema is null");
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("type", "struct");
      json.writeArrayFieldStart("fields");
      for (StructField field : schema) {
        json.writeStartObject();
        json.writeStringField("name", field.name());
        json.writeFieldName("type");
        json.writeRawValue(field.dataType().json());
        json.writeBooleanField("nullable", field.nullable());
        json.writeObjectFieldStart("metadata");
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JSON of schema " + schema.simpleString(), e);
    }
    return out.toString();
  }
}
