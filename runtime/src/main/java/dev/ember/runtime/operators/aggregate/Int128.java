package dev.ember.runtime.operators.aggregate;

import java.math.BigInteger;

/**
 * 128-bit two's complement integers as two longs (low half unsigned), the layout of Arrow's
 * decimal128 and of Spark's decimal unscaled values up to 38 digits.
 */
final class Int128 {
  private Int128() {}

  /** The high half of {@code a + b}, given the low halves; sets nothing, see {@link #addOverflows}. */
  static long addHigh(long aLow, long aHigh, long bLow, long bHigh) {
    long low = aLow + bLow;
    long carry = Long.compareUnsigned(low, aLow) < 0 ? 1 : 0;
    return aHigh + bHigh + carry;
  }

  /** Whether {@code a + b} leaves the 128-bit range. */
  static boolean addOverflows(long aLow, long aHigh, long bLow, long bHigh) {
    long low = aLow + bLow;
    long carry = Long.compareUnsigned(low, aLow) < 0 ? 1 : 0;
    long highSum = aHigh + bHigh;
    boolean highOverflow = ((aHigh ^ highSum) & (bHigh ^ highSum)) < 0;
    long high = highSum + carry;
    // Adding the carry crosses the boundary only at Long.MAX_VALUE; it may also undo an overflow.
    boolean carryOverflow = carry == 1 && high == Long.MIN_VALUE;
    return highOverflow ^ carryOverflow;
  }

  static int compare(long aLow, long aHigh, long bLow, long bHigh) {
    int byHigh = Long.compare(aHigh, bHigh);
    return byHigh != 0 ? byHigh : Long.compareUnsigned(aLow, bLow);
  }

  static BigInteger toBigInteger(long low, long high) {
    if (high == low >> 63) {
      return BigInteger.valueOf(low);
    }
    return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
  }

  static long low(BigInteger value) {
    return value.longValue();
  }

  static long high(BigInteger value) {
    return value.shiftRight(64).longValue();
  }
}
