package dev.ember.api.rows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * Equality and hashing of a row's external values with the semantics Spark's {@code Row.equals}
 * gets from Scala: boxed primitive numbers compare by numeric value across widths ({@code 1 == 1L},
 * {@code 1 == 1.0}), NaN equals NaN, {@code 0.0} equals {@code -0.0}, decimals compare with
 * {@code compareTo} (so {@code 1.50} equals {@code 1.5}) and byte arrays by content.
 */
final class ValueEquality {
  private ValueEquality() {}

  static boolean equal(Object left, Object right) {
    if (left == null || right == null) {
      return left == right;
    }
    if (isBoxedPrimitiveNumber(left) && isBoxedPrimitiveNumber(right)) {
      return numbersEqual((Number) left, (Number) right);
    }
    if (left instanceof BigDecimal leftDecimal && right instanceof BigDecimal rightDecimal) {
      return leftDecimal.compareTo(rightDecimal) == 0;
    }
    if (left instanceof byte[] leftBytes && right instanceof byte[] rightBytes) {
      return Arrays.equals(leftBytes, rightBytes);
    }
    return left.equals(right);
  }

  /** A hash consistent with {@link #equal}: numbers equal across widths hash alike. */
  static int hash(Object value) {
    if (value == null) {
      return 0;
    }
    if (isBoxedPrimitiveNumber(value)) {
      double asDouble = ((Number) value).doubleValue();
      if (value instanceof Float || value instanceof Double) {
        if (Double.isNaN(asDouble)) {
          return Double.hashCode(Double.NaN);
        }
        long whole = (long) asDouble;
        // Whole doubles hash as the equal long, so 1.0 and 1 (and -0.0 and 0) collide as they must.
        return whole == asDouble ? Long.hashCode(whole) : Double.hashCode(asDouble);
      }
      return Long.hashCode(((Number) value).longValue());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.signum() == 0 ? 0 : decimal.stripTrailingZeros().hashCode();
    }
    if (value instanceof byte[] bytes) {
      return Arrays.hashCode(bytes);
    }
    return Objects.hashCode(value);
  }

  private static boolean isBoxedPrimitiveNumber(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof Float
        || value instanceof Short
        || value instanceof Byte;
  }

  /** Compares in the wider of the two kinds, as Scala does: integral as long, else as double or float. */
  private static boolean numbersEqual(Number left, Number right) {
    boolean leftFloating = left instanceof Float || left instanceof Double;
    boolean rightFloating = right instanceof Float || right instanceof Double;
    if (!leftFloating && !rightFloating) {
      return left.longValue() == right.longValue();
    }
    if (left instanceof Float && right instanceof Float || !(left instanceof Double || right instanceof Double)) {
      float leftFloat = left.floatValue();
      float rightFloat = right.floatValue();
      return leftFloat == rightFloat || Float.isNaN(leftFloat) && Float.isNaN(rightFloat);
    }
    double leftDouble = left.doubleValue();
    double rightDouble = right.doubleValue();
    return leftDouble == rightDouble || Double.isNaN(leftDouble) && Double.isNaN(rightDouble);
  }
}
