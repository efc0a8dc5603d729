package dev.ember.runtime.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Spark's math functions. Values follow the conventions of {@code docs/functions.md}: a
 * {@code boolean ansi} first parameter is the session's {@code spark.sql.ansi.enabled}; a boxed or
 * reference return of null is SQL null; decimal results are rounded to the call's result type by the
 * caller. Spark computes with {@code java.lang.Math}, so Ember does too: the same JVM gives the same
 * bits.
 */
public final class MathFunctions {
  private static final String OVERFLOW = "overflow";

  private MathFunctions() {}

  // ---------------------------------------------------------------------------------------------
  // abs, positive, signum

  public static byte abs(boolean ansi, byte value) {
    if (value == Byte.MIN_VALUE && ansi) {
      throw FunctionErrors.arithmeticOverflow(OVERFLOW, null);
    }
    return (byte) Math.abs(value);
  }

  public static short abs(boolean ansi, short value) {
    if (value == Short.MIN_VALUE && ansi) {
      throw FunctionErrors.arithmeticOverflow(OVERFLOW, null);
    }
    return (short) Math.abs(value);
  }

  public static int abs(boolean ansi, int value) {
    if (value == Integer.MIN_VALUE && ansi) {
      throw FunctionErrors.arithmeticOverflow(OVERFLOW, null);
    }
    return Math.abs(value);
  }

  public static long abs(boolean ansi, long value) {
    if (value == Long.MIN_VALUE && ansi) {
      throw FunctionErrors.arithmeticOverflow(OVERFLOW, null);
    }
    return Math.abs(value);
  }

  public static float abs(boolean ansi, float value) {
    return Math.abs(value);
  }

  public static double abs(boolean ansi, double value) {
    return Math.abs(value);
  }

  public static BigDecimal abs(boolean ansi, BigDecimal value) {
    return value.abs();
  }

  public static byte positive(byte value) {
    return value;
  }

  public static short positive(short value) {
    return value;
  }

  public static int positive(int value) {
    return value;
  }

  public static long positive(long value) {
    return value;
  }

  public static float positive(float value) {
    return value;
  }

  public static double positive(double value) {
    return value;
  }

  public static BigDecimal positive(BigDecimal value) {
    return value;
  }

  public static double signum(double value) {
    return Math.signum(value);
  }

  // ---------------------------------------------------------------------------------------------
  // ceil, floor: to bigint, or to a decimal with a scale

  public static long ceil(double value) {
    return (long) Math.ceil(value);
  }

  public static long ceil(long value) {
    return value;
  }

  public static BigDecimal ceil(BigDecimal value) {
    return value.setScale(0, RoundingMode.CEILING);
  }

  public static long floor(double value) {
    return (long) Math.floor(value);
  }

  public static long floor(long value) {
    return value;
  }

  public static BigDecimal floor(BigDecimal value) {
    return value.setScale(0, RoundingMode.FLOOR);
  }

  public static BigDecimal ceil(BigDecimal value, int scale) {
    return roundDecimal(value, scale, RoundingMode.CEILING);
  }

  public static BigDecimal floor(BigDecimal value, int scale) {
    return roundDecimal(value, scale, RoundingMode.FLOOR);
  }

  private static BigDecimal roundDecimal(BigDecimal value, int scale, RoundingMode mode) {
    BigDecimal rounded = value.setScale(scale, mode);
    return scale < 0 ? rounded.setScale(0) : rounded;
  }

  // ---------------------------------------------------------------------------------------------
  // round (HALF_UP) and bround (HALF_EVEN), with a scale that may be negative

  public static byte round(boolean ansi, byte value, int scale) {
    return (byte) roundIntegral(ansi, value, scale, RoundingMode.HALF_UP, Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  public static short round(boolean ansi, short value, int scale) {
    return (short) roundIntegral(ansi, value, scale, RoundingMode.HALF_UP, Short.MIN_VALUE, Short.MAX_VALUE);
  }

  public static int round(boolean ansi, int value, int scale) {
    return (int) roundIntegral(ansi, value, scale, RoundingMode.HALF_UP, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  public static long round(boolean ansi, long value, int scale) {
    return roundIntegral(ansi, value, scale, RoundingMode.HALF_UP, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  public static float round(boolean ansi, float value, int scale) {
    return roundFloat(value, scale, RoundingMode.HALF_UP);
  }

  public static double round(boolean ansi, double value, int scale) {
    return roundDouble(value, scale, RoundingMode.HALF_UP);
  }

  public static BigDecimal round(boolean ansi, BigDecimal value, int scale) {
    return roundDecimal(value, scale, RoundingMode.HALF_UP);
  }

  public static byte bround(boolean ansi, byte value, int scale) {
    return (byte) roundIntegral(ansi, value, scale, RoundingMode.HALF_EVEN, Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  public static short bround(boolean ansi, short value, int scale) {
    return (short) roundIntegral(ansi, value, scale, RoundingMode.HALF_EVEN, Short.MIN_VALUE, Short.MAX_VALUE);
  }

  public static int bround(boolean ansi, int value, int scale) {
    return (int) roundIntegral(ansi, value, scale, RoundingMode.HALF_EVEN, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  public static long bround(boolean ansi, long value, int scale) {
    return roundIntegral(ansi, value, scale, RoundingMode.HALF_EVEN, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  public static float bround(boolean ansi, float value, int scale) {
    return roundFloat(value, scale, RoundingMode.HALF_EVEN);
  }

  public static double bround(boolean ansi, double value, int scale) {
    return roundDouble(value, scale, RoundingMode.HALF_EVEN);
  }

  public static BigDecimal bround(boolean ansi, BigDecimal value, int scale) {
    return roundDecimal(value, scale, RoundingMode.HALF_EVEN);
  }

  /** A result outside the type is Spark's "Overflow" in ANSI mode and wraps otherwise. */
  private static long roundIntegral(boolean ansi, long value, int scale, RoundingMode mode, long minimum,
      long maximum) {
    if (scale >= 0) {
      return value;
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(scale, mode);
    if (rounded.compareTo(BigDecimal.valueOf(minimum)) < 0 || rounded.compareTo(BigDecimal.valueOf(maximum)) > 0) {
      if (ansi) {
        throw FunctionErrors.arithmeticOverflow("Overflow", null);
      }
    }
    return rounded.toBigInteger().longValue();
  }

  private static double roundDouble(double value, int scale, RoundingMode mode) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return new BigDecimal(Double.toString(value)).setScale(scale, mode).doubleValue();
  }

  private static float roundFloat(float value, int scale, RoundingMode mode) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      return value;
    }
    return new BigDecimal(Float.toString(value)).setScale(scale, mode).floatValue();
  }

  // ---------------------------------------------------------------------------------------------
  // Powers, roots, exponentials and logarithms

  public static double sqrt(double value) {
    return Math.sqrt(value);
  }

  public static double cbrt(double value) {
    return Math.cbrt(value);
  }

  public static double exp(double value) {
    return Math.exp(value);
  }

  public static double expm1(double value) {
    return Math.expm1(value);
  }

  public static double pow(double base, double exponent) {
    return Math.pow(base, exponent);
  }

  public static double hypot(double x, double y) {
    return Math.hypot(x, y);
  }

  /**
   * Logarithms are null, not NaN or -Infinity, at and below their asymptote. Spark computes them with
   * {@code StrictMath}, whose last bit can differ from {@code Math}'s (ln(3) does).
   */
  public static Double ln(double value) {
    return value <= 0 ? null : StrictMath.log(value);
  }

  public static Double log10(double value) {
    return value <= 0 ? null : StrictMath.log10(value);
  }

  public static Double log2(double value) {
    return value <= 0 ? null : StrictMath.log(value) / StrictMath.log(2);
  }

  public static Double log1p(double value) {
    return value <= -1 ? null : StrictMath.log1p(value);
  }

  public static Double log(double base, double value) {
    if (base <= 0 || value <= 0) {
      return null;
    }
    return StrictMath.log(value) / StrictMath.log(base);
  }

  // ---------------------------------------------------------------------------------------------
  // Trigonometry

  public static double sin(double value) {
    return Math.sin(value);
  }

  public static double cos(double value) {
    return Math.cos(value);
  }

  public static double tan(double value) {
    return Math.tan(value);
  }

  public static double asin(double value) {
    return Math.asin(value);
  }

  public static double acos(double value) {
    return Math.acos(value);
  }

  public static double atan(double value) {
    return Math.atan(value);
  }

  /** Adding 0.0 turns -0.0 into 0.0, as Spark does, so atan2(0.0, -0.0) is 0.0 rather than pi. */
  public static double atan2(double y, double x) {
    return Math.atan2(y + 0.0, x + 0.0);
  }

  public static double sinh(double value) {
    return Math.sinh(value);
  }

  public static double cosh(double value) {
    return Math.cosh(value);
  }

  public static double tanh(double value) {
    return Math.tanh(value);
  }

  public static double cot(double value) {
    return 1.0 / Math.tan(value);
  }

  public static double sec(double value) {
    return 1.0 / Math.cos(value);
  }

  public static double csc(double value) {
    return 1.0 / Math.sin(value);
  }

  public static double degrees(double radians) {
    return Math.toDegrees(radians);
  }

  public static double radians(double degrees) {
    return Math.toRadians(degrees);
  }

  public static double e() {
    return Math.E;
  }

  public static double pi() {
    return Math.PI;
  }

  // ---------------------------------------------------------------------------------------------
  // pmod, div

  public static Byte pmod(boolean ansi, byte dividend, byte divisor) {
    Long result = pmod(ansi, (long) dividend, (long) divisor);
    return result == null ? null : result.byteValue();
  }

  public static Short pmod(boolean ansi, short dividend, short divisor) {
    Long result = pmod(ansi, (long) dividend, (long) divisor);
    return result == null ? null : result.shortValue();
  }

  public static Integer pmod(boolean ansi, int dividend, int divisor) {
    if (divisor == 0) {
      return zeroDivisor(ansi);
    }
    int remainder = dividend % divisor;
    return remainder < 0 ? (remainder + divisor) % divisor : remainder;
  }

  public static Long pmod(boolean ansi, long dividend, long divisor) {
    if (divisor == 0) {
      return zeroDivisor(ansi);
    }
    long remainder = dividend % divisor;
    return remainder < 0 ? (remainder + divisor) % divisor : remainder;
  }

  public static Float pmod(boolean ansi, float dividend, float divisor) {
    if (divisor == 0) {
      return zeroDivisor(ansi);
    }
    float remainder = dividend % divisor;
    return remainder < 0 ? (remainder + divisor) % divisor : remainder;
  }

  public static Double pmod(boolean ansi, double dividend, double divisor) {
    if (divisor == 0) {
      return zeroDivisor(ansi);
    }
    double remainder = dividend % divisor;
    return remainder < 0 ? (remainder + divisor) % divisor : remainder;
  }

  public static BigDecimal pmod(boolean ansi, BigDecimal dividend, BigDecimal divisor) {
    if (divisor.signum() == 0) {
      return zeroDivisor(ansi);
    }
    BigDecimal remainder = dividend.remainder(divisor);
    return remainder.signum() < 0 ? remainder.add(divisor).remainder(divisor) : remainder;
  }

  private static <T> T zeroDivisor(boolean ansi) {
    if (ansi) {
      throw FunctionErrors.remainderByZero();
    }
    return null;
  }

  /** Integral division ({@code div}), truncating toward zero. */
  public static Long div(boolean ansi, long dividend, long divisor) {
    if (divisor == 0) {
      if (ansi) {
        throw FunctionErrors.divideByZero();
      }
      return null;
    }
    if (dividend == Long.MIN_VALUE && divisor == -1 && ansi) {
      throw FunctionErrors.arithmeticOverflow("Overflow in integral divide", "try_divide");
    }
    return dividend / divisor;
  }

  public static Long div(boolean ansi, BigDecimal dividend, BigDecimal divisor) {
    if (divisor.signum() == 0) {
      if (ansi) {
        throw FunctionErrors.divideByZero();
      }
      return null;
    }
    BigDecimal quotient = dividend.divideToIntegralValue(divisor);
    if (quotient.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
        || quotient.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      if (ansi) {
        throw FunctionErrors.arithmeticOverflow("Overflow in integral divide", "try_divide");
      }
    }
    return quotient.toBigInteger().longValue();
  }

  // ---------------------------------------------------------------------------------------------
  // Bits

  public static int shiftleft(int value, int bits) {
    return value << bits;
  }

  public static long shiftleft(long value, int bits) {
    return value << bits;
  }

  public static int shiftright(int value, int bits) {
    return value >> bits;
  }

  public static long shiftright(long value, int bits) {
    return value >> bits;
  }

  public static int shiftrightunsigned(int value, int bits) {
    return value >>> bits;
  }

  public static long shiftrightunsigned(long value, int bits) {
    return value >>> bits;
  }

  // ---------------------------------------------------------------------------------------------
  // factorial, width_bucket

  private static final long[] FACTORIALS = factorials();

  private static long[] factorials() {
    long[] values = new long[21];
    values[0] = 1;
    for (int i = 1; i < values.length; i++) {
      values[i] = values[i - 1] * i;
    }
    return values;
  }

  /** Null outside 0..20, where the result would not fit a bigint. */
  public static Long factorial(int value) {
    return value < 0 || value >= FACTORIALS.length ? null : FACTORIALS[value];
  }

  /** The 1-based bucket of {@code value} among {@code buckets} equal ranges; 0 below, buckets + 1 above. */
  public static Long width_bucket(double value, double minimum, double maximum, long buckets) {
    if (buckets <= 0 || buckets == Long.MAX_VALUE || Double.isNaN(value) || minimum == maximum
        || Double.isNaN(minimum) || Double.isInfinite(minimum) || Double.isNaN(maximum)
        || Double.isInfinite(maximum)) {
      return null;
    }
    double lower = Math.min(minimum, maximum);
    double upper = Math.max(minimum, maximum);
    if (minimum < maximum) {
      if (value < lower) {
        return 0L;
      } else if (value >= upper) {
        return buckets + 1;
      }
      return (long) (buckets * (value - lower) / (upper - lower)) + 1;
    }
    if (value > upper) {
      return 0L;
    } else if (value <= lower) {
      return buckets + 1;
    }
    return (long) (buckets * (upper - value) / (upper - lower)) + 1;
  }

  // ---------------------------------------------------------------------------------------------
  // Null and NaN

  public static boolean isnan(Double value) {
    return value != null && Double.isNaN(value);
  }

  /** {@code nanvl(a, b)}: b when a is NaN, else a (null when a is null). */
  public static Double nanvl(Double value, Double replacement) {
    return value == null ? null : Double.isNaN(value) ? replacement : value;
  }

  public static Float nanvl(Float value, Float replacement) {
    return value == null ? null : Float.isNaN(value) ? replacement : value;
  }

  // ---------------------------------------------------------------------------------------------
  // rand, randn: one generator per partition, seeded with seed + partition index as in Spark

  /** A null seed is 0, as in Spark. */
  public static SparkRandom randomState(int partitionIndex, Long seed) {
    return new SparkRandom((seed == null ? 0 : seed) + partitionIndex);
  }

  /** rand() without a seed: Spark draws a random seed; so does Ember, once per kernel. */
  public static SparkRandom randomState(int partitionIndex) {
    return new SparkRandom(java.util.concurrent.ThreadLocalRandom.current().nextLong() + partitionIndex);
  }

  public static double rand(SparkRandom random) {
    return random.nextDouble();
  }

  public static double randn(SparkRandom random) {
    return random.nextGaussian();
  }
}
