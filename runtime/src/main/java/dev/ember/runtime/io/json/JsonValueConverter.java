package dev.ember.runtime.io.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.sql.types.ArrayType;
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
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.TimestampType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Converts the JSON value at the parser's current token to one Spark type, as Spark 4.2's JSON
 * reader does (checked against Spark): integral columns take only integer numbers in range;
 * floating columns take numbers and the strings {@code NaN}, {@code Infinity}, {@code -Infinity};
 * decimals take numbers and numeric strings, rounded half-up to the scale; booleans only
 * {@code true}/{@code false}; dates and timestamps strings (timestamps also integer seconds since
 * the epoch); strings take any value, numbers and booleans as their text and objects or arrays as
 * their raw JSON text.
 *
 * <p>The value of the record being parsed is staged and written to the vector by {@link #commit},
 * so a record that turns out malformed can be dropped or nulled without rewriting vectors.
 */
abstract sealed class JsonValueConverter {
  /** Whether a value is staged for the current record. */
  protected boolean present;

  static JsonValueConverter forType(DataType type, JsonDateTimeParser dateTimes) {
    if (type instanceof ByteType) {
      return new IntegralConverter(Byte.MIN_VALUE, Byte.MAX_VALUE);
    } else if (type instanceof ShortType) {
      return new IntegralConverter(Short.MIN_VALUE, Short.MAX_VALUE);
    } else if (type instanceof IntegerType) {
      return new IntegralConverter(Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (type instanceof LongType) {
      return new IntegralConverter(Long.MIN_VALUE, Long.MAX_VALUE);
    } else if (type instanceof FloatType || type instanceof DoubleType) {
      return new FloatingConverter();
    } else if (type instanceof DecimalType decimal) {
      return new DecimalConverter(decimal);
    } else if (type instanceof BooleanType) {
      return new BooleanConverter();
    } else if (type instanceof DateType) {
      return new DateConverter(dateTimes);
    } else if (type instanceof TimestampType) {
      return new TimestampConverter(dateTimes);
    } else if (type instanceof StringType) {
      return new StringConverter();
    } else if (type instanceof BinaryType) {
      return new BinaryConverter();
    } else if (NestedValues.isNested(type)) {
      return new NestedConverter(type, dateTimes);
    }
    throw new IllegalArgumentException("The JSON reader cannot read columns of type " + type.simpleString());
  }

  /**
   * Stages the value at {@code token} (not null); false if it is not a value of the type. Leaves the
   * parser on the value's last token.
   *
   * @param record the record's bytes, for the raw text of nested values
   */
  abstract boolean read(JsonParser parser, JsonToken token, byte[] record, int recordOffset) throws IOException;

  /** Writes the staged value, or null, into row {@code row} and clears the stage. */
  final void commit(FieldVector vector, int row) {
    if (present) {
      store(vector, row);
    } else {
      setNull(vector, row);
    }
    present = false;
  }

  final void clear() {
    present = false;
  }

  protected abstract void store(FieldVector vector, int row);

  /** The staged value as a {@link NestedValues} object, for values inside arrays, maps and structs. */
  abstract Object staged();

  /** The staged value as Spark prints it in a bad record. */
  abstract String describe();

  private static void setNull(FieldVector vector, int row) {
    NestedValues.setNull(vector, row);
  }

  /** Skips an object or array the type cannot hold; true if the token was a scalar. */
  protected static boolean skipNested(JsonParser parser, JsonToken token) throws IOException {
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      parser.skipChildren();
      return false;
    }
    return true;
  }

  static final class IntegralConverter extends JsonValueConverter {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private final long min;
    private final long max;
    private long value;

    IntegralConverter(long min, long max) {
      this.min = min;
      this.max = max;
    }

    @Override
    boolean read(JsonParser parser, JsonToken token, byte[] record, int recordOffset) throws IOException {
      if (token != JsonToken.VALUE_NUMBER_INT) {
        skipNested(parser, token);
        return false;
      }
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        BigInteger big = parser.getBigIntegerValue();
        if (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0) {
          return false;
        }
      }
      long parsed = parser.getLongValue();
      if (parsed < min || parsed > max) {
        return false;
      }
      value = parsed;
      present = true;
      return true;
    }

    @Override
    Object staged() {
      return value;
    }

    @Override
    protected void store(FieldVector vector, int row) {
      if (vector instanceof BigIntVector longs) {
        longs.setSafe(row, value);
      } else if (vector instanceof IntVector ints) {
        ints.setSafe(row, (int) value);
      } else if (vector instanceof SmallIntVector shorts) {
        shorts.setSafe(row, (short) value);
      } else {
        ((TinyIntVector) vector).setSafe(row, (byte) value);
      }
    }

    @Override
    String describe() {
      return present ? Long.toString(value) : "null";
    }
  }

  static final class FloatingConverter extends JsonValueConverter {
    private double value;

    @Override
    boolean read(JsonParser parser, JsonToken token, byte[] record, int recordOffset) throws IOException {
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        value = parser.getDoubleValue();
      } else if (token == JsonToken.VALUE_STRING) {
        switch (parser.getText()) {
          case "NaN" -> value = Double.NaN;
          case "Infinity", "+Infinity", "Inf", "+Inf", "INF", "+INF" -> value = Double.POSITIVE_INFINITY;
          case "-Infinity", "-Inf", "-INF" -> value = Double.NEGATIVE_INFINITY;
          default -> {
            return false;
          }
        }
      } else {
        skipNested(parser, token);
        return false;
      }
      present = true;
      return true;
    }

    @Override
    Object staged() {
      return value;
    }

    @Override
    protected void store(FieldVector vector, int row) {
      if (vector instanceof Float8Vector doubles) {
        doubles.setSafe(row, value);
      } else {
        ((Float4Vector) vector).setSafe(row, (float) value);
      }
    }

    @Override
    String describe() {
      return present ? Double.toString(value) : "null";
    }
  }

  static final class DecimalConverter extends JsonValueConverter {
    private final DecimalType type;
    private BigDecimal value;

    DecimalConverter(DecimalType type) {
      this.type = type;
    }

    @Override
    boolean read(JsonParser parser, JsonToken token, byte[] record, int recordOffset) throws IOException {
      BigDecimal parsed;
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        if (parser.isNaN()) {
          return false;
        }
        parsed = parser.getDecimalValue();
      } else if (token == JsonToken.VALUE_STRING) {
        try {
          parsed = new BigDecimal(parser.getText().trim());
        } catch (NumberFormatException e) {
          return false;
        }
      } else {
        skipNested(parser, token);
        return false;
      }
      BigDecimal scaled = parsed.setScale(type.scale(), RoundingMode.HALF_UP);
      if (scaled.precision() > type.precision()) {
        return false;
      }
      value = scaled;
      present = true;
      return true;
    }

    @Override
    Object staged() {
      return value;
    }

    @Override
    protected void store(FieldVector vector, int row) {
      ((DecimalVector) vector).setSafe(row, value);
    }

    @Override
    String describe() {
      return present ? value.toPlainString() : "null";
    }
  }

  static final class BooleanConverter extends JsonValueConverter {
    private boolean value;

    @Override
    boolean read(JsonParser parser, JsonToken token, byte[] record, int recordOffset) throws IOException {
      if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
        value = token == JsonToken.VALUE_TRUE;
        present = true;
        return true;
      }
      skipNested(parser, token);
      return false;
    }

    @Override
    Object staged() {
      return value;
    }

    @Override
    protected void store(FieldVector vector, int row) {
      ((BitVector) vector).setSafe(row, value ? 1 : 0);
    }

    @Override
    String describe() {
      return present ? Boolean.toString(value) : "null";
    }
  }

  static final class DateConverter extends JsonValueConverter {
    private final JsonDateTimeParser dateTimes;
    private int value;

    DateConverter(JsonDateTimeParser dateTimes) {
      this.dateTimes = dateTimes;
    }

    @Override
    boolean read(JsonParser parser, JsonToken token, byte[] record, int recordOffset) throws IOException {
      if (token != JsonToken.VALUE_STRING) {
        skipNested(parser, token);
        return false;
      }
      Integer days = dateTimes.parseDate(parser.getText());
      if (days == null) {
        return false;
      }
      value = days;
      present = true;
      return true;
    }

    @Override
    Object staged() {
      return value;
    }

    @Override
    protected void store(FieldVector vector, int row) {
      ((DateDayVector) vector).setSafe(row, value);
    }

    @Override
    String describe() {
      return present ? Integer.toString(value) : "null";
    }
  }

  static final class TimestampConverter extends JsonValueConverter {
    private final JsonDateTimeParser dateTimes;
    private long value;

    TimestampConverter(JsonDateTimeParser dateTimes) {
      this.dateTimes = dateTimes;
    }

    @Override
    boolean read(JsonParser parser, JsonToken token, byte[] record, int recordOffset) throws IOException {
      if (token == JsonToken.VALUE_NUMBER_INT) {
        try {
          // Spark reads an integer as seconds since the epoch.
          value = Math.multiplyExact(parser.getLongValue(), 1_000_000L);
        } catch (ArithmeticException | IOException e) {
          return false;
        }
        present = true;
        return true;
      }
      if (token != JsonToken.VALUE_STRING) {
        skipNested(parser, token);
        return false;
      }
      Long micros = dateTimes.parseTimestamp(parser.getText());
      if (micros == null) {
        return false;
      }
      value = micros;
      present = true;
      return true;
    }

    @Override
    Object staged() {
      return value;
    }

    @Override
    protected void store(FieldVector vector, int row) {
      ((TimeStampMicroTZVector) vector).setSafe(row, value);
    }

    @Override
    String describe() {
      return present ? Long.toString(value) : "null";
    }
  }

  static final class StringConverter extends JsonValueConverter {
    private byte[] value;
    private int start;
    private int length;

    @Override
    boolean read(JsonParser parser, JsonToken token, byte[] record, int recordOffset) throws IOException {
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        // Spark keeps a nested value's raw text, white space included.
        long from = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        long to = parser.currentLocation().getByteOffset();
        value = record;
        start = recordOffset + (int) from;
        length = (int) (to - from);
      } else {
        value = parser.getText().getBytes(StandardCharsets.UTF_8);
        start = 0;
        length = value.length;
      }
      present = true;
      return true;
    }

    /** Stages text directly: the corrupt-record column. */
    void set(byte[] bytes, int from, int count) {
      value = bytes;
      start = from;
      length = count;
      present = true;
    }

    @Override
    Object staged() {
      return new String(value, start, length, StandardCharsets.UTF_8);
    }

    @Override
    protected void store(FieldVector vector, int row) {
      ((VarCharVector) vector).setSafe(row, value, start, length);
    }

    @Override
    String describe() {
      return present ? new String(value, start, length, StandardCharsets.UTF_8) : "null";
    }
  }

  static final class BinaryConverter extends JsonValueConverter {
    private byte[] value;

    @Override
    boolean read(JsonParser parser, JsonToken token, byte[] record, int recordOffset) throws IOException {
      if (token != JsonToken.VALUE_STRING) {
        skipNested(parser, token);
        return false;
      }
      try {
        value = parser.getBinaryValue();
      } catch (IOException e) {
        return false;
      }
      present = true;
      return true;
    }

    @Override
    Object staged() {
      return value;
    }

    @Override
    protected void store(FieldVector vector, int row) {
      ((VarBinaryVector) vector).setSafe(row, value);
    }

    @Override
    String describe() {
      return present ? "[B" : "null";
    }
  }

  /**
   * Arrays, maps and structs, as Spark reads them: an array takes a JSON array, a struct or a map a
   * JSON object (struct fields by name, unknown ones skipped, missing ones null; map keys are the
   * object's names). A value inside that does not convert makes the whole record malformed.
   */
  static final class NestedConverter extends JsonValueConverter {
    private final DataType type;
    /** Array: the element's converter; map: the value's; struct: one per field. */
    private final JsonValueConverter[] children;
    private final Map<String, Integer> fieldIndexes = new HashMap<>();
    private Object value;

    NestedConverter(DataType type, JsonDateTimeParser dateTimes) {
      this.type = type;
      if (type instanceof ArrayType array) {
        children = new JsonValueConverter[] {forType(array.elementType(), dateTimes)};
      } else if (type instanceof MapType map) {
        if (!(map.keyType() instanceof StringType)) {
          throw new IllegalArgumentException("The JSON reader reads only maps with string keys, not "
              + type.simpleString());
        }
        children = new JsonValueConverter[] {forType(map.valueType(), dateTimes)};
      } else {
        StructType struct = (StructType) type;
        children = new JsonValueConverter[struct.length()];
        for (int i = 0; i < children.length; i++) {
          children[i] = forType(struct.apply(i).dataType(), dateTimes);
          fieldIndexes.putIfAbsent(struct.apply(i).name(), i);
        }
      }
    }

    @Override
    boolean read(JsonParser parser, JsonToken token, byte[] record, int recordOffset) throws IOException {
      Object parsed = parse(parser, token, record, recordOffset);
      if (parsed == null) {
        return false;
      }
      value = parsed;
      present = true;
      return true;
    }

    /** The nested value, or null (the parser past the value) when it does not convert. */
    private Object parse(JsonParser parser, JsonToken token, byte[] record, int recordOffset) throws IOException {
      if (type instanceof ArrayType) {
        if (token != JsonToken.START_ARRAY) {
          skipNested(parser, token);
          return null;
        }
        List<Object> elements = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          Object element = child(children[0], parser, next, record, recordOffset);
          if (element == FAILED) {
            skipToEnd(parser);
            return null;
          }
          elements.add(element);
        }
        return elements;
      }
      if (token != JsonToken.START_OBJECT) {
        skipNested(parser, token);
        return null;
      }
      if (type instanceof MapType) {
        List<Object> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Object entry = child(children[0], parser, parser.nextToken(), record, recordOffset);
          if (entry == FAILED) {
            skipToEnd(parser);
            return null;
          }
          keys.add(key);
          values.add(entry);
        }
        return new NestedValues.MapValue(keys, values);
      }
      Object[] fields = new Object[children.length];
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        Integer index = fieldIndexes.get(parser.currentName());
        JsonToken next = parser.nextToken();
        if (index == null) {
          parser.skipChildren();
          continue;
        }
        Object field = child(children[index], parser, next, record, recordOffset);
        if (field == FAILED) {
          skipToEnd(parser);
          return null;
        }
        fields[index] = field;
      }
      return fields;
    }

    private static final Object FAILED = new Object();

    private static Object child(JsonValueConverter converter, JsonParser parser, JsonToken token, byte[] record,
        int recordOffset) throws IOException {
      if (token == JsonToken.VALUE_NULL) {
        return null;
      }
      if (!converter.read(parser, token, record, recordOffset)) {
        converter.clear();
        return FAILED;
      }
      Object staged = converter.staged();
      converter.clear();
      return staged;
    }

    /** Moves the parser to the end of the array or object it is inside. */
    private static void skipToEnd(JsonParser parser) throws IOException {
      int depth = 1;
      while (depth > 0) {
        JsonToken token = parser.nextToken();
        if (token == null) {
          return;
        }
        if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
          depth++;
        } else if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
          depth--;
        }
      }
    }

    @Override
    Object staged() {
      return value;
    }

    @Override
    protected void store(FieldVector vector, int row) {
      NestedValues.write(vector, row, value);
      value = null;
    }

    @Override
    String describe() {
      return present ? String.valueOf(value) : "null";
    }
  }
}
