package dev.ember.runtime.functions;

/**
 * Spark's bitwise operators ({@code &}, {@code |}, {@code ^}, {@code ~}) and {@code bit_count}, one
 * overload per integral width: the result has the operands' type, so a tinyint stays a tinyint and
 * wraps as Java's narrowing does, as Spark's does.
 */
public final class BitwiseFunctions {
  private BitwiseFunctions() {}

  public static byte bitwiseAnd(byte left, byte right) {
    return (byte) (left & right);
  }

  public static short bitwiseAnd(short left, short right) {
    return (short) (left & right);
  }

  public static int bitwiseAnd(int left, int right) {
    return left & right;
  }

  public static long bitwiseAnd(long left, long right) {
    return left & right;
  }

  public static byte bitwiseOr(byte left, byte right) {
    return (byte) (left | right);
  }

  public static short bitwiseOr(short left, short right) {
    return (short) (left | right);
  }

  public static int bitwiseOr(int left, int right) {
    return left | right;
  }

  public static long bitwiseOr(long left, long right) {
    return left | right;
  }

  public static byte bitwiseXor(byte left, byte right) {
    return (byte) (left ^ right);
  }

  public static short bitwiseXor(short left, short right) {
    return (short) (left ^ right);
  }

  public static int bitwiseXor(int left, int right) {
    return left ^ right;
  }

  public static long bitwiseXor(long left, long right) {
    return left ^ right;
  }

  public static byte bitwiseNot(byte value) {
    return (byte) ~value;
  }

  public static short bitwiseNot(short value) {
    return (short) ~value;
  }

  public static int bitwiseNot(int value) {
    return ~value;
  }

  public static long bitwiseNot(long value) {
    return ~value;
  }

  /**
   * Set bits of the value sign-extended to 64 bits, as Spark counts them: {@code bit_count(-1Y)} and
   * {@code bit_count(-1)} are both 64.
   */
  public static int bitCount(byte value) {
    return Long.bitCount(value);
  }

  public static int bitCount(short value) {
    return Long.bitCount(value);
  }

  public static int bitCount(int value) {
    return Long.bitCount(value);
  }

  public static int bitCount(long value) {
    return Long.bitCount(value);
  }

  public static int bitCount(boolean value) {
    return value ? 1 : 0;
  }
}
