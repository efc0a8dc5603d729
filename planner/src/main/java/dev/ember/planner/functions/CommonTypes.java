package dev.ember.planner.functions;

import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.util.List;

/**
 * The one type several values are brought to, following Spark 4.2's ANSI coercion (observed):
 * integrals widen; an integral next to a decimal becomes the decimal that holds both; any float or
 * double next to another number makes double (two floats stay float); a date next to a timestamp
 * becomes a timestamp; null takes the other type. Conditionals ({@code CASE}, {@code coalesce},
 * {@code IN}) also promote strings: next to an integral both become bigint, next to a fractional or
 * decimal double, next to a date, timestamp, boolean or binary that type.
 */
public final class CommonTypes {
  private CommonTypes() {}

  /** The common type of {@code types}, or null when Spark finds none (DATA_DIFF_TYPES). */
  public static DataType wider(List<DataType> types, boolean promoteStrings) {
    DataType result = DataTypes.NullType;
    for (DataType type : types) {
      result = wider(result, type, promoteStrings);
      if (result == null) {
        return null;
      }
    }
    return result;
  }

  public static DataType wider(DataType left, DataType right, boolean promoteStrings) {
    if (left.equals(right)) {
      return left;
    }
    if (left instanceof NullType) {
      return right;
    }
    if (right instanceof NullType) {
      return left;
    }
    if (left.isNumeric() && right.isNumeric()) {
      return widerNumeric(left, right);
    }
    if (isDatetime(left) && isDatetime(right)) {
      return widerDatetime(left, right);
    }
    if (promoteStrings && (left instanceof StringType || right instanceof StringType)) {
      DataType other = left instanceof StringType ? right : left;
      if (ImplicitCasts.integralRank(other) > 0) {
        return DataTypes.LongType;
      }
      if (other.isNumeric()) {
        return DataTypes.DoubleType;
      }
      if (isDatetime(other) || other instanceof BooleanType || other instanceof BinaryType) {
        return other;
      }
    }
    return null;
  }

  private static DataType widerNumeric(DataType left, DataType right) {
    int leftRank = ImplicitCasts.integralRank(left);
    int rightRank = ImplicitCasts.integralRank(right);
    if (leftRank > 0 && rightRank > 0) {
      return leftRank >= rightRank ? left : right;
    }
    if (isFractional(left) || isFractional(right)) {
      return left instanceof FloatType && right instanceof FloatType ? left : DataTypes.DoubleType;
    }
    return widerDecimal(ImplicitCasts.asDecimal(left), ImplicitCasts.asDecimal(right));
  }

  /** The smallest decimal holding both: the larger integral part plus the larger scale, at most 38 digits. */
  public static DecimalType widerDecimal(DecimalType left, DecimalType right) {
    int scale = Math.max(left.scale(), right.scale());
    int integralDigits = Math.max(left.precision() - left.scale(), right.precision() - right.scale());
    return new DecimalType(Math.min(integralDigits + scale, DecimalType.MAX_PRECISION),
        Math.min(scale, DecimalType.MAX_SCALE));
  }

  private static boolean isFractional(DataType type) {
    return type instanceof FloatType || type instanceof DoubleType;
  }

  private static boolean isDatetime(DataType type) {
    return type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType;
  }

  /**
   * The type two different dates or timestamps meet in, as in Spark: a timestamp with a time zone
   * wins (a wall-clock value is read in the session zone), else the timestamp without one (a date is
   * its midnight).
   */
  public static DataType widerDatetime(DataType left, DataType right) {
    if (left instanceof TimestampType || right instanceof TimestampType) {
      return DataTypes.TimestampType;
    }
    return left instanceof TimestampNTZType || right instanceof TimestampNTZType
        ? DataTypes.TimestampNTZType : left;
  }
}
