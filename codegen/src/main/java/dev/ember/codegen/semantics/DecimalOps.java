package dev.ember.codegen.semantics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Spark's decimal arithmetic: compute exactly, round half-up to the result type's scale, then check
 * the precision. A result that does not fit raises NUMERIC_VALUE_OUT_OF_RANGE in ANSI mode and is
 * null otherwise, so these methods return {@code null} for "no value" (also for a zero divisor
 * with ANSI off). Result precision and scale come from the planner's {@code DecimalResultTypes}.
 */
public final class DecimalOps {
  /** Spark divides at one digit beyond the maximum scale before rounding to the result type. */
  private static final int DIVISION_SCALE = 39;

  private DecimalOps() {}

  public static BigDecimal add(BigDecimal left, BigDecimal right, int precision, int scale, boolean ansi) {
    return toPrecision(left.add(right), precision, scale, ansi);
  }

  public static BigDecimal subtract(BigDecimal left, BigDecimal right, int precision, int scale, boolean ansi) {
    return toPrecision(left.subtract(right), precision, scale, ansi);
  }

  public static BigDecimal multiply(BigDecimal left, BigDecimal right, int precision, int scale, boolean ansi) {
    return toPrecision(left.multiply(right), precision, scale, ansi);
  }

  public static BigDecimal divide(BigDecimal left, BigDecimal right, int precision, int scale, boolean ansi) {
    if (right.signum() == 0) {
      if (ansi) {
        throw SparkErrors.divideByZero();
      }
      return null;
    }
    return toPrecision(left.divide(right, DIVISION_SCALE, RoundingMode.HALF_UP), precision, scale, ansi);
  }

  /** The remainder takes the dividend's sign, as Java's {@link BigDecimal#remainder} does. */
  public static BigDecimal remainder(BigDecimal left, BigDecimal right, int precision, int scale, boolean ansi) {
    if (right.signum() == 0) {
      if (ansi) {
        throw SparkErrors.remainderByZero();
      }
      return null;
    }
    return toPrecision(left.remainder(right), precision, scale, ansi);
  }

  public static BigDecimal negate(BigDecimal value) {
    return value.negate();
  }

  /**
   * {@code value} as {@code decimal(precision, scale)}: rounded half-up to the scale; null (ANSI off)
   * or NUMERIC_VALUE_OUT_OF_RANGE (ANSI on) when more integral digits are needed than the type has.
   */
  public static BigDecimal toPrecision(BigDecimal value, int precision, int scale, boolean ansi) {
    BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
    if (rounded.precision() - rounded.scale() > precision - scale && rounded.signum() != 0) {
      if (ansi) {
        throw SparkErrors.numericValueOutOfRange(value, precision, scale);
      }
      return null;
    }
    return rounded;
  }
}
