package dev.ember.codegen.generated;

import dev.ember.codegen.semantics.ComparisonOps;
import dev.ember.codegen.semantics.DecimalOps;
import dev.ember.codegen.semantics.SparkErrors;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.DecimalVector;

/**
 * Static helpers that generated kernels call per row, beside the shared {@code semantics} classes:
 * string-to-number casts straight from Arrow memory (no String per row for integers), byte-string
 * comparisons the semantics classes lack, and raw reads and writes of Arrow buffers. Public because
 * generated classes live in their own class loader; final with static methods so the JIT inlines
 * the calls.
 */
public final class GeneratedRuntime {
  private GeneratedRuntime() {}

  // ---------------------------------------------------------------------------------------------
  // Comparisons: Spark orders NaN above every other double and equal to itself, and -0.0 equal to 0.0.

  /** Unsigned byte order of a literal against bytes in off-heap memory (the mirror of ComparisonOps'). */
  public static int compareBytes(byte[] left, long rightAddress, int rightLength) {
    return -Integer.signum(ComparisonOps.compareBytes(rightAddress, rightLength, left));
  }

  public static boolean equalBytes(long leftAddress, int leftLength, long rightAddress, int rightLength) {
    return leftLength == rightLength && ComparisonOps.compareBytes(leftAddress, leftLength, rightAddress, rightLength) == 0;
  }

  public static boolean equalBytes(long leftAddress, int leftLength, byte[] right) {
    return leftLength == right.length && ComparisonOps.compareBytes(leftAddress, leftLength, right) == 0;
  }

  public static boolean equalBytes(byte[] left, long rightAddress, int rightLength) {
    return equalBytes(rightAddress, rightLength, left);
  }

  public static boolean equalBytes(byte[] left, byte[] right) {
    return java.util.Arrays.equals(left, right);
  }

  // ---------------------------------------------------------------------------------------------
  // Casts.

  /**
   * Whether the UTF-8 bytes are an integer within [min, max], after Spark's trimming of whitespace and
   * control characters. {@code allowFraction} (non-ANSI casts) accepts and drops a fraction of digits
   * ("1.7" is 1, ".5" is 0).
   */
  public static boolean isIntegral(long address, int length, long min, long max, boolean allowFraction) {
    int start = 0;
    int end = length;
    while (start < end && isTrimmed(MemoryUtil.getByte(address + start))) {
      start++;
    }
    while (end > start && isTrimmed(MemoryUtil.getByte(address + end - 1))) {
      end--;
    }
    if (start == end) {
      return false;
    }
    boolean negative = false;
    byte first = MemoryUtil.getByte(address + start);
    if (first == '-' || first == '+') {
      negative = first == '-';
      start++;
      if (start == end) {
        return false;
      }
    }
    // Accumulate negatively, as Long.parseLong does, so the minimum value fits.
    long limit = negative ? min : -max;
    long multiplyLimit = limit / 10;
    long accumulator = 0;
    int i = start;
    for (; i < end; i++) {
      byte b = MemoryUtil.getByte(address + i);
      if (b == '.') {
        break;
      }
      if (b < '0' || b > '9' || accumulator < multiplyLimit) {
        return false;
      }
      accumulator *= 10;
      int digit = b - '0';
      if (accumulator < limit + digit) {
        return false;
      }
      accumulator -= digit;
    }
    if (i < end) {
      if (!allowFraction) {
        return false;
      }
      for (i++; i < end; i++) {
        byte b = MemoryUtil.getByte(address + i);
        if (b < '0' || b > '9') {
          return false;
        }
      }
    }
    return true;
  }

  /** The integer of bytes that {@link #isIntegral} accepted (a fraction is dropped). */
  public static long toIntegral(long address, int length) {
    int start = 0;
    while (isTrimmed(MemoryUtil.getByte(address + start))) {
      start++;
    }
    boolean negative = false;
    byte first = MemoryUtil.getByte(address + start);
    if (first == '-' || first == '+') {
      negative = first == '-';
      start++;
    }
    long accumulator = 0;
    for (int i = start; i < length; i++) {
      byte b = MemoryUtil.getByte(address + i);
      if (b < '0' || b > '9') {
        break;
      }
      accumulator = accumulator * 10 - (b - '0');
    }
    return negative ? accumulator : -accumulator;
  }

  /** ANSI string-to-integral cast: malformed or out-of-range text raises CAST_INVALID_INPUT. */
  public static long toIntegralAnsi(long address, int length, long min, long max, DataType to) {
    if (!isIntegral(address, length, min, max, false)) {
      throw SparkErrors.castInvalidInput(utf8(address, length), DataTypes.StringType, to);
    }
    return toIntegral(address, length);
  }

  /** Spark trims ASCII whitespace and control characters around numbers. */
  private static boolean isTrimmed(byte b) {
    return (b >= 0 && b <= 0x20) || b == 0x7F;
  }

  /** Whether the UTF-8 bytes parse as a double the way Spark's cast does. */
  public static boolean isFractional(long address, int length) {
    return parseDoubleOrNull(utf8(address, length)) != null;
  }

  public static double toDouble(long address, int length) {
    return parseDoubleOrNull(utf8(address, length)).doubleValue();
  }

  public static float toFloat(long address, int length) {
    String text = utf8(address, length);
    Double special = specialFloatingValue(trimmed(text));
    return special != null ? special.floatValue() : Float.parseFloat(trimmed(text));
  }

  public static double toDoubleAnsi(long address, int length, DataType to) {
    String text = utf8(address, length);
    Double value = parseDoubleOrNull(text);
    if (value == null) {
      throw SparkErrors.castInvalidInput(text, DataTypes.StringType, to);
    }
    return value.doubleValue();
  }

  public static float toFloatAnsi(long address, int length, DataType to) {
    String text = utf8(address, length);
    if (parseDoubleOrNull(text) == null) {
      throw SparkErrors.castInvalidInput(text, DataTypes.StringType, to);
    }
    return toFloat(address, length);
  }

  private static Double parseDoubleOrNull(String text) {
    String trimmed = trimmed(text);
    Double special = specialFloatingValue(trimmed);
    if (special != null) {
      return special;
    }
    if (trimmed.isEmpty()) {
      return null;
    }
    try {
      return Double.parseDouble(trimmed);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // Spark accepts these spellings case-insensitively; "+nan" and "-nan" are malformed.
  private static Double specialFloatingValue(String trimmed) {
    String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
    switch (lower) {
      case "inf":
      case "+inf":
      case "infinity":
      case "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        return null;
    }
  }

  private static String trimmed(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) <= 0x20 || text.charAt(start) == 0x7F)) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) <= 0x20 || text.charAt(end - 1) == 0x7F)) {
      end--;
    }
    return text.substring(start, end);
  }

  /** A string in Arrow memory as a Java string, for function implementations. */
  public static String string(long address, int length) {
    return utf8(address, length);
  }

  public static String string(byte[] utf8) {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /** Bytes in Arrow memory copied to the heap: a binary argument, or a string a conditional returns. */
  public static byte[] copyBytes(long address, int length) {
    byte[] bytes = new byte[length];
    MemoryUtil.copyFromMemory(address, bytes, 0, length);
    return bytes;
  }

  private static String utf8(long address, int length) {
    byte[] bytes = new byte[length];
    MemoryUtil.copyFromMemory(address, bytes, 0, length);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // Arrow memory.

  /** The address of {@code length} bytes at {@code start} of {@code buffer}, bounds-checked (checked mode). */
  public static long checkedAddress(ArrowBuf buffer, int start, int length) {
    if (start < 0 || length < 0 || (long) start + length > buffer.capacity()) {
      throw new IndexOutOfBoundsException(
          "bytes [" + start + ", " + ((long) start + length) + ") outside a buffer of " + buffer.capacity());
    }
    return buffer.memoryAddress() + start;
  }

  /** Sets or clears the bit of {@code row} in a validity or boolean data buffer. */
  public static void setBit(long address, int row, boolean value) {
    long byteAddress = address + (row >> 3);
    byte current = MemoryUtil.getByte(byteAddress);
    int mask = 1 << (row & 7);
    MemoryUtil.putByte(byteAddress, (byte) (value ? current | mask : current & ~mask));
  }

  /** A 128-bit little-endian decimal at {@code address} as a BigDecimal of {@code scale}. */
  public static BigDecimal readDecimal(long address, int scale) {
    long low = MemoryUtil.getLong(address);
    if (MemoryUtil.getLong(address + 8) == low >> 63) {
      // Most values of a wide type fit a long: a compact BigDecimal needs no byte array or BigInteger,
      // and keeps decimalLow/decimalHigh cheap (on a BigInteger-backed value they multiply by 10^scale).
      return BigDecimal.valueOf(low, scale);
    }
    byte[] bigEndian = new byte[16];
    for (int i = 0; i < 16; i++) {
      bigEndian[15 - i] = MemoryUtil.getByte(address + i);
    }
    return new BigDecimal(new BigInteger(bigEndian), scale);
  }

  /** The low 64 bits of a decimal's unscaled value (Arrow's first word). */
  public static long decimalLow(BigDecimal value) {
    // The scale-0 copy holds a long-sized unscaled value without a BigInteger (unscaledValue() would
    // build one and its array per row); once inlined, escape analysis removes the copy too.
    return value.scaleByPowerOfTen(value.scale()).longValue();
  }

  /** The high 64 bits of a decimal's unscaled 128-bit two's complement value. */
  public static long decimalHigh(BigDecimal value) {
    BigDecimal unscaled = value.scaleByPowerOfTen(value.scale());
    long low = unscaled.longValue();
    if (fitsLong(unscaled, low)) {
      return low >> 63;
    }
    return value.unscaledValue().shiftRight(64).longValue();
  }

  /** Whether the scale-0 decimal {@code unscaled} is the long {@code low} (its low 64 bits). */
  private static boolean fitsLong(BigDecimal unscaled, long low) {
    return unscaled.compareTo(BigDecimal.valueOf(low)) == 0;
  }

  /**
   * Writes a decimal already at the vector's scale and within its precision (the generated code
   * rounds and checks before writing) as Arrow's 128-bit little-endian two's complement, without
   * Arrow's per-value byte-array conversion.
   */
  public static void writeDecimal(DecimalVector vector, int row, BigDecimal value) {
    if (value.scale() != vector.getScale()) {
      vector.set(row, value); // Arrow's checks name the mismatch
      return;
    }
    long low = decimalLow(value);
    long high = decimalHigh(value);
    long address = vector.getDataBufferAddress() + ((long) row << 4);
    MemoryUtil.putLong(address, low);
    MemoryUtil.putLong(address + 8, high);
  }

  /**
   * The exact product of two long-backed unscaled decimals as a decimal of {@code scale} (the sum
   * of the operands' scales), through its 128-bit words. Generated code now keeps such products as
   * the words themselves ({@code ExprValue.int128}); this boxed form remains for
   * {@code DecimalKernelBenchmark}, which compares the two.
   */
  public static BigDecimal decimalProduct(long left, long right, int scale) {
    return int128Decimal(left * right, Math.multiplyHigh(left, right), scale);
  }

  /**
   * {@code left * right} as {@code decimal(precision, scale)} where {@code scale} is the sum of the
   * operands' scales (so nothing rounds) and {@code precision} is above 18: when both unscaled values
   * and their product fit a long, the product has at most 19 digits and needs no
   * check. Otherwise {@link DecimalOps#multiply}, which checks the precision.
   */
  public static BigDecimal decimalProduct(BigDecimal left, BigDecimal right, int precision, int scale,
      boolean ansi) {
    if (precision > 18 && left.scale() + right.scale() == scale) {
      BigDecimal leftUnscaled = left.scaleByPowerOfTen(left.scale());
      BigDecimal rightUnscaled = right.scaleByPowerOfTen(right.scale());
      long leftValue = leftUnscaled.longValue();
      long rightValue = rightUnscaled.longValue();
      long low = leftValue * rightValue;
      if (fitsLong(leftUnscaled, leftValue) && fitsLong(rightUnscaled, rightValue)
          && Math.multiplyHigh(leftValue, rightValue) == (low >> 63)) {
        return BigDecimal.valueOf(low, scale);
      }
    }
    return DecimalOps.multiply(left, right, precision, scale, ansi);
  }

  /** The decimal of {@code scale} whose unscaled value is the 128-bit two's complement {@code high:low}. */
  public static BigDecimal int128Decimal(long low, long high, int scale) {
    if (high == (low >> 63)) {
      return BigDecimal.valueOf(low, scale);
    }
    return new BigDecimal(int128ToBigInteger(low, high), scale);
  }

  private static BigInteger int128ToBigInteger(long low, long high) {
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (high >>> (56 - 8 * i));
      bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
    }
    return new BigInteger(bytes);
  }

  /**
   * Appends {@code length} bytes as row {@code row} of a var-width vector being filled in row order;
   * {@code end} is where the previous row ended. Returns the new end. Grows the data buffer as needed.
   */
  public static int appendBytes(BaseVariableWidthVector vector, int row, int end, long address, int length) {
    int newEnd = end + length;
    while (vector.getDataBuffer().capacity() < newEnd) {
      vector.reallocDataBuffer();
    }
    MemoryUtil.copyMemory(address, vector.getDataBufferAddress() + end, length);
    MemoryUtil.putInt(vector.getOffsetBufferAddress() + ((long) (row + 1) << 2), newEnd);
    return newEnd;
  }

  public static int appendBytes(BaseVariableWidthVector vector, int row, int end, byte[] bytes) {
    int newEnd = end + bytes.length;
    while (vector.getDataBuffer().capacity() < newEnd) {
      vector.reallocDataBuffer();
    }
    MemoryUtil.copyToMemory(bytes, 0, vector.getDataBufferAddress() + end, bytes.length);
    MemoryUtil.putInt(vector.getOffsetBufferAddress() + ((long) (row + 1) << 2), newEnd);
    return newEnd;
  }

  /** Row {@code row} is null or empty: its end offset repeats the previous one. */
  public static void appendEmpty(BaseVariableWidthVector vector, int row, int end) {
    MemoryUtil.putInt(vector.getOffsetBufferAddress() + ((long) (row + 1) << 2), end);
  }

  /** Checked-mode write of bytes at an address through the vector's bounds-checked setter. */
  public static void setBytes(BaseVariableWidthVector vector, int row, long address, int length) {
    byte[] bytes = new byte[length];
    MemoryUtil.copyFromMemory(address, bytes, 0, length);
    vector.setSafe(row, bytes, 0, length);
  }

}
