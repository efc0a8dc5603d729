package dev.ember.codegen.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The decimal word and product helpers against BigInteger/BigDecimal arithmetic, at the long's edges. */
class GeneratedRuntimeDecimalTest {
  private static final String[] VALUES = {"0", "0.00", "-0.01", "12345.6789", "1E+3", "-1E+20",
      "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
      "18446744073709551616", "-99999999999999999999999999999999.999999",
      "170141183460469231731687303715884105727"};

  @Test
  void wordsAreTheUnscaledValuesTwosComplementHalves() {
    for (String text : VALUES) {
      BigDecimal compact = new BigDecimal(text);
      BigInteger unscaled = compact.unscaledValue();
      // The same value built from a BigInteger, which BigDecimal may keep in inflated form.
      for (BigDecimal value : new BigDecimal[] {compact, new BigDecimal(unscaled, compact.scale())}) {
        assertEquals(unscaled.longValue(), GeneratedRuntime.decimalLow(value), text);
        assertEquals(unscaled.shiftRight(64).longValue(), GeneratedRuntime.decimalHigh(value), text);
      }
    }
  }

  @Test
  void productsAreExactAtTheCombinedScale() {
    long[][] pairs = {{123456789L, -96L}, {Long.MAX_VALUE, 2L}, {Long.MIN_VALUE, -1L}, {999999999999999L, 9999999999999999L},
        {0L, Long.MIN_VALUE}};
    for (long[] pair : pairs) {
      BigDecimal expected = BigDecimal.valueOf(pair[0], 2).multiply(BigDecimal.valueOf(pair[1], 2));
      assertEquals(expected, GeneratedRuntime.decimalProduct(pair[0], pair[1], 4));
      assertEquals(expected, GeneratedRuntime.decimalProduct(BigDecimal.valueOf(pair[0], 2),
          BigDecimal.valueOf(pair[1], 2), 38, 4, true));
    }
  }

  @Test
  void decimalsReadFromMemoryKeepEveryDigitAndTheirScale() {
    BigInteger two64 = BigInteger.ONE.shiftLeft(64);
    BigInteger[] values = {BigInteger.ZERO, BigInteger.valueOf(-1), BigInteger.valueOf(123_456_789L),
        BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MIN_VALUE),
        BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE),
        two64, two64.negate(), BigInteger.TEN.pow(38).subtract(BigInteger.ONE), BigInteger.TEN.pow(38).negate().add(BigInteger.ONE)};
    try (org.apache.arrow.memory.BufferAllocator allocator = dev.ember.runtime.memory.Allocators.newRoot();
        org.apache.arrow.memory.ArrowBuf buffer = allocator.buffer(16)) {
      for (BigInteger value : values) {
        buffer.setLong(0, value.longValue());
        buffer.setLong(8, value.shiftRight(64).longValue());
        BigDecimal read = GeneratedRuntime.readDecimal(buffer.memoryAddress(), 4);
        assertEquals(new BigDecimal(value, 4), read, value.toString());
        assertEquals(4, read.scale(), value.toString());
        assertEquals(value.longValue(), GeneratedRuntime.decimalLow(read), value.toString());
        assertEquals(value.shiftRight(64).longValue(), GeneratedRuntime.decimalHigh(read), value.toString());
      }
    }
  }
}
