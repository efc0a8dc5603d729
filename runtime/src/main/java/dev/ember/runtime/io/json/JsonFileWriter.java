package dev.ember.runtime.io.json;

import dev.ember.runtime.batch.NestedValues;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.MapType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.io.FileListing;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.runtime.functions.IntervalText;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.TimestampType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
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

/**
 * Writes rows as JSON lines with Jackson's streaming generator, formatting values as Spark 4.2 does
 * (checked against Spark's output): doubles and floats in Java's shortest form ({@code 1.0E20}),
 * {@code NaN} and infinities as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"};
 * decimals as {@code BigDecimal.toString} ({@code 12.30}, {@code 1.000E-7}); dates
 * {@code yyyy-MM-dd}; timestamps {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in the writer's zone; binary
 * as base64; control characters escaped as {@code \u0001}, other characters as they are.
 */
final class JsonFileWriter implements BatchFileWriter {
  private final Path file;
  private final StructType schema;
  private final boolean ignoreNullFields;
  private final DateTimeFormatter dateFormatter;
  private final DateTimeFormatter timestampFormatter;
  private final OutputStream output;
  private final JsonGenerator generator;
  private final String[] names;
  private final DataType[] schemaTypes;
  private boolean done;

  private JsonFileWriter(Path file, StructType schema, JsonOptions options, ZoneId zone, OutputStream output,
      JsonGenerator generator) {
    this.file = file;
    this.schema = schema;
    this.ignoreNullFields = options.ignoreNullFields();
    this.dateFormatter = DateTimeFormatter.ofPattern(options.dateFormat(), Locale.US);
    this.timestampFormatter = DateTimeFormatter.ofPattern(options.timestampFormat(), Locale.US).withZone(zone);
    this.output = output;
    this.generator = generator;
    this.names = schema.fieldNames();
    this.schemaTypes = new DataType[schema.length()];
    for (int i = 0; i < schema.length(); i++) {
      schemaTypes[i] = schema.apply(i).dataType();
    }
    for (int i = 0; i < schema.length(); i++) {
      checkWritable(schema.apply(i).dataType(), schema.apply(i).name());
    }
  }

  static JsonFileWriter create(Path file, StructType schema, JsonOptions options, ZoneId zone, JsonFactory factory) {
    OutputStream output = null;
    try {
      output = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      if (options.compression().equals("gzip")) {
        output = new GZIPOutputStream(output, 1 << 16);
      }
      JsonGenerator generator = factory.createGenerator(output);
      // Rows are separated by newlines, written by the writer itself.
      generator.setRootValueSeparator(null);
      return new JsonFileWriter(file, schema, options, zone, output, generator);
    } catch (IOException | RuntimeException e) {
      if (output != null) {
        try {
          output.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw writeFailure(file, (IOException) e);
    }
  }

  private static void checkWritable(DataType type, String name) {
    if (!(type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType || type instanceof FloatType || type instanceof DoubleType
        || type instanceof DecimalType || type instanceof BooleanType || type instanceof StringType
        || type instanceof BinaryType || type instanceof DateType || type instanceof TimestampType
        || type instanceof DayTimeIntervalType || type instanceof YearMonthIntervalType
        || NestedValues.isNested(type))) {
      throw new IllegalArgumentException(
          "The JSON writer cannot write column '" + name + "' of type " + type.simpleString());
    }
  }

  @Override
  public void write(ColumnBatch batch) {
    if (done) {
      throw new IllegalStateException("JSON writer for " + file + " is already closed");
    }
    if (batch.columnCount() != schema.length()) {
      throw new IllegalArgumentException("Batch schema " + batch.schema().simpleString()
          + " does not match the writer's " + schema.simpleString());
    }
    try {
      int rows = batch.rowCount();
      int columns = names.length;
      for (int row = 0; row < rows; row++) {
        generator.writeStartObject();
        for (int column = 0; column < columns; column++) {
          FieldVector vector = batch.vector(column);
          if (vector.isNull(row)) {
            if (!ignoreNullFields) {
              generator.writeFieldName(names[column]);
              generator.writeNull();
            }
            continue;
          }
          generator.writeFieldName(names[column]);
          writeValue(column, vector, row);
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
      }
    } catch (IOException e) {
      throw writeFailure(file, e);
    }
  }

  private void writeValue(int column, FieldVector vector, int row) throws IOException {
    // Spark writes an ANSI interval as its SQL text, a JSON string.
    if (schemaTypes[column] instanceof DayTimeIntervalType dayTime) {
      generator.writeString(IntervalText.dayTime(((BigIntVector) vector).get(row), dayTime));
    } else if (schemaTypes[column] instanceof YearMonthIntervalType yearMonth) {
      generator.writeString(IntervalText.yearMonth(((IntVector) vector).get(row), yearMonth));
    } else if (vector instanceof ListVector || vector instanceof StructVector) {
      writeNested(NestedValues.read(vector, row), schemaTypes[column]);
    } else if (vector instanceof IntVector ints) {
      generator.writeNumber(ints.get(row));
    } else if (vector instanceof BigIntVector longs) {
      generator.writeNumber(longs.get(row));
    } else if (vector instanceof VarCharVector strings) {
      byte[] bytes = strings.get(row);
      generator.writeUTF8String(bytes, 0, bytes.length);
    } else if (vector instanceof Float8Vector doubles) {
      generator.writeNumber(doubles.get(row));
    } else if (vector instanceof Float4Vector floats) {
      generator.writeNumber(floats.get(row));
    } else if (vector instanceof BitVector booleans) {
      generator.writeBoolean(booleans.get(row) != 0);
    } else if (vector instanceof DecimalVector decimals) {
      generator.writeNumber(decimals.getObject(row));
    } else if (vector instanceof DateDayVector dates) {
      generator.writeString(dateFormatter.format(LocalDate.ofEpochDay(dates.get(row))));
    } else if (vector instanceof TimeStampMicroTZVector timestamps) {
      long micros = timestamps.get(row);
      Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
      generator.writeString(timestampFormatter.format(instant));
    } else if (vector instanceof SmallIntVector shorts) {
      generator.writeNumber(shorts.get(row));
    } else if (vector instanceof TinyIntVector bytes) {
      generator.writeNumber(bytes.get(row));
    } else if (vector instanceof VarBinaryVector binary) {
      generator.writeBinary(binary.get(row));
    } else {
      throw new IllegalArgumentException("The JSON writer cannot write vectors of " + vector.getClass().getSimpleName());
    }
  }

  /**
   * A value inside (or of) an array, map or struct, as Spark writes them: arrays as JSON arrays with
   * {@code null} elements, maps and structs as objects; map keys as their text; a null map value is
   * written, a null struct field only when {@code ignoreNullFields} is off.
   */
  private void writeNested(Object value, DataType type) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (type instanceof ArrayType array) {
      generator.writeStartArray();
      for (Object element : (List<?>) value) {
        writeNested(element, array.elementType());
      }
      generator.writeEndArray();
    } else if (type instanceof MapType map) {
      NestedValues.MapValue entries = (NestedValues.MapValue) value;
      generator.writeStartObject();
      for (int i = 0; i < entries.size(); i++) {
        generator.writeFieldName(keyText(entries.keys().get(i), map.keyType()));
        writeNested(entries.values().get(i), map.valueType());
      }
      generator.writeEndObject();
    } else if (type instanceof StructType struct) {
      Object[] fields = (Object[]) value;
      generator.writeStartObject();
      for (int i = 0; i < fields.length; i++) {
        if (fields[i] == null && ignoreNullFields) {
          continue;
        }
        generator.writeFieldName(struct.apply(i).name());
        writeNested(fields[i], struct.apply(i).dataType());
      }
      generator.writeEndObject();
    } else if (type instanceof DateType) {
      generator.writeString(dateFormatter.format(LocalDate.ofEpochDay(((Number) value).intValue())));
    } else if (type instanceof TimestampType) {
      generator.writeString(timestampFormatter.format(instantOf(((Number) value).longValue())));
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof byte[] bytes) {
      generator.writeBinary(bytes);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof BigDecimal decimal) {
      generator.writeNumber(decimal);
    } else if (value instanceof Double number) {
      generator.writeNumber(number);
    } else if (value instanceof Float number) {
      generator.writeNumber(number);
    } else if (value instanceof Long number) {
      generator.writeNumber(number);
    } else {
      generator.writeNumber(((Number) value).intValue());
    }
  }

  private String keyText(Object key, DataType type) {
    if (type instanceof DateType) {
      return dateFormatter.format(LocalDate.ofEpochDay(((Number) key).intValue()));
    } else if (type instanceof TimestampType) {
      return timestampFormatter.format(instantOf(((Number) key).longValue()));
    }
    return String.valueOf(key);
  }

  private static Instant instantOf(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    try {
      generator.close();
    } catch (IOException e) {
      throw writeFailure(file, e);
    }
  }

  @Override
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    try {
      output.close();
    } catch (IOException e) {
      // The partial file is deleted with the staging directory; nothing else to release.
    }
  }

  private static SparkException writeFailure(Path file, IOException cause) {
    String path = FileListing.displayName(file);
    return new SparkException("TASK_WRITE_FAILED", Map.of("path", path),
        "Task failed while writing rows to " + path + ". SQLSTATE: 58030", cause);
  }
}
