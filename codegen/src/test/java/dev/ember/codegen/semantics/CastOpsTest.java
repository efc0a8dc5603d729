package dev.ember.codegen.semantics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ember.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** Integers to binary with ANSI off: big-endian bytes as wide as the type, as Spark 4.2.0 printed them. */
class CastOpsTest {
  @Test
  void integersBecomeTheirBigEndianBytes() {
    assertArrayEquals(new byte[] {(byte) 0xf9}, CastOps.integralToBinary(-7, DataTypes.ByteType));
    assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xf8}, CastOps.integralToBinary(-8, DataTypes.ShortType));
    assertArrayEquals(new byte[] {0, 0, 0, 3}, CastOps.integralToBinary(3, DataTypes.IntegerType));
    assertArrayEquals(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0},
        CastOps.integralToBinary(Long.MIN_VALUE, DataTypes.LongType));
  }
}
