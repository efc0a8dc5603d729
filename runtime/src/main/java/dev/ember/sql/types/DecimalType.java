package dev.ember.sql.types;

/** Spark's {@code decimal(precision, scale)}: at most 38 digits, stored as a 128-bit unscaled integer. */
public final class DecimalType extends DataType {
  public static final int MAX_PRECISION = 38;
  public static final int MAX_SCALE = 38;
  /** Spark's default for {@code DecimalType} without arguments and for BigDecimal literals that fit. */
  public static final DecimalType SYSTEM_DEFAULT = new DecimalType(38, 18);
  public static final DecimalType USER_DEFAULT = new DecimalType(10, 0);

  private final int precision;
  private final int scale;

  public DecimalType(int precision, int scale) {
    if (precision < 1 || precision > MAX_PRECISION) {
      throw new IllegalArgumentException(
          "[DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision " + precision
              + " exceeds max precision " + MAX_PRECISION + ".");
    }
    if (scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "Decimal scale (" + scale + ") cannot be greater than precision (" + precision + ").");
    }
    this.precision = precision;
    this.scale = scale;
  }

  public int precision() {
    return precision;
  }

  public int scale() {
    return scale;
  }

  @Override
  public String typeName() {
    return "decimal(" + precision + "," + scale + ")";
  }

  @Override
  public int defaultSize() {
    return precision <= 18 ? 8 : 16;
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  @Override
  public String toString() {
    return "DecimalType(" + precision + "," + scale + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DecimalType d && d.precision == precision && d.scale == scale;
  }

  @Override
  public int hashCode() {
    return 31 * precision + scale;
  }
}
