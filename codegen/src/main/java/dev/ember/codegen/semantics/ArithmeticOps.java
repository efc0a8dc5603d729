package dev.ember.codegen.semantics;

/**
 * Spark's ANSI integer arithmetic: {@code + - *} and unary minus raise Spark's overflow errors
 * instead of wrapping. Shared by the interpreted kernels and the generated ones, so both fail alike.
 * With ANSI off, kernels use Java's wrapping operators directly (Spark does the same).
 *
 * <p>Division and remainder: kernels call {@link #checkDivisor} / {@link #checkRemainderDivisor} in
 * ANSI mode (they throw on zero) and produce null for a zero divisor otherwise; Java's {@code %}
 * already has Spark's sign rule (the result takes the dividend's sign) for integers and doubles.
 */
public final class ArithmeticOps {
  private ArithmeticOps() {}

  public static int addExact(int left, int right) {
    int result = left + right;
    if (((left ^ result) & (right ^ result)) < 0) {
      throw SparkErrors.arithmeticOverflow("try_add");
    }
    return result;
  }

  public static long addExact(long left, long right) {
    long result = left + right;
    if (((left ^ result) & (right ^ result)) < 0) {
      throw SparkErrors.arithmeticOverflow("try_add");
    }
    return result;
  }

  public static int subtractExact(int left, int right) {
    int result = left - right;
    if (((left ^ right) & (left ^ result)) < 0) {
      throw SparkErrors.arithmeticOverflow("try_subtract");
    }
    return result;
  }

  public static long subtractExact(long left, long right) {
    long result = left - right;
    if (((left ^ right) & (left ^ result)) < 0) {
      throw SparkErrors.arithmeticOverflow("try_subtract");
    }
    return result;
  }

  public static int multiplyExact(int left, int right) {
    long result = (long) left * (long) right;
    if ((int) result != result) {
      throw SparkErrors.arithmeticOverflow("try_multiply");
    }
    return (int) result;
  }

  public static long multiplyExact(long left, long right) {
    long high = Math.multiplyHigh(left, right);
    long low = left * right;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return low;
    }
    throw SparkErrors.arithmeticOverflow("try_multiply");
  }

  // tinyint and smallint: Spark computes in int and reports the operands ("1S + 127S") on overflow.

  public static byte addExact(byte left, byte right) {
    return narrowToByte(left + right, left, "+", right, "try_add");
  }

  public static byte subtractExact(byte left, byte right) {
    return narrowToByte(left - right, left, "-", right, "try_subtract");
  }

  public static byte multiplyExact(byte left, byte right) {
    return narrowToByte(left * right, left, "*", right, "try_multiply");
  }

  public static short addExact(short left, short right) {
    return narrowToShort(left + right, left, "+", right, "try_add");
  }

  public static short subtractExact(short left, short right) {
    return narrowToShort(left - right, left, "-", right, "try_subtract");
  }

  public static short multiplyExact(short left, short right) {
    return narrowToShort(left * right, left, "*", right, "try_multiply");
  }

  /** Unary minus; Spark's message has no try_ suggestion here. */
  public static byte negateExact(byte value) {
    if (value == Byte.MIN_VALUE) {
      throw SparkErrors.arithmeticOverflow(null);
    }
    return (byte) -value;
  }

  public static short negateExact(short value) {
    if (value == Short.MIN_VALUE) {
      throw SparkErrors.arithmeticOverflow(null);
    }
    return (short) -value;
  }

  public static int negateExact(int value) {
    if (value == Integer.MIN_VALUE) {
      throw SparkErrors.arithmeticOverflow(null);
    }
    return -value;
  }

  public static long negateExact(long value) {
    if (value == Long.MIN_VALUE) {
      throw SparkErrors.arithmeticOverflow(null);
    }
    return -value;
  }

  /** ANSI division: a zero divisor (also -0.0) raises DIVIDE_BY_ZERO. */
  public static void checkDivisor(long divisor) {
    if (divisor == 0) {
      throw SparkErrors.divideByZero();
    }
  }

  public static void checkDivisor(double divisor) {
    if (divisor == 0) {
      throw SparkErrors.divideByZero();
    }
  }

  /** ANSI remainder: a zero divisor raises REMAINDER_BY_ZERO. */
  public static void checkRemainderDivisor(long divisor) {
    if (divisor == 0) {
      throw SparkErrors.remainderByZero();
    }
  }

  public static void checkRemainderDivisor(double divisor) {
    if (divisor == 0) {
      throw SparkErrors.remainderByZero();
    }
  }

  private static byte narrowToByte(int result, byte left, String operator, byte right, String tryFunction) {
    if (result != (byte) result) {
      // Spark 4.2 prints tinyint operands with the S suffix too.
      throw SparkErrors.binaryArithmeticOverflow(left + "S", operator, right + "S", tryFunction);
    }
    return (byte) result;
  }

  private static short narrowToShort(int result, short left, String operator, short right, String tryFunction) {
    if (result != (short) result) {
      throw SparkErrors.binaryArithmeticOverflow(left + "S", operator, right + "S", tryFunction);
    }
    return (short) result;
  }
}
