package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The boxed values object aggregates receive (see {@link ObjectAggregate}): Spark's ordering and
 * grouping equality over them.
 */
public final class BoxedValues {
  private BoxedValues() {}

  /** A 128-bit unscaled decimal as a {@code BigDecimal} of {@code type}'s scale. */
  public static BigDecimal decimal(long low, long high, DecimalType type) {
    return new BigDecimal(Int128.toBigInteger(low, high), type.scale());
  }

  public static byte[] bytesAt(long address, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = org.apache.arrow.memory.util.MemoryUtil.getByte(address + i);
    }
    return bytes;
  }

  /**
   * Spark's ordering: numbers by value with NaN above everything and -0.0 equal to 0.0, strings and
   * binary by unsigned bytes, false before true.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object left, Object right) {
    if (left instanceof Double a && right instanceof Double b) {
      double x = a;
      double y = b;
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
      }
      return x < y ? -1 : x > y ? 1 : 0;
    } else if (left instanceof byte[] a && right instanceof byte[] b) {
      return Arrays.compareUnsigned(a, b);
    }
    return ((Comparable) left).compareTo(right);
  }

  /**
   * A key with Spark's grouping equality, for sets and maps: -0.0 is 0.0, every NaN is one NaN,
   * decimals of one type compare by value, byte strings by content.
   */
  public static Object groupingKey(Object value) {
    if (value instanceof Double d) {
      return d == 0.0 ? 0.0 : Double.isNaN(d) ? Double.NaN : d;
    } else if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes);
    } else if (value instanceof BigDecimal decimal) {
      return decimal.unscaledValue();
    }
    return value;
  }

  /** The value a {@link #groupingKey} stands for, of {@code type}. */
  public static Object fromGroupingKey(Object key, DataType type) {
    if (key instanceof ByteBuffer buffer) {
      return buffer.array();
    } else if (key instanceof BigInteger unscaled) {
      return new BigDecimal(unscaled, ((DecimalType) type).scale());
    } else if (type instanceof BooleanType && key instanceof Long l) {
      return l != 0;
    }
    return key;
  }

  /** A rough heap size of a boxed value, for memory accounting. */
  public static long estimatedBytes(Object value) {
    if (value instanceof byte[] bytes) {
      return 32L + bytes.length;
    } else if (value instanceof BigDecimal) {
      return 64;
    }
    return 24;
  }
}
