package dev.ember.codegen.interpreted;

import dev.ember.SparkException;
import dev.ember.codegen.semantics.CastOps;
import dev.ember.codegen.semantics.DateTimeCastOps;
import dev.ember.codegen.semantics.IntervalCastOps;
import dev.ember.codegen.semantics.StringCastOps;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.time.ZoneId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Casts a whole vector: numeric types among themselves, booleans to and from numbers, anything to
 * string, strings to numbers, booleans, dates and timestamps, dates and timestamps (with or without a
 * zone) among themselves, through the session time zone, numbers and booleans to and from
 * timestamps, integral numbers to binary, and ANSI intervals to and from strings, numbers and each other. Per-value rules are {@link CastOps},
 * {@link IntervalCastOps} and {@link StringCastOps}; a conversion that gives null (ANSI off) leaves the row null.
 */
final class VectorCasts {
  private final BufferAllocator allocator;
  private final boolean ansi;
  private final ZoneId sessionZone;
  private final boolean nullOnError;

  VectorCasts(BufferAllocator allocator, boolean ansi, ZoneId sessionZone) {
    this(allocator, ansi, sessionZone, false);
  }

  /** With {@code nullOnError} (TRY_CAST) a row whose cast raises Spark's error is left null instead. */
  VectorCasts(BufferAllocator allocator, boolean ansi, ZoneId sessionZone, boolean nullOnError) {
    this.allocator = allocator;
    this.ansi = ansi;
    this.sessionZone = java.util.Objects.requireNonNull(sessionZone, "sessionZone is null");
    this.nullOnError = nullOnError;
  }

  FieldVector cast(FieldVector input, DataType from, DataType to, int count) {
    FieldVector out = Columns.allocate("_", to, allocator, count);
    try {
      ValueFamily source = ValueFamily.of(from);
      if (source != ValueFamily.NULL) {
        RowCast rowCast = rowCast(input, from, to, out);
        for (int i = 0; i < count; i++) {
          if (!input.isNull(i)) {
            if (nullOnError) {
              applyOrLeaveNull(rowCast, i);
            } else {
              rowCast.apply(i);
            }
          }
        }
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  private interface RowCast {
    void apply(int row);
  }

  /** Row casts write their value last, so a failed one has written nothing and the row stays null. */
  private static void applyOrLeaveNull(RowCast rowCast, int row) {
    try {
      rowCast.apply(row);
    } catch (SparkException castError) {
      // TRY_CAST: Spark's runtime error for this value becomes a null result.
    }
  }

  private RowCast rowCast(FieldVector input, DataType from, DataType to, FieldVector out) {
    ValueFamily source = ValueFamily.of(from);
    ValueFamily target = ValueFamily.of(to);
    if (isInterval(from) || isInterval(to)) {
      return intervalCast(input, from, to, out);
    }
    if (to instanceof StringType && from instanceof BinaryType) {
      // Spark keeps the bytes as they are, without checking that they are UTF-8.
      return row -> Columns.setBytes(out, row, Columns.getBytes(input, row));
    }
    if (to instanceof StringType) {
      return row -> Columns.setBytes(out, row, toText(input, from, row).getBytes(StandardCharsets.UTF_8));
    }
    if (source == ValueFamily.BYTES) {
      return fromString(input, from, to, target, out);
    }
    if (isDateTime(from) && isDateTime(to) && !from.equals(to)) {
      return dateTimeCast(input, from, to, out);
    }
    if ((isDateTime(from) || isDateTime(to)) && !from.equals(to)) {
      return numberDateTimeCast(input, from, to, out);
    }
    if (to instanceof BinaryType && source == ValueFamily.INTEGRAL) {
      Columns.LongReader reader = Columns.longReader(input);
      return row -> Columns.setBytes(out, row, CastOps.integralToBinary(reader.get(row), from));
    }
    switch (target) {
      case BOOLEAN:
        return row -> Columns.setBoolean(out, row, isNonZero(input, source, row));
      case INTEGRAL: {
        Columns.LongWriter writer = Columns.longWriter(out);
        switch (source) {
          case BOOLEAN:
            return row -> writer.set(row, Columns.getBoolean(input, row) ? 1 : 0);
          case INTEGRAL: {
            Columns.LongReader reader = Columns.longReader(input);
            return row -> writer.set(row, CastOps.narrowIntegral(reader.get(row), from, to, ansi));
          }
          case FRACTIONAL: {
            Columns.DoubleReader reader = Columns.doubleReader(input);
            return row -> writer.set(row, CastOps.fractionalToIntegral(reader.get(row), from, to, ansi));
          }
          case DECIMAL:
            return row -> writer.set(row,
                CastOps.decimalToIntegral(Columns.getDecimal(input, row), (DecimalType) from, to, ansi));
          default:
            throw unsupported(from, to);
        }
      }
      case FRACTIONAL: {
        Columns.DoubleWriter writer = Columns.doubleWriter(out);
        boolean toFloat = to instanceof FloatType;
        switch (source) {
          case BOOLEAN:
            return row -> writer.set(row, Columns.getBoolean(input, row) ? 1 : 0);
          case INTEGRAL: {
            Columns.LongReader reader = Columns.longReader(input);
            // long to float rounds once, directly; through double it could round twice.
            return toFloat
                ? row -> writer.set(row, (float) reader.get(row))
                : row -> writer.set(row, (double) reader.get(row));
          }
          case FRACTIONAL: {
            Columns.DoubleReader reader = Columns.doubleReader(input);
            return row -> writer.set(row, reader.get(row));
          }
          case DECIMAL:
            return toFloat
                ? row -> writer.set(row, CastOps.decimalToFloat(Columns.getDecimal(input, row)))
                : row -> writer.set(row, CastOps.decimalToDouble(Columns.getDecimal(input, row)));
          default:
            throw unsupported(from, to);
        }
      }
      case DECIMAL: {
        DecimalType decimal = (DecimalType) to;
        int precision = decimal.precision();
        int scale = decimal.scale();
        return switch (source) {
          case BOOLEAN -> row -> setDecimal(out, row,
              CastOps.integralToDecimal(Columns.getBoolean(input, row) ? 1 : 0, precision, scale, ansi));
          case INTEGRAL -> {
            Columns.LongReader reader = Columns.longReader(input);
            yield row -> setDecimal(out, row, CastOps.integralToDecimal(reader.get(row), precision, scale, ansi));
          }
          case FRACTIONAL -> {
            Columns.DoubleReader reader = Columns.doubleReader(input);
            yield from instanceof FloatType
                ? row -> setDecimal(out, row,
                    CastOps.fractionalToDecimal((float) reader.get(row), precision, scale, ansi))
                : row -> setDecimal(out, row, CastOps.fractionalToDecimal(reader.get(row), precision, scale, ansi));
          }
          case DECIMAL -> row -> setDecimal(out, row,
              CastOps.decimalToDecimal(Columns.getDecimal(input, row), precision, scale, ansi));
          default -> throw unsupported(from, to);
        };
      }
      case BYTES:
        if (source == ValueFamily.BYTES) {
          return row -> Columns.setBytes(out, row, Columns.getBytes(input, row));
        }
        throw unsupported(from, to);
      default:
        throw unsupported(from, to);
    }
  }

  private static boolean isInterval(DataType type) {
    return type instanceof DayTimeIntervalType || type instanceof YearMonthIntervalType;
  }

  /** Casts to and from ANSI intervals, value by value through {@link IntervalCastOps}. */
  private RowCast intervalCast(FieldVector input, DataType from, DataType to, FieldVector out) {
    if (to instanceof StringType) {
      Columns.LongReader reader = Columns.longReader(input);
      return from instanceof DayTimeIntervalType dayTime
          ? row -> Columns.setBytes(out, row, IntervalCastOps.dayTimeToString(reader.get(row), dayTime)
              .getBytes(StandardCharsets.UTF_8))
          : row -> Columns.setBytes(out, row, IntervalCastOps.yearMonthToString((int) reader.get(row),
              (YearMonthIntervalType) from).getBytes(StandardCharsets.UTF_8));
    }
    if (to instanceof DecimalType decimal) {
      Columns.LongReader reader = Columns.longReader(input);
      return from instanceof DayTimeIntervalType dayTime
          ? row -> setDecimal(out, row,
              IntervalCastOps.dayTimeToDecimal(reader.get(row), dayTime, decimal.precision(), decimal.scale()))
          : row -> setDecimal(out, row, IntervalCastOps.yearMonthToDecimal((int) reader.get(row),
              (YearMonthIntervalType) from, decimal.precision(), decimal.scale()));
    }
    Columns.LongWriter writer = Columns.longWriter(out);
    if (from instanceof DayTimeIntervalType dayTime) {
      Columns.LongReader reader = Columns.longReader(input);
      return to instanceof DayTimeIntervalType target
          ? row -> writer.set(row, IntervalCastOps.dayTimeToDayTime(reader.get(row), target))
          : row -> writer.set(row, IntervalCastOps.dayTimeToIntegral(reader.get(row), dayTime, to));
    } else if (from instanceof YearMonthIntervalType yearMonth) {
      Columns.LongReader reader = Columns.longReader(input);
      return to instanceof YearMonthIntervalType target
          ? row -> writer.set(row, IntervalCastOps.yearMonthToYearMonth((int) reader.get(row), target))
          : row -> writer.set(row, IntervalCastOps.yearMonthToIntegral((int) reader.get(row), yearMonth, to));
    } else if (from instanceof StringType) {
      return to instanceof DayTimeIntervalType target
          ? row -> writer.set(row, IntervalCastOps.stringToDayTime(text(input, row), target))
          : row -> writer.set(row, IntervalCastOps.stringToYearMonth(text(input, row), (YearMonthIntervalType) to));
    } else if (from instanceof DecimalType decimal) {
      return to instanceof DayTimeIntervalType target
          ? row -> writer.set(row, IntervalCastOps.decimalToDayTime(Columns.getDecimal(input, row), decimal, target))
          : row -> writer.set(row, IntervalCastOps.decimalToYearMonth(Columns.getDecimal(input, row), decimal,
              (YearMonthIntervalType) to));
    } else if (from.isIntegral()) {
      Columns.LongReader reader = Columns.longReader(input);
      return to instanceof DayTimeIntervalType target
          ? row -> writer.set(row, IntervalCastOps.integralToDayTime(reader.get(row), from, target))
          : row -> writer.set(row, IntervalCastOps.integralToYearMonth(reader.get(row), from,
              (YearMonthIntervalType) to));
    }
    throw unsupported(from, to);
  }

  private static boolean isDateTime(DataType type) {
    return type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType;
  }

  private RowCast dateTimeCast(FieldVector input, DataType from, DataType to, FieldVector out) {
    Columns.LongReader reader = Columns.longReader(input);
    Columns.LongWriter writer = Columns.longWriter(out);
    ZoneId zone = sessionZone;
    if (from instanceof TimestampNTZType) {
      return to instanceof DateType
          ? row -> writer.set(row, DateTimeCastOps.wallClockToDate(reader.get(row)))
          : row -> writer.set(row, DateTimeCastOps.wallClockToInstant(reader.get(row), zone));
    } else if (from instanceof TimestampType) {
      return to instanceof DateType
          ? row -> writer.set(row, DateTimeCastOps.instantToDate(reader.get(row), zone))
          : row -> writer.set(row, DateTimeCastOps.instantToWallClock(reader.get(row), zone));
    }
    return to instanceof TimestampNTZType
        ? row -> writer.set(row, DateTimeCastOps.dateToWallClock((int) reader.get(row)))
        : row -> writer.set(row, DateTimeCastOps.dateToInstant((int) reader.get(row), zone));
  }

  /**
   * Numbers and booleans to and from timestamps (seconds since the epoch), and, with ANSI off, dates
   * to numbers and booleans, which Spark defines but always answers with null.
   */
  private RowCast numberDateTimeCast(FieldVector input, DataType from, DataType to, FieldVector out) {
    ValueFamily source = ValueFamily.of(from);
    if (from instanceof DateType) {
      return row -> { };
    }
    if (to instanceof TimestampType) {
      Columns.LongWriter writer = Columns.longWriter(out);
      switch (source) {
        case BOOLEAN:
          return row -> writer.set(row, DateTimeCastOps.booleanToInstant(Columns.getBoolean(input, row)));
        case INTEGRAL: {
          Columns.LongReader reader = Columns.longReader(input);
          return row -> writer.set(row, DateTimeCastOps.secondsToInstant(reader.get(row)));
        }
        case FRACTIONAL: {
          Columns.DoubleReader reader = Columns.doubleReader(input);
          return row -> {
            Long instant = DateTimeCastOps.fractionalSecondsToInstant(reader.get(row), from, ansi);
            if (instant != null) {
              writer.set(row, instant);
            }
          };
        }
        case DECIMAL:
          return row -> writer.set(row, DateTimeCastOps.decimalSecondsToInstant(Columns.getDecimal(input, row)));
        default:
          throw unsupported(from, to);
      }
    }
    if (from instanceof TimestampType) {
      Columns.LongReader reader = Columns.longReader(input);
      switch (ValueFamily.of(to)) {
        case BOOLEAN:
          return row -> Columns.setBoolean(out, row, reader.get(row) != 0);
        case INTEGRAL: {
          Columns.LongWriter writer = Columns.longWriter(out);
          ZoneId zone = sessionZone;
          return row -> {
            Long seconds = DateTimeCastOps.instantToIntegral(reader.get(row), to, zone, ansi);
            if (seconds != null) {
              writer.set(row, seconds);
            }
          };
        }
        case FRACTIONAL: {
          Columns.DoubleWriter writer = Columns.doubleWriter(out);
          boolean toFloat = to instanceof FloatType;
          return toFloat
              ? row -> writer.set(row, (float) DateTimeCastOps.instantToDouble(reader.get(row)))
              : row -> writer.set(row, DateTimeCastOps.instantToDouble(reader.get(row)));
        }
        case DECIMAL: {
          DecimalType decimal = (DecimalType) to;
          return row -> setDecimal(out, row,
              DateTimeCastOps.instantToDecimal(reader.get(row), decimal.precision(), decimal.scale(), ansi));
        }
        default:
          throw unsupported(from, to);
      }
    }
    throw unsupported(from, to);
  }

  private RowCast fromString(FieldVector input, DataType from, DataType to, ValueFamily target, FieldVector out) {
    if (to instanceof TimestampNTZType) {
      Columns.LongWriter writer = Columns.longWriter(out);
      return row -> {
        Long wallClock = DateTimeCastOps.stringToWallClock(text(input, row), ansi);
        if (wallClock != null) {
          writer.set(row, wallClock);
        }
      };
    }
    if (to instanceof TimestampType) {
      Columns.LongWriter writer = Columns.longWriter(out);
      ZoneId zone = sessionZone;
      return row -> {
        Long instant = DateTimeCastOps.stringToInstant(text(input, row), zone, ansi);
        if (instant != null) {
          writer.set(row, instant);
        }
      };
    }
    if (to instanceof BinaryType) {
      return row -> Columns.setBytes(out, row, Columns.getBytes(input, row));
    }
    if (to instanceof DateType) {
      Columns.LongWriter writer = Columns.longWriter(out);
      return row -> {
        Integer days = StringCastOps.toDate(text(input, row), ansi);
        if (days != null) {
          writer.set(row, days);
        }
      };
    }
    return switch (target) {
      case BOOLEAN -> row -> {
        Boolean value = StringCastOps.toBoolean(text(input, row), ansi);
        if (value != null) {
          Columns.setBoolean(out, row, value);
        }
      };
      case INTEGRAL -> {
        if (to instanceof TimestampType) {
          throw unsupported(from, to);
        }
        Columns.LongWriter writer = Columns.longWriter(out);
        yield row -> {
          Long value = StringCastOps.toIntegral(text(input, row), to, ansi);
          if (value != null) {
            writer.set(row, value);
          }
        };
      }
      case FRACTIONAL -> {
        Columns.DoubleWriter writer = Columns.doubleWriter(out);
        boolean toFloat = to instanceof FloatType;
        yield row -> {
          String text = text(input, row);
          if (toFloat) {
            Float value = StringCastOps.toFloat(text, ansi);
            if (value != null) {
              writer.set(row, value);
            }
          } else {
            Double value = StringCastOps.toDouble(text, ansi);
            if (value != null) {
              writer.set(row, value);
            }
          }
        };
      }
      case DECIMAL -> {
        DecimalType decimal = (DecimalType) to;
        yield row -> setDecimal(out, row,
            StringCastOps.toDecimal(text(input, row), decimal.precision(), decimal.scale(), ansi));
      }
      default -> throw unsupported(from, to);
    };
  }

  private String toText(FieldVector input, DataType from, int row) {
    ValueFamily family = ValueFamily.of(from);
    return switch (family) {
      case BOOLEAN -> Columns.getBoolean(input, row) ? "true" : "false";
      case INTEGRAL -> {
        long value = Columns.longReader(input).get(row);
        if (from instanceof DateType) {
          yield StringCastOps.fromDate((int) value);
        } else if (from instanceof TimestampType) {
          yield DateTimeCastOps.instantToString(value, sessionZone);
        } else if (from instanceof TimestampNTZType) {
          yield StringCastOps.fromTimestamp(value);
        }
        yield Long.toString(value);
      }
      case FRACTIONAL -> from instanceof FloatType
          ? StringCastOps.fromFloat((float) Columns.doubleReader(input).get(row))
          : StringCastOps.fromDouble(Columns.doubleReader(input).get(row));
      case DECIMAL -> StringCastOps.fromDecimal(Columns.getDecimal(input, row));
      case BYTES -> text(input, row);
      case NULL -> throw new IllegalStateException("a null value reached a cast");
    };
  }

  private static String text(FieldVector input, int row) {
    return new String(Columns.getBytes(input, row), StandardCharsets.UTF_8);
  }

  private static boolean isNonZero(FieldVector input, ValueFamily family, int row) {
    return switch (family) {
      case BOOLEAN -> Columns.getBoolean(input, row);
      case INTEGRAL -> Columns.longReader(input).get(row) != 0;
      case FRACTIONAL -> Columns.doubleReader(input).get(row) != 0;
      case DECIMAL -> Columns.getDecimal(input, row).signum() != 0;
      default -> throw new IllegalArgumentException("cannot cast " + family + " to boolean");
    };
  }

  private static void setDecimal(FieldVector out, int row, BigDecimal value) {
    if (value != null) {
      Columns.setDecimal(out, row, value);
    }
  }

  private static IllegalArgumentException unsupported(DataType from, DataType to) {
    return new IllegalArgumentException(
        "the interpreted kernels cannot cast " + from.simpleString() + " to " + to.simpleString());
  }
}
