package dev.ember.runtime.io.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ember.SparkException;
import dev.ember.runtime.io.FileListing;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Infers a schema from JSON files as Spark 4.2 does (checked against Spark): integers are
 * {@code long} ({@code decimal(n,0)} beyond long), other numbers {@code double} (with
 * {@code prefersDecimal}, the narrowest decimal that holds them), {@code true}/{@code false}
 * {@code boolean}, strings {@code string}; a field seen only as null is a string. Types of one field
 * widen: long and double to double, long or double and decimal to decimal or double, anything else
 * to string. Fields are sorted by name. When some record is not a JSON object (or array of objects),
 * PERMISSIVE mode adds the corrupt-record column, DROPMALFORMED ignores the record and FAILFAST fails.
 *
 * <p>Objects are structs of their fields sorted by name, arrays are arrays of their elements' widened
 * type; an empty object is left out and an array seen only empty or with nulls holds strings.
 */
public final class JsonSchemaInference {
  private static final DecimalType LONG_AS_DECIMAL = new DecimalType(20, 0);

  private final JsonOptions options;
  private final JsonFactory factory;
  private final Map<String, DataType> fields = new TreeMap<>();
  private boolean sawCorruptRecord;
  private Path file;
  private long line;

  private JsonSchemaInference(JsonOptions options) {
    this.options = options;
    this.factory = options.newFactory();
  }

  /** The schema of the records in {@code files}; all columns nullable. */
  public static StructType infer(List<Path> files, JsonOptions options) {
    Objects.requireNonNull(files, "files is null");
    JsonSchemaInference inference = new JsonSchemaInference(Objects.requireNonNull(options, "options is null"));
    for (Path file : files) {
      inference.inferFile(file);
    }
    return inference.schema();
  }

  private void inferFile(Path path) {
    file = path;
    line = 0;
    try {
      if (options.multiLine()) {
        byte[] bytes = JsonFileInput.readAll(path);
        inferRecord(bytes, bytes.length);
        return;
      }
      try (JsonLineReader lines = new JsonLineReader(JsonFileInput.open(path, 0), 0, Long.MAX_VALUE)) {
        while (lines.nextLine()) {
          line = lines.linesRead();
          inferRecord(lines.line(), lines.lineLength());
        }
      }
    } catch (IOException e) {
      throw JsonFileInput.readFailure(path, e);
    }
  }

  private void inferRecord(byte[] bytes, int length) throws IOException {
    if (isBlank(bytes, length)) {
      return;
    }
    // Fields go to a record's own map first: a malformed record must not widen the schema.
    Map<String, DataType> recordFields = new TreeMap<>();
    boolean corrupt;
    try (JsonParser parser = factory.createParser(bytes, 0, length)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        // Only comments: no record, as in Spark.
        return;
      } else if (token == JsonToken.START_OBJECT) {
        inferObject(parser, recordFields);
        corrupt = false;
      } else if (token == JsonToken.START_ARRAY) {
        corrupt = false;
        while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
          inferObject(parser, recordFields);
        }
        corrupt = token != JsonToken.END_ARRAY;
      } else {
        corrupt = true;
      }
    } catch (JacksonException e) {
      corrupt = true;
    }
    if (!corrupt) {
      recordFields.forEach((name, type) -> fields.merge(name, type, JsonSchemaInference::widen));
      return;
    }
    switch (options.mode()) {
      case PERMISSIVE -> sawCorruptRecord = true;
      case DROPMALFORMED -> { }
      case FAILFAST -> throw malformedRecord();
    }
  }

  private void inferObject(JsonParser parser, Map<String, DataType> recordFields) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      DataType type = inferValue(name, parser, parser.nextToken());
      recordFields.merge(name, type, JsonSchemaInference::widen);
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IllegalStateException("Unexpected JSON token " + token);
    }
  }

  private DataType inferValue(String name, JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_NULL:
        return DataTypes.NullType;
      case VALUE_STRING:
        return DataTypes.StringType;
      case VALUE_TRUE:
      case VALUE_FALSE:
        return options.primitivesAsString() ? DataTypes.StringType : DataTypes.BooleanType;
      case VALUE_NUMBER_INT:
        if (options.primitivesAsString()) {
          return DataTypes.StringType;
        }
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          int precision = new BigDecimal(parser.getBigIntegerValue()).precision();
          return precision <= DecimalType.MAX_PRECISION ? new DecimalType(precision, 0) : DataTypes.DoubleType;
        }
        return DataTypes.LongType;
      case VALUE_NUMBER_FLOAT:
        if (options.primitivesAsString()) {
          return DataTypes.StringType;
        }
        if (options.prefersDecimal() && !parser.isNaN()) {
          return decimalFor(parser.getDecimalValue());
        }
        return DataTypes.DoubleType;
      case START_OBJECT:
        Map<String, DataType> objectFields = new TreeMap<>();
        inferObject(parser, objectFields);
        List<StructField> structFields = new ArrayList<>(objectFields.size());
        objectFields.forEach((field, type) -> structFields.add(new StructField(field, type, true)));
        return StructType.of(structFields);
      case START_ARRAY:
        DataType element = DataTypes.NullType;
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          element = widen(element, inferValue(name, parser, next));
        }
        return new ArrayType(element, true);
      default:
        throw new IllegalStateException("Unexpected JSON token " + token);
    }
  }

  /** Spark refuses the negative scales of numbers like {@code 3.5e2} with prefersDecimal. */
  private static DataType decimalFor(BigDecimal value) {
    if (value.scale() < 0) {
      throw new AnalysisException("NEGATIVE_SCALE_DISALLOWED", Map.of("scale", Integer.toString(value.scale())),
          "Negative scale is not allowed: '" + value.scale() + "'. Set the config"
              + " \"spark.sql.legacy.allowNegativeScaleOfDecimal\" to \"true\" to allow it. SQLSTATE: 0A000");
    }
    int precision = Math.max(value.precision(), value.scale());
    return precision <= DecimalType.MAX_PRECISION ? new DecimalType(precision, value.scale()) : DataTypes.DoubleType;
  }

  /**
   * The type that holds values of both types, as Spark widens JSON types: structs merge their
   * fields by name (sorted), arrays widen their elements, and types that do not mix become string.
   */
  static DataType widen(DataType left, DataType right) {
    if (left.equals(right)) {
      return left;
    }
    if (left instanceof StructType first && right instanceof StructType second) {
      Map<String, DataType> merged = new TreeMap<>();
      for (StructField field : first.fields()) {
        merged.put(field.name(), field.dataType());
      }
      for (StructField field : second.fields()) {
        merged.merge(field.name(), field.dataType(), JsonSchemaInference::widen);
      }
      List<StructField> fields = new ArrayList<>(merged.size());
      merged.forEach((name, type) -> fields.add(new StructField(name, type, true)));
      return StructType.of(fields);
    }
    if (left instanceof ArrayType first && right instanceof ArrayType second) {
      return new ArrayType(widen(first.elementType(), second.elementType()), true);
    }
    if (left instanceof NullType) {
      return right;
    }
    if (right instanceof NullType) {
      return left;
    }
    if (isNumber(left) && isNumber(right)) {
      if (left instanceof DoubleType || right instanceof DoubleType) {
        return DataTypes.DoubleType;
      }
      DecimalType first = left instanceof DecimalType decimal ? decimal : LONG_AS_DECIMAL;
      DecimalType second = right instanceof DecimalType decimal ? decimal : LONG_AS_DECIMAL;
      int scale = Math.max(first.scale(), second.scale());
      int integerDigits = Math.max(first.precision() - first.scale(), second.precision() - second.scale());
      if (integerDigits + scale > DecimalType.MAX_PRECISION) {
        return DataTypes.DoubleType;
      }
      return new DecimalType(integerDigits + scale, scale);
    }
    return DataTypes.StringType;
  }

  private static boolean isNumber(DataType type) {
    return type instanceof LongType || type instanceof DoubleType || type instanceof DecimalType;
  }

  private StructType schema() {
    Map<String, DataType> all = new TreeMap<>(fields);
    if (sawCorruptRecord) {
      all.putIfAbsent(options.columnNameOfCorruptRecord(), DataTypes.StringType);
    }
    List<StructField> result = new ArrayList<>(all.size());
    all.forEach((name, type) -> {
      DataType canonical = canonical(type);
      if (canonical != null) {
        result.add(new StructField(name, canonical, true));
      }
    });
    return StructType.of(result);
  }

  /**
   * The inferred type as Spark finally reports it: a type seen only as null is a string, at any
   * depth; a struct with no fields (the JSON {@code {}}) is left out, with the field that holds it.
   */
  private static DataType canonical(DataType type) {
    if (type instanceof NullType) {
      return DataTypes.StringType;
    } else if (type instanceof ArrayType array) {
      DataType element = canonical(array.elementType());
      return element == null ? null : new ArrayType(element, true);
    } else if (type instanceof StructType struct) {
      List<StructField> fields = new ArrayList<>();
      for (StructField field : struct.fields()) {
        DataType canonical = canonical(field.dataType());
        if (canonical != null) {
          fields.add(new StructField(field.name(), canonical, true));
        }
      }
      return fields.isEmpty() ? null : StructType.of(fields);
    }
    return type;
  }

  /** Spark's FAILFAST error during inference (it names the column, not the record); Ember adds where. */
  private SparkException malformedRecord() {
    String where = FileListing.displayName(file) + (options.multiLine() ? "" : ", line " + line);
    return new SparkException(
        "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
        Map.of("badRecord", options.columnNameOfCorruptRecord(), "failFastMode", "FAILFAST"),
        "Malformed records are detected in record parsing: " + options.columnNameOfCorruptRecord() + ".\n"
            + "Parse Mode: FAILFAST. To process malformed records as null result, try setting the option"
            + " 'mode' as 'PERMISSIVE'.  SQLSTATE: 22023\n"
            + "The record is at " + where + ".",
        null);
  }

  private static boolean isBlank(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        return false;
      }
    }
    return true;
  }
}
