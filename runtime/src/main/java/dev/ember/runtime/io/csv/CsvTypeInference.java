package dev.ember.runtime.io.csv;

import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Spark 4.2's CSV type inference for one value and the widening of two inferred types.
 *
 * <p>A value is tried, starting at the column's type so far, in the order int, long, decimal (only
 * integers too large for a long, up to 38 digits), double, date ({@code yyyy-MM-dd} or the
 * {@code dateFormat}), timestamp (lenient unless {@code timestampFormat} is set), boolean; anything
 * else is a string. Checked against Spark: {@code " 5"} is a double (Java's double parser trims,
 * its integer parser does not), {@code 2024-1-5} is a timestamp, not a date, {@code 1e3} is a double,
 * and a 42-digit integer is a double.
 */
final class CsvTypeInference {
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  private final CsvNumberParser numbers = new CsvNumberParser();
  private final CsvDateTimeParser dateTimes;
  /**
   * Inference takes as dates only values in the date pattern ({@code 2024-1-5} is not one), while
   * reading falls back to lenient parsing; so inference checks the pattern itself.
   */
  private final DateTimeFormatter datePattern;

  CsvTypeInference(CsvOptions options) {
    // The zone only matters for the value, and inference keeps only whether a value parses.
    this.dateTimes = new CsvDateTimeParser(options, ZoneOffset.UTC);
    this.datePattern = CsvDateTimeParser.formatter(options.dateFormat());
  }

  /** The type of {@code bytes[start, end)} given the column's type so far; never null. */
  DataType infer(DataType typeSoFar, byte[] bytes, int start, int end) {
    if (typeSoFar instanceof NullType || typeSoFar instanceof IntegerType) {
      return tryInteger(bytes, start, end);
    } else if (typeSoFar instanceof LongType) {
      return tryLong(bytes, start, end);
    } else if (typeSoFar instanceof DecimalType) {
      return tryDecimal(bytes, start, end);
    } else if (typeSoFar instanceof DoubleType) {
      return tryDouble(bytes, start, end);
    } else if (typeSoFar instanceof DateType) {
      return tryDate(bytes, start, end);
    } else if (typeSoFar instanceof TimestampType) {
      return tryTimestamp(bytes, start, end);
    } else if (typeSoFar instanceof BooleanType) {
      return tryBoolean(bytes, start, end);
    }
    return DataTypes.StringType;
  }

  private DataType tryInteger(byte[] bytes, int start, int end) {
    numbers.parseLong(bytes, start, end, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return numbers.failed() ? tryLong(bytes, start, end) : DataTypes.IntegerType;
  }

  private DataType tryLong(byte[] bytes, int start, int end) {
    numbers.parseLong(bytes, start, end);
    return numbers.failed() ? tryDecimal(bytes, start, end) : DataTypes.LongType;
  }

  /** Spark infers a decimal only for whole numbers: a fraction would make most files decimal. */
  private DataType tryDecimal(byte[] bytes, int start, int end) {
    BigDecimal value = numbers.parseDecimal(bytes, start, end);
    if (value != null && value.scale() == 0 && value.precision() <= DecimalType.MAX_PRECISION) {
      return new DecimalType(value.precision(), 0);
    }
    return tryDouble(bytes, start, end);
  }

  private DataType tryDouble(byte[] bytes, int start, int end) {
    numbers.parseDouble(bytes, start, end);
    return numbers.failed() ? tryDate(bytes, start, end) : DataTypes.DoubleType;
  }

  private DataType tryDate(byte[] bytes, int start, int end) {
    try {
      datePattern.parse(new String(bytes, start, end - start, StandardCharsets.UTF_8));
      return DataTypes.DateType;
    } catch (DateTimeException e) {
      return tryTimestamp(bytes, start, end);
    }
  }

  private DataType tryTimestamp(byte[] bytes, int start, int end) {
    dateTimes.parseTimestamp(bytes, start, end);
    return dateTimes.failed() ? tryBoolean(bytes, start, end) : DataTypes.TimestampType;
  }

  private DataType tryBoolean(byte[] bytes, int start, int end) {
    boolean isBoolean = CsvColumnWriter.BooleanWriter.equalsIgnoreCase(bytes, start, end, TRUE)
        || CsvColumnWriter.BooleanWriter.equalsIgnoreCase(bytes, start, end, FALSE);
    return isBoolean ? DataTypes.BooleanType : DataTypes.StringType;
  }

  /**
   * Spark's widening of two inferred types: numbers widen to the wider number (a decimal and a double
   * give a double), a date and a timestamp give a timestamp, anything else gives a string.
   */
  static DataType merge(DataType left, DataType right) {
    if (left.equals(right)) {
      return left;
    } else if (left instanceof NullType) {
      return right;
    } else if (right instanceof NullType) {
      return left;
    } else if (left instanceof StringType || right instanceof StringType) {
      return DataTypes.StringType;
    }
    if (isNumber(left) && isNumber(right)) {
      if (left instanceof DoubleType || right instanceof DoubleType) {
        return DataTypes.DoubleType;
      }
      if (left instanceof DecimalType || right instanceof DecimalType) {
        return widerDecimal(asDecimal(left), asDecimal(right));
      }
      return DataTypes.LongType;
    }
    if ((left instanceof DateType || left instanceof TimestampType)
        && (right instanceof DateType || right instanceof TimestampType)) {
      return DataTypes.TimestampType;
    }
    return DataTypes.StringType;
  }

  private static boolean isNumber(DataType type) {
    return type instanceof IntegerType || type instanceof LongType || type instanceof DecimalType
        || type instanceof DoubleType;
  }

  private static DecimalType asDecimal(DataType type) {
    if (type instanceof IntegerType) {
      return new DecimalType(10, 0);
    } else if (type instanceof LongType) {
      return new DecimalType(20, 0);
    }
    return (DecimalType) type;
  }

  /** Keeps every integer digit and every decimal of both; a double when that needs over 38 digits. */
  private static DataType widerDecimal(DecimalType left, DecimalType right) {
    int scale = Math.max(left.scale(), right.scale());
    int integerDigits = Math.max(left.precision() - left.scale(), right.precision() - right.scale());
    if (integerDigits + scale > DecimalType.MAX_PRECISION) {
      return DataTypes.DoubleType;
    }
    return new DecimalType(integerDigits + scale, scale);
  }
}
