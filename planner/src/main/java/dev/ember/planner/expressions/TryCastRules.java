package dev.ember.planner.expressions;

import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import dev.ember.sql.types.YearMonthIntervalType;

/**
 * Spark 4.2's rules for {@code TRY_CAST} that differ from a plain cast, checked on Spark 4.2.0 for
 * every pair of atomic types: which casts ANSI mode allows at all (try_cast uses ANSI's table even when
 * {@code spark.sql.ansi.enabled} is false), and which are safe widenings whose result is never null
 * for a non-null input (every other try_cast is a nullable column).
 */
public final class TryCastRules {
  private TryCastRules() {}

  /** The casts ANSI mode allows at all: {@link CastRules#ansiAllows}. */
  public static boolean ansiAllows(DataType from, DataType to) {
    return CastRules.ansiAllows(from, to);
  }

  /**
   * True when the cast cannot lose information, so try_cast of a non-null value is never null:
   * integral widenings, integers and floats to double, integers to a decimal with room for every
   * value, decimals to a decimal with at least their integer and fraction digits, dates and timestamps
   * to timestamps, a bigint to a timestamp and back, intervals within one family, and anything to string.
   */
  public static boolean isSafeWidening(DataType from, DataType to) {
    if (from.equals(to) || to instanceof StringType) {
      return true;
    }
    if (from.isIntegral() && to.isIntegral()) {
      return integralDigits(to) >= integralDigits(from);
    } else if (from.isIntegral() && (to instanceof FloatType || to instanceof DoubleType)) {
      return true;
    } else if (from instanceof FloatType && to instanceof DoubleType) {
      return true;
    } else if (from.isIntegral() && to instanceof DecimalType decimal) {
      return integralDigits(from) <= decimal.precision() - decimal.scale();
    } else if (from instanceof DecimalType source && to instanceof DecimalType target) {
      return target.scale() >= source.scale()
          && target.precision() - target.scale() >= source.precision() - source.scale();
    } else if (from instanceof DateType) {
      return to instanceof TimestampType || to instanceof TimestampNTZType;
    } else if (from instanceof TimestampType || from instanceof TimestampNTZType) {
      return to instanceof TimestampType || to instanceof TimestampNTZType
          || from instanceof TimestampType && to instanceof LongType;
    } else if (from instanceof LongType && to instanceof TimestampType) {
      return true;
    } else if (from instanceof DayTimeIntervalType) {
      return to instanceof DayTimeIntervalType;
    } else if (from instanceof YearMonthIntervalType) {
      return to instanceof YearMonthIntervalType;
    }
    return false;
  }

  /** Decimal digits an integral type needs for its widest value. */
  private static int integralDigits(DataType integral) {
    if (integral instanceof ByteType) {
      return 3;
    } else if (integral instanceof ShortType) {
      return 5;
    } else if (integral instanceof IntegerType) {
      return 10;
    }
    return 20;
  }
}
