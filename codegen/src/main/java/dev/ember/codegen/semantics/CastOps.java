package dev.ember.codegen.semantics;

import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Spark 4.2's casts between numeric types and from numbers to strings, checked against Spark.
 *
 * <p>Narrowing: with ANSI on a value outside the target range raises CAST_OVERFLOW; with ANSI off
 * integral values wrap (Java's narrowing), doubles saturate to int or long first (Java's cast, NaN
 * gives 0) and then wrap to short or byte. Decimals are truncated toward zero before narrowing.
 * String casts live in {@link StringCastOps}.
 */
public final class CastOps {
  private CastOps() {}

  /** An integral value (any width, widened to long) as {@code target} (tinyint, smallint or int). */
  public static long narrowIntegral(long value, DataType source, DataType target, boolean ansi) {
    long min = IntegralRange.minimum(target);
    long max = IntegralRange.maximum(target);
    if (value >= min && value <= max) {
      return value;
    }
    if (ansi) {
      throw SparkErrors.castOverflow(integralSql(value, source), source, target);
    }
    return wrap(value, target);
  }

  public static int longToInt(long value, boolean ansi) {
    return (int) narrowIntegral(value, DataTypes.LongType, DataTypes.IntegerType, ansi);
  }

  /** A double or float (widened) as an integral {@code target} (tinyint to bigint). */
  public static long fractionalToIntegral(double value, DataType source, DataType target, boolean ansi) {
    double truncated = value < 0 ? Math.ceil(value) : Math.floor(value);
    boolean fits = target instanceof LongType
        // 2^63 is the first double above Long.MAX_VALUE; -2^63 is exactly Long.MIN_VALUE.
        ? truncated >= -0x1p63 && truncated < 0x1p63
        : truncated >= IntegralRange.minimum(target) && truncated <= IntegralRange.maximum(target);
    if (fits) {
      return (long) truncated;
    }
    if (ansi) {
      throw SparkErrors.castOverflow(fractionalSql(value, source), source, target);
    }
    if (target instanceof LongType) {
      return (long) value;
    }
    return wrap((int) value, target);
  }

  /** A decimal as an integral {@code target}, truncated toward zero. */
  public static long decimalToIntegral(BigDecimal value, DecimalType source, DataType target, boolean ansi) {
    BigDecimal truncated = value.setScale(0, RoundingMode.DOWN);
    boolean fits = truncated.compareTo(BigDecimal.valueOf(IntegralRange.minimum(target))) >= 0
        && truncated.compareTo(BigDecimal.valueOf(IntegralRange.maximum(target))) <= 0;
    if (fits) {
      return truncated.longValueExact();
    }
    if (ansi) {
      throw SparkErrors.castOverflow(value.toPlainString() + "BD", source, target);
    }
    return target instanceof LongType ? truncated.longValue() : wrap(truncated.longValue(), target);
  }

  /** An integral value as {@code decimal(precision, scale)}; null when it does not fit and ANSI is off. */
  public static BigDecimal integralToDecimal(long value, int precision, int scale, boolean ansi) {
    return DecimalOps.toPrecision(BigDecimal.valueOf(value), precision, scale, ansi);
  }

  /**
   * A double as a decimal, through its shortest decimal text ({@code 1.135} stays {@code 1.135}, then
   * rounds half-up). NaN and infinities give null even in ANSI mode, as Spark 4.2 does.
   */
  public static BigDecimal fractionalToDecimal(double value, int precision, int scale, boolean ansi) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    return DecimalOps.toPrecision(new BigDecimal(Double.toString(value)), precision, scale, ansi);
  }

  /** A float as a decimal, through the float's own shortest text ({@code 0.1f} is {@code 0.1}). */
  public static BigDecimal fractionalToDecimal(float value, int precision, int scale, boolean ansi) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      return null;
    }
    return DecimalOps.toPrecision(new BigDecimal(Float.toString(value)), precision, scale, ansi);
  }

  public static BigDecimal decimalToDecimal(BigDecimal value, int precision, int scale, boolean ansi) {
    return DecimalOps.toPrecision(value, precision, scale, ansi);
  }

  public static double decimalToDouble(BigDecimal value) {
    return value.doubleValue();
  }

  public static float decimalToFloat(BigDecimal value) {
    return value.floatValue();
  }

  /** {@code CAST(integral AS BINARY)} (ANSI off only): the value's big-endian bytes, as wide as its type. */
  public static byte[] integralToBinary(long value, DataType source) {
    int width = source instanceof ByteType ? 1 : source instanceof ShortType ? 2 : source instanceof LongType ? 8 : 4;
    byte[] bytes = new byte[width];
    for (int i = width - 1; i >= 0; i--) {
      bytes[i] = (byte) (value >>> (8 * (width - 1 - i)));
    }
    return bytes;
  }

  /** Spark's literal form of a value in error messages: {@code 300L}, {@code 7S}, {@code 1Y}. */
  static String integralSql(long value, DataType type) {
    if (type instanceof LongType) {
      return value + "L";
    } else if (type instanceof ShortType) {
      return value + "S";
    } else if (type instanceof ByteType) {
      return value + "Y";
    }
    return Long.toString(value);
  }

  /** {@code 1.0E20D}; NaN and infinities have no suffix (as Spark prints them). */
  static String fractionalSql(double value, DataType type) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (type instanceof FloatType) {
      return Float.toString((float) value) + "F";
    }
    return Double.toString(value) + (type instanceof DoubleType ? "D" : "");
  }

  private static long wrap(long value, DataType integral) {
    if (integral instanceof ByteType) {
      return (byte) value;
    } else if (integral instanceof ShortType) {
      return (short) value;
    } else if (integral instanceof LongType) {
      return value;
    }
    return (int) value;
  }
}
