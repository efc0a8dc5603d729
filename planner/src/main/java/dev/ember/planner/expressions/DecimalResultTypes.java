package dev.ember.planner.expressions;

import dev.ember.sql.types.DecimalType;

/**
 * Spark's result precision and scale for decimal arithmetic, with
 * {@code spark.sql.decimalOperations.allowPrecisionLoss=true} (the default): when the exact result
 * would need more than 38 digits, integral digits are kept and the scale is cut, but not below 6.
 */
public final class DecimalResultTypes {
  private static final int MINIMUM_ADJUSTED_SCALE = 6;

  private DecimalResultTypes() {}

  public static DecimalType of(ArithmeticOperator operator, DecimalType left, DecimalType right) {
    int p1 = left.precision();
    int s1 = left.scale();
    int p2 = right.precision();
    int s2 = right.scale();
    return switch (operator) {
      case ADD, SUBTRACT -> {
        int scale = Math.max(s1, s2);
        yield bounded(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
      }
      case MULTIPLY -> bounded(p1 + p2 + 1, s1 + s2);
      case DIVIDE -> {
        int scale = Math.max(MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
        yield bounded(p1 - s1 + s2 + scale, scale);
      }
      case REMAINDER -> {
        int scale = Math.max(s1, s2);
        yield bounded(Math.min(p1 - s1, p2 - s2) + scale, scale);
      }
    };
  }

  /** Keeps the integral digits when the precision exceeds 38, cutting the scale (not below 6). */
  static DecimalType bounded(int precision, int scale) {
    if (precision <= DecimalType.MAX_PRECISION) {
      return new DecimalType(Math.max(precision, 1), scale);
    }
    int integralDigits = precision - scale;
    int minimumScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
    int adjustedScale = Math.max(DecimalType.MAX_PRECISION - integralDigits, minimumScale);
    return new DecimalType(DecimalType.MAX_PRECISION, adjustedScale);
  }
}
