package dev.ember.runtime.io.csv;

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
import dev.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
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
 * Converts a field's UTF-8 bytes to one Spark type and stores it in an Arrow vector, with the
 * conversion rules of Spark 4.2's CSV reader (checked against Spark): integers as
 * {@code Integer.parseInt} (no spaces, optional sign), booleans {@code true}/{@code false} in any
 * case, decimals rounded half-up to the column's scale and rejected when they do not fit.
 *
 * <p>One writer per required column and stream, rebound to each batch's vector. Fixed-width vectors
 * are allocated for a whole batch, so those writes need no bounds growth.
 */
abstract sealed class CsvColumnWriter {
  protected final CsvNumberParser numbers;

  private CsvColumnWriter(CsvNumberParser numbers) {
    this.numbers = numbers;
  }

  static CsvColumnWriter forType(DataType type, CsvNumberParser numbers, CsvDateTimeParser dateTimes) {
    if (type instanceof ByteType) {
      return new ByteWriter(numbers);
    } else if (type instanceof ShortType) {
      return new ShortWriter(numbers);
    } else if (type instanceof IntegerType) {
      return new IntWriter(numbers);
    } else if (type instanceof LongType) {
      return new LongWriter(numbers);
    } else if (type instanceof FloatType) {
      return new FloatWriter(numbers);
    } else if (type instanceof DoubleType) {
      return new DoubleWriter(numbers);
    } else if (type instanceof DecimalType decimal) {
      return new DecimalWriter(numbers, decimal);
    } else if (type instanceof BooleanType) {
      return new BooleanWriter(numbers);
    } else if (type instanceof DateType) {
      return new DateWriter(numbers, dateTimes);
    } else if (type instanceof TimestampType) {
      return new TimestampWriter(numbers, dateTimes);
    } else if (type instanceof StringType) {
      return new StringWriter(numbers);
    } else if (type instanceof BinaryType) {
      return new BinaryWriter(numbers);
    }
    throw new IllegalArgumentException("The CSV reader cannot read columns of type " + type.simpleString());
  }

  abstract void bind(FieldVector vector);

  /** Converts and stores the value; false if the text is not a value of the type. */
  abstract boolean write(int row, byte[] bytes, int start, int end);

  abstract void writeNull(int row);

  /** The stored value as Spark prints it in a bad record: internal form (days, micros). */
  abstract String describe(int row);

  static final class ByteWriter extends CsvColumnWriter {
    private TinyIntVector vector;

    ByteWriter(CsvNumberParser numbers) {
      super(numbers);
    }

    @Override
    void bind(FieldVector vector) {
      this.vector = (TinyIntVector) vector;
    }

    @Override
    boolean write(int row, byte[] bytes, int start, int end) {
      long value = numbers.parseLong(bytes, start, end, Byte.MIN_VALUE, Byte.MAX_VALUE);
      if (numbers.failed()) {
        return false;
      }
      vector.set(row, (byte) value);
      return true;
    }

    @Override
    void writeNull(int row) {
      vector.setNull(row);
    }

    @Override
    String describe(int row) {
      return vector.isNull(row) ? "null" : Byte.toString(vector.get(row));
    }
  }

  static final class ShortWriter extends CsvColumnWriter {
    private SmallIntVector vector;

    ShortWriter(CsvNumberParser numbers) {
      super(numbers);
    }

    @Override
    void bind(FieldVector vector) {
      this.vector = (SmallIntVector) vector;
    }

    @Override
    boolean write(int row, byte[] bytes, int start, int end) {
      long value = numbers.parseLong(bytes, start, end, Short.MIN_VALUE, Short.MAX_VALUE);
      if (numbers.failed()) {
        return false;
      }
      vector.set(row, (short) value);
      return true;
    }

    @Override
    void writeNull(int row) {
      vector.setNull(row);
    }

    @Override
    String describe(int row) {
      return vector.isNull(row) ? "null" : Short.toString(vector.get(row));
    }
  }

  static final class IntWriter extends CsvColumnWriter {
    private IntVector vector;

    IntWriter(CsvNumberParser numbers) {
      super(numbers);
    }

    @Override
    void bind(FieldVector vector) {
      this.vector = (IntVector) vector;
    }

    @Override
    boolean write(int row, byte[] bytes, int start, int end) {
      long value = numbers.parseLong(bytes, start, end, Integer.MIN_VALUE, Integer.MAX_VALUE);
      if (numbers.failed()) {
        return false;
      }
      vector.set(row, (int) value);
      return true;
    }

    @Override
    void writeNull(int row) {
      vector.setNull(row);
    }

    @Override
    String describe(int row) {
      return vector.isNull(row) ? "null" : Integer.toString(vector.get(row));
    }
  }

  static final class LongWriter extends CsvColumnWriter {
    private BigIntVector vector;

    LongWriter(CsvNumberParser numbers) {
      super(numbers);
    }

    @Override
    void bind(FieldVector vector) {
      this.vector = (BigIntVector) vector;
    }

    @Override
    boolean write(int row, byte[] bytes, int start, int end) {
      long value = numbers.parseLong(bytes, start, end);
      if (numbers.failed()) {
        return false;
      }
      vector.set(row, value);
      return true;
    }

    @Override
    void writeNull(int row) {
      vector.setNull(row);
    }

    @Override
    String describe(int row) {
      return vector.isNull(row) ? "null" : Long.toString(vector.get(row));
    }
  }

  static final class FloatWriter extends CsvColumnWriter {
    private Float4Vector vector;

    FloatWriter(CsvNumberParser numbers) {
      super(numbers);
    }

    @Override
    void bind(FieldVector vector) {
      this.vector = (Float4Vector) vector;
    }

    @Override
    boolean write(int row, byte[] bytes, int start, int end) {
      float value = numbers.parseFloat(bytes, start, end);
      if (numbers.failed()) {
        return false;
      }
      vector.set(row, value);
      return true;
    }

    @Override
    void writeNull(int row) {
      vector.setNull(row);
    }

    @Override
    String describe(int row) {
      return vector.isNull(row) ? "null" : Float.toString(vector.get(row));
    }
  }

  static final class DoubleWriter extends CsvColumnWriter {
    private Float8Vector vector;

    DoubleWriter(CsvNumberParser numbers) {
      super(numbers);
    }

    @Override
    void bind(FieldVector vector) {
      this.vector = (Float8Vector) vector;
    }

    @Override
    boolean write(int row, byte[] bytes, int start, int end) {
      double value = numbers.parseDouble(bytes, start, end);
      if (numbers.failed()) {
        return false;
      }
      vector.set(row, value);
      return true;
    }

    @Override
    void writeNull(int row) {
      vector.setNull(row);
    }

    @Override
    String describe(int row) {
      return vector.isNull(row) ? "null" : Double.toString(vector.get(row));
    }
  }

  static final class DecimalWriter extends CsvColumnWriter {
    private final int precision;
    private final int scale;
    private DecimalVector vector;

    DecimalWriter(CsvNumberParser numbers, DecimalType type) {
      super(numbers);
      this.precision = type.precision();
      this.scale = type.scale();
    }

    @Override
    void bind(FieldVector vector) {
      this.vector = (DecimalVector) vector;
    }

    @Override
    boolean write(int row, byte[] bytes, int start, int end) {
      BigDecimal value = numbers.parseDecimal(bytes, start, end);
      if (value == null) {
        return false;
      }
      BigDecimal scaled = value.setScale(scale, RoundingMode.HALF_UP);
      if (scaled.precision() > precision) {
        return false;
      }
      vector.setSafe(row, scaled);
      return true;
    }

    @Override
    void writeNull(int row) {
      vector.setNull(row);
    }

    @Override
    String describe(int row) {
      return vector.isNull(row) ? "null" : vector.getObject(row).toPlainString();
    }
  }

  static final class BooleanWriter extends CsvColumnWriter {
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private BitVector vector;

    BooleanWriter(CsvNumberParser numbers) {
      super(numbers);
    }

    @Override
    void bind(FieldVector vector) {
      this.vector = (BitVector) vector;
    }

    @Override
    boolean write(int row, byte[] bytes, int start, int end) {
      if (equalsIgnoreCase(bytes, start, end, TRUE)) {
        vector.set(row, 1);
      } else if (equalsIgnoreCase(bytes, start, end, FALSE)) {
        vector.set(row, 0);
      } else {
        return false;
      }
      return true;
    }

    /** Whether the bytes spell {@code lowerCase} in any letter case (ASCII). */
    static boolean equalsIgnoreCase(byte[] bytes, int start, int end, byte[] lowerCase) {
      if (end - start != lowerCase.length) {
        return false;
      }
      for (int i = 0; i < lowerCase.length; i++) {
        if ((bytes[start + i] | 0x20) != lowerCase[i]) {
          return false;
        }
      }
      return true;
    }

    @Override
    void writeNull(int row) {
      vector.setNull(row);
    }

    @Override
    String describe(int row) {
      return vector.isNull(row) ? "null" : Boolean.toString(vector.get(row) == 1);
    }
  }

  static final class DateWriter extends CsvColumnWriter {
    private final CsvDateTimeParser dateTimes;
    private DateDayVector vector;

    DateWriter(CsvNumberParser numbers, CsvDateTimeParser dateTimes) {
      super(numbers);
      this.dateTimes = dateTimes;
    }

    @Override
    void bind(FieldVector vector) {
      this.vector = (DateDayVector) vector;
    }

    @Override
    boolean write(int row, byte[] bytes, int start, int end) {
      int days = dateTimes.parseDate(bytes, start, end);
      if (dateTimes.failed()) {
        return false;
      }
      vector.set(row, days);
      return true;
    }

    @Override
    void writeNull(int row) {
      vector.setNull(row);
    }

    @Override
    String describe(int row) {
      return vector.isNull(row) ? "null" : Integer.toString(vector.get(row));
    }
  }

  static final class TimestampWriter extends CsvColumnWriter {
    private final CsvDateTimeParser dateTimes;
    private TimeStampMicroTZVector vector;

    TimestampWriter(CsvNumberParser numbers, CsvDateTimeParser dateTimes) {
      super(numbers);
      this.dateTimes = dateTimes;
    }

    @Override
    void bind(FieldVector vector) {
      this.vector = (TimeStampMicroTZVector) vector;
    }

    @Override
    boolean write(int row, byte[] bytes, int start, int end) {
      long micros = dateTimes.parseTimestamp(bytes, start, end);
      if (dateTimes.failed()) {
        return false;
      }
      vector.set(row, micros);
      return true;
    }

    @Override
    void writeNull(int row) {
      vector.setNull(row);
    }

    @Override
    String describe(int row) {
      return vector.isNull(row) ? "null" : Long.toString(vector.get(row));
    }
  }

  static final class StringWriter extends CsvColumnWriter {
    private VarCharVector vector;

    StringWriter(CsvNumberParser numbers) {
      super(numbers);
    }

    @Override
    void bind(FieldVector vector) {
      this.vector = (VarCharVector) vector;
    }

    @Override
    boolean write(int row, byte[] bytes, int start, int end) {
      vector.setSafe(row, bytes, start, end - start);
      return true;
    }

    @Override
    void writeNull(int row) {
      vector.setNull(row);
    }

    @Override
    String describe(int row) {
      return vector.isNull(row) ? "null" : new String(vector.get(row), StandardCharsets.UTF_8);
    }
  }

  static final class BinaryWriter extends CsvColumnWriter {
    private VarBinaryVector vector;

    BinaryWriter(CsvNumberParser numbers) {
      super(numbers);
    }

    @Override
    void bind(FieldVector vector) {
      this.vector = (VarBinaryVector) vector;
    }

    @Override
    boolean write(int row, byte[] bytes, int start, int end) {
      vector.setSafe(row, bytes, start, end - start);
      return true;
    }

    @Override
    void writeNull(int row) {
      vector.setNull(row);
    }

    @Override
    String describe(int row) {
      return vector.isNull(row) ? "null" : java.util.HexFormat.of().formatHex(vector.get(row));
    }
  }
}
