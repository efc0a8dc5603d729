package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Literal;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/** Comparisons of literals with Spark's ordering; empty for types it does not order here. */
final class LiteralComparison {
  private LiteralComparison() {}

  static Optional<Literal> evaluate(ComparisonOperator operator, Literal left, Literal right) {
    if (left.isNull() || right.isNull()) {
      if (operator == ComparisonOperator.NULL_SAFE_EQUAL) {
        return Optional.of(left.isNull() && right.isNull() ? Literal.TRUE : Literal.FALSE);
      }
      return Optional.of(Literal.nullOf(dev.ember.sql.types.DataTypes.BooleanType));
    }
    OptionalInt order = compare(left, right);
    if (order.isEmpty()) {
      return Optional.empty();
    }
    int sign = order.getAsInt();
    boolean result = switch (operator) {
      case EQUAL_TO, NULL_SAFE_EQUAL -> sign == 0;
      case LESS_THAN -> sign < 0;
      case LESS_THAN_OR_EQUAL -> sign <= 0;
      case GREATER_THAN -> sign > 0;
      case GREATER_THAN_OR_EQUAL -> sign >= 0;
    };
    return Optional.of(result ? Literal.TRUE : Literal.FALSE);
  }

  private static OptionalInt compare(Literal left, Literal right) {
    DataType type = left.dataType();
    if (type instanceof DecimalType && right.dataType() instanceof DecimalType) {
      return OptionalInt.of(((BigDecimal) left.value()).compareTo((BigDecimal) right.value()));
    }
    if (!type.equals(right.dataType())) {
      return OptionalInt.empty();
    }
    Object l = left.value();
    Object r = right.value();
    if (type.isIntegral() || type instanceof DateType || type instanceof TimestampType
        || type instanceof TimestampNTZType) {
      return OptionalInt.of(Long.compare(((Number) l).longValue(), ((Number) r).longValue()));
    } else if (type instanceof DoubleType || type instanceof FloatType) {
      return OptionalInt.of(compareFloating(((Number) l).doubleValue(), ((Number) r).doubleValue()));
    } else if (type instanceof StringType) {
      return OptionalInt.of(compareCodePoints((String) l, (String) r));
    } else if (type instanceof BooleanType) {
      return OptionalInt.of(Boolean.compare((Boolean) l, (Boolean) r));
    } else if (type instanceof BinaryType) {
      return OptionalInt.of(Arrays.compareUnsigned((byte[]) l, (byte[]) r));
    }
    return OptionalInt.empty();
  }

  /** Spark's order: NaN equals NaN and is above every other value; -0.0 equals 0.0. */
  private static int compareFloating(double left, double right) {
    boolean leftNaN = Double.isNaN(left);
    boolean rightNaN = Double.isNaN(right);
    if (leftNaN || rightNaN) {
      return Boolean.compare(leftNaN, rightNaN);
    }
    return left < right ? -1 : left > right ? 1 : 0;
  }

  /**
   * Spark compares strings by their UTF-8 bytes, which is code point order; Java's
   * {@code String.compareTo} compares UTF-16 units and disagrees for characters above U+FFFF.
   */
  private static int compareCodePoints(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int a = left.codePointAt(i);
      int b = right.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Boolean.compare(i < left.length(), j < right.length());
  }
}
