package dev.ember.runtime.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Int128Test {
  @Test
  void wordsBecomeTheSameBigIntegerOnBothSidesOfTheLongRange() {
    BigInteger two64 = BigInteger.ONE.shiftLeft(64);
    BigInteger[] values = {BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(-1), BigInteger.valueOf(Long.MAX_VALUE),
        BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE),
        BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE), two64, two64.negate(), two64.subtract(BigInteger.ONE),
        BigInteger.TEN.pow(38).subtract(BigInteger.ONE), BigInteger.TEN.pow(38).negate().add(BigInteger.ONE)};
    for (BigInteger value : values) {
      assertEquals(value, Int128.toBigInteger(Int128.low(value), Int128.high(value)), value.toString());
    }
  }

  @Test
  void precisionBoundsMatchTheAbsoluteValueComparison() {
    for (int precision : new int[] {1, 18, 19, 25, 38}) {
      BigInteger bound = BigInteger.TEN.pow(precision);
      long[] words = {Int128.low(bound), Int128.high(bound)};
      for (BigInteger value : new BigInteger[] {bound, bound.subtract(BigInteger.ONE), bound.negate(),
          bound.negate().add(BigInteger.ONE), BigInteger.ZERO, BigInteger.valueOf(-1)}) {
        assertEquals(value.abs().compareTo(bound) < 0,
            HashAggregationTable.fitsPrecision(Int128.low(value), Int128.high(value), words), precision + ": " + value);
      }
    }
  }
}
