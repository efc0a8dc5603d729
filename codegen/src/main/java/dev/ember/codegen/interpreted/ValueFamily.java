package dev.ember.codegen.interpreted;

import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;

/**
 * The Java value a type is computed with in the interpreted kernels: every integral type, dates
 * (days) and timestamps (microseconds) as {@code long}; float and double as {@code double} (float
 * results are rounded back to float when written, which gives float arithmetic's exact results);
 * decimals as {@code BigDecimal}; strings and binaries as UTF-8 / raw {@code byte[]}.
 */
enum ValueFamily {
  BOOLEAN,
  INTEGRAL,
  FRACTIONAL,
  DECIMAL,
  BYTES,
  NULL;

  static ValueFamily of(DataType type) {
    if (type instanceof BooleanType) {
      return BOOLEAN;
    } else if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType || type instanceof DateType || type instanceof TimestampType
        || type instanceof TimestampNTZType || type instanceof DayTimeIntervalType
        || type instanceof YearMonthIntervalType) {
      return INTEGRAL;
    } else if (type instanceof FloatType || type instanceof DoubleType) {
      return FRACTIONAL;
    } else if (type instanceof DecimalType) {
      return DECIMAL;
    } else if (type instanceof StringType || type instanceof BinaryType) {
      return BYTES;
    } else if (type instanceof NullType) {
      return NULL;
    }
    throw new IllegalArgumentException("the interpreted kernels do not support type " + type.simpleString());
  }
}
