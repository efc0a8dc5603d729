package dev.ember.codegen.semantics;

import java.math.BigDecimal;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Spark's orderings for atomic values, as {@code compare} results (negative, zero, positive).
 * Doubles and floats: NaN equals NaN and is greater than every other value, and -0.0 equals 0.0
 * (unlike {@link Double#compare}). Strings and binaries: unsigned byte order of their UTF-8 bytes,
 * which is code point order. Booleans: false before true.
 */
public final class ComparisonOps {
  private ComparisonOps() {}

  public static int compare(boolean left, boolean right) {
    return Boolean.compare(left, right);
  }

  /** For every integral type, dates and timestamps, widened to long. */
  public static int compare(long left, long right) {
    return Long.compare(left, right);
  }

  public static int compare(double left, double right) {
    if (left < right) {
      return -1;
    } else if (left > right) {
      return 1;
    } else if (left == right) {
      return 0; // also -0.0 against 0.0
    }
    boolean leftNaN = Double.isNaN(left);
    boolean rightNaN = Double.isNaN(right);
    return leftNaN == rightNaN ? 0 : leftNaN ? 1 : -1;
  }

  public static int compare(float left, float right) {
    return compare((double) left, (double) right);
  }

  public static int compare(BigDecimal left, BigDecimal right) {
    return left.compareTo(right);
  }

  /** Equality under {@link #compare(double, double)}: NaN = NaN, -0.0 = 0.0. */
  public static boolean equalDoubles(double left, double right) {
    return left == right || (Double.isNaN(left) && Double.isNaN(right));
  }

  public static boolean equalFloats(float left, float right) {
    return left == right || (Float.isNaN(left) && Float.isNaN(right));
  }

  public static int compareBytes(byte[] left, byte[] right) {
    return java.util.Arrays.compareUnsigned(left, right);
  }

  /** Unsigned comparison of two byte strings in off-heap memory (Arrow data buffers). */
  public static int compareBytes(long leftAddress, int leftLength, long rightAddress, int rightLength) {
    int common = Math.min(leftLength, rightLength);
    for (int i = 0; i < common; i++) {
      int leftByte = MemoryUtil.getByte(leftAddress + i) & 0xFF;
      int rightByte = MemoryUtil.getByte(rightAddress + i) & 0xFF;
      if (leftByte != rightByte) {
        return leftByte - rightByte;
      }
    }
    return Integer.compare(leftLength, rightLength);
  }

  /** Unsigned comparison of off-heap bytes against a heap array (a string literal). */
  public static int compareBytes(long leftAddress, int leftLength, byte[] right) {
    int common = Math.min(leftLength, right.length);
    for (int i = 0; i < common; i++) {
      int leftByte = MemoryUtil.getByte(leftAddress + i) & 0xFF;
      int rightByte = right[i] & 0xFF;
      if (leftByte != rightByte) {
        return leftByte - rightByte;
      }
    }
    return Integer.compare(leftLength, right.length);
  }
}
