package dev.ember.runtime.io.csv;

import dev.ember.SparkException;
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
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.TimestampType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Turns one column's values into the text Spark writes for them: numbers as Java prints them
 * ({@code 1.0E10}, {@code NaN}), dates and timestamps with the writer's patterns in its time zone.
 * Null handling is the caller's.
 */
final class CsvValueFormatter {
  private final DataType type;
  private final DateTimeFormatter dates;
  private final DateTimeFormatter timestamps;

  CsvValueFormatter(StructField field, CsvWriterOptions options) {
    this.type = field.dataType();
    if (!isSupported(type)) {
      throw new SparkException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE",
          Map.of("columnName", "`" + field.name() + "`", "columnType", "\"" + type.simpleString().toUpperCase() + "\"",
              "format", "CSV"),
          "The CSV datasource doesn't support the column `" + field.name() + "` of the type \""
              + type.simpleString().toUpperCase() + "\". SQLSTATE: 0A000", null);
    }
    this.dates = type instanceof DateType ? CsvDateTimeParser.formatter(options.dateFormat()) : null;
    this.timestamps = type instanceof TimestampType
        ? CsvDateTimeParser.formatter(options.timestampFormat()).withZone(options.zone()) : null;
  }

  private static boolean isSupported(DataType type) {
    return type instanceof BooleanType || type instanceof ByteType || type instanceof ShortType
        || type instanceof IntegerType || type instanceof LongType || type instanceof FloatType
        || type instanceof DoubleType || type instanceof DecimalType || type instanceof StringType
        || type instanceof DateType || type instanceof TimestampType || type instanceof NullType
        || type instanceof DayTimeIntervalType || type instanceof YearMonthIntervalType;
  }

  /** The text of row {@code row}, which is not null. Intervals are their SQL text, as Spark writes them. */
  String format(FieldVector vector, int row) {
    if (type instanceof DayTimeIntervalType dayTime) {
      return IntervalText.dayTime(((BigIntVector) vector).get(row), dayTime);
    } else if (type instanceof YearMonthIntervalType yearMonth) {
      return IntervalText.yearMonth(((IntVector) vector).get(row), yearMonth);
    } else if (vector instanceof VarCharVector strings) {
      return new String(strings.get(row), StandardCharsets.UTF_8);
    } else if (vector instanceof IntVector ints) {
      return Integer.toString(ints.get(row));
    } else if (vector instanceof BigIntVector longs) {
      return Long.toString(longs.get(row));
    } else if (vector instanceof Float8Vector doubles) {
      return Double.toString(doubles.get(row));
    } else if (vector instanceof Float4Vector floats) {
      return Float.toString(floats.get(row));
    } else if (vector instanceof SmallIntVector shorts) {
      return Short.toString(shorts.get(row));
    } else if (vector instanceof TinyIntVector bytes) {
      return Byte.toString(bytes.get(row));
    } else if (vector instanceof BitVector booleans) {
      return booleans.get(row) != 0 ? "true" : "false";
    } else if (vector instanceof DecimalVector decimals) {
      return decimals.getObject(row).toString();
    } else if (vector instanceof DateDayVector days) {
      return dates.format(LocalDate.ofEpochDay(days.get(row)));
    } else if (vector instanceof TimeStampVector micros) {
      long value = micros.get(row);
      return timestamps.format(Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
          Math.floorMod(value, 1_000_000L) * 1000L));
    }
    throw new IllegalStateException("no CSV text for a " + vector.getClass().getSimpleName() + " of " + type.simpleString());
  }
}
