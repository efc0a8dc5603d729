package dev.ember.planner.functions;

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
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;

/**
 * The casts Spark 4.2's ANSI type coercion inserts on its own (observed): a null to anything; a
 * number to a type that holds all its values (integral widening, integral to a large enough decimal,
 * any number to double, float to double); a string to a number, boolean, date, timestamp or binary
 * (the cast itself fails at run time on malformed text); a date to a timestamp. Never a narrowing.
 */
public final class ImplicitCasts {
  private ImplicitCasts() {}

  public static boolean allowed(DataType from, DataType to) {
    if (from.equals(to) || from instanceof NullType) {
      return true;
    }
    if (from instanceof StringType) {
      return to.isNumeric() || to instanceof BooleanType || to instanceof DateType || to instanceof TimestampType
          || to instanceof TimestampNTZType || to instanceof BinaryType;
    }
    if (from instanceof DateType) {
      return to instanceof TimestampType || to instanceof TimestampNTZType;
    }
    if (from instanceof TimestampNTZType) {
      return to instanceof TimestampType;
    }
    if (!from.isNumeric() || !to.isNumeric()) {
      return false;
    }
    if (to instanceof DoubleType) {
      return true;
    }
    int fromRank = integralRank(from);
    if (fromRank > 0) {
      if (integralRank(to) > 0) {
        return integralRank(to) >= fromRank;
      }
      if (to instanceof DecimalType decimal) {
        return decimal.precision() - decimal.scale() >= integralDigits(from);
      }
      return to instanceof FloatType;
    }
    if (from instanceof DecimalType fromDecimal && to instanceof DecimalType toDecimal) {
      return toDecimal.scale() >= fromDecimal.scale()
          && toDecimal.precision() - toDecimal.scale() >= fromDecimal.precision() - fromDecimal.scale();
    }
    return false;
  }

  /**
   * The casts Spark 4.2 inserts for a function argument of one exact type (observed with ANSI on and
   * off): those of {@link #allowed}, and any number to any other numeric type, narrowing included
   * ({@code substring(s, bigintColumn, 2)}); the cast follows the session's ANSI setting, so a value
   * out of range is CAST_OVERFLOW with ANSI on and wraps with ANSI off.
   */
  public static boolean allowedForArgument(DataType from, DataType to) {
    return allowed(from, to) || from.isNumeric() && to.isNumeric();
  }

  /** 1 for tinyint up to 4 for bigint, 0 for any other type. */
  public static int integralRank(DataType type) {
    if (type instanceof ByteType) {
      return 1;
    } else if (type instanceof ShortType) {
      return 2;
    } else if (type instanceof IntegerType) {
      return 3;
    } else if (type instanceof LongType) {
      return 4;
    }
    return 0;
  }

  /** The decimal digits an integral type needs: tinyint 3, smallint 5, int 10, bigint 20. */
  public static int integralDigits(DataType integral) {
    return switch (integralRank(integral)) {
      case 1 -> 3;
      case 2 -> 5;
      case 3 -> 10;
      case 4 -> 20;
      default -> throw new IllegalArgumentException("not an integral type: " + integral);
    };
  }

  /** The decimal type a number is seen as when a function needs a decimal: double is decimal(30,15). */
  public static DecimalType asDecimal(DataType numeric) {
    if (numeric instanceof DecimalType decimal) {
      return decimal;
    } else if (integralRank(numeric) > 0) {
      return new DecimalType(integralDigits(numeric), 0);
    } else if (numeric instanceof FloatType) {
      return new DecimalType(14, 7);
    }
    return new DecimalType(30, 15);
  }
}
