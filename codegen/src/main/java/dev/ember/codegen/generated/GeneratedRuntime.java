package dev.ember.codegen.generated;

import dev.ember.SparkException;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.DecimalVector;

/**
 * Static helpers that generated kernels call per row: Spark's ANSI arithmetic and casts, Spark's
 * ordering of doubles and byte strings, and raw reads and writes of Arrow buffers. Public because
 * generated classes live in their own class loader; final with static methods so the JIT inlines
 * the calls. Error texts follow Spark 4.2.0 (checked by running it), without the query context.
 */
public final class GeneratedRuntime {
  private static final String ANSI_CONFIG = "\"spark.sql.ansi.enabled\"";

  private GeneratedRuntime() {}

  // ---------------------------------------------------------------------------------------------
  // Arithmetic (ANSI): int and bigint report ARITHMETIC_OVERFLOW, tinyint and smallint report the
  // operands with BINARY_ARITHMETIC_OVERFLOW (Spark prints both with the smallint suffix "S").

  public static int addExact(int left, int right) {
    int result = left + right;
    if (((left ^ result) & (right ^ result)) < 0) {
      throw arithmeticOverflow("try_add");
    }
    return result;
  }

  public static long addExact(long left, long right) {
    long result = left + right;
    if (((left ^ result) & (right ^ result)) < 0) {
      throw arithmeticOverflow("try_add");
    }
    return result;
  }

  public static int subtractExact(int left, int right) {
    int result = left - right;
    if (((left ^ right) & (left ^ result)) < 0) {
      throw arithmeticOverflow("try_subtract");
    }
    return result;
  }

  public static long subtractExact(long left, long right) {
    long result = left - right;
    if (((left ^ right) & (left ^ result)) < 0) {
      throw arithmeticOverflow("try_subtract");
    }
    return result;
  }

  public static int multiplyExact(int left, int right) {
    long result = (long) left * (long) right;
    if ((int) result != result) {
      throw arithmeticOverflow("try_multiply");
    }
    return (int) result;
  }

  public static long multiplyExact(long left, long right) {
    long high = Math.multiplyHigh(left, right);
    long low = left * right;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return low;
    }
    throw arithmeticOverflow("try_multiply");
  }

  public static byte addExact(byte left, byte right) {
    return (byte) narrow(left + right, Byte.MIN_VALUE, Byte.MAX_VALUE, left, "+", right, "try_add");
  }

  public static byte subtractExact(byte left, byte right) {
    return (byte) narrow(left - right, Byte.MIN_VALUE, Byte.MAX_VALUE, left, "-", right, "try_subtract");
  }

  public static byte multiplyExact(byte left, byte right) {
    return (byte) narrow(left * right, Byte.MIN_VALUE, Byte.MAX_VALUE, left, "*", right, "try_multiply");
  }

  public static short addExact(short left, short right) {
    return (short) narrow(left + right, Short.MIN_VALUE, Short.MAX_VALUE, left, "+", right, "try_add");
  }

  public static short subtractExact(short left, short right) {
    return (short) narrow(left - right, Short.MIN_VALUE, Short.MAX_VALUE, left, "-", right, "try_subtract");
  }

  public static short multiplyExact(short left, short right) {
    return (short) narrow(left * right, Short.MIN_VALUE, Short.MAX_VALUE, left, "*", right, "try_multiply");
  }

  private static int narrow(int result, int min, int max, int left, String operator, int right, String tryFunction) {
    if (result < min || result > max) {
      throw binaryArithmeticOverflow(left + "S", operator, right + "S", tryFunction);
    }
    return result;
  }

  public static byte negateExact(byte value) {
    if (value == Byte.MIN_VALUE) {
      throw arithmeticOverflow(null);
    }
    return (byte) -value;
  }

  public static short negateExact(short value) {
    if (value == Short.MIN_VALUE) {
      throw arithmeticOverflow(null);
    }
    return (short) -value;
  }

  public static int negateExact(int value) {
    if (value == Integer.MIN_VALUE) {
      throw arithmeticOverflow(null);
    }
    return -value;
  }

  public static long negateExact(long value) {
    if (value == Long.MIN_VALUE) {
      throw arithmeticOverflow(null);
    }
    return -value;
  }

  /** ANSI division: a zero divisor (also -0.0) raises DIVIDE_BY_ZERO. */
  public static void checkDivisor(double divisor) {
    if (divisor == 0) {
      throw divideByZero();
    }
  }

  public static void checkRemainderDivisor(long divisor) {
    if (divisor == 0) {
      throw remainderByZero();
    }
  }

  public static void checkRemainderDivisor(double divisor) {
    if (divisor == 0) {
      throw remainderByZero();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Comparisons: Spark orders NaN above every other double and equal to itself, and -0.0 equal to 0.0.

  public static int compareBooleans(boolean left, boolean right) {
    return left == right ? 0 : (left ? 1 : -1);
  }

  public static int compareDoubles(double left, double right) {
    if (left < right) {
      return -1;
    } else if (left > right) {
      return 1;
    } else if (left == right) {
      return 0;
    }
    boolean leftNaN = left != left;
    boolean rightNaN = right != right;
    return leftNaN ? (rightNaN ? 0 : 1) : -1;
  }

  public static boolean equalDoubles(double left, double right) {
    return left == right || (left != left && right != right);
  }

  public static int compareDecimals(BigDecimal left, BigDecimal right) {
    return left.compareTo(right);
  }

  /** Unsigned lexicographic order of two byte strings in off-heap memory (UTF-8 order = code point order). */
  public static int compareBytes(long leftAddress, int leftLength, long rightAddress, int rightLength) {
    int common = Math.min(leftLength, rightLength);
    int i = 0;
    for (; i + 8 <= common; i += 8) {
      long left = MemoryUtil.getLong(leftAddress + i);
      long right = MemoryUtil.getLong(rightAddress + i);
      if (left != right) {
        // Little-endian words: the first differing byte is the lowest differing byte.
        return Long.compareUnsigned(Long.reverseBytes(left), Long.reverseBytes(right)) < 0 ? -1 : 1;
      }
    }
    for (; i < common; i++) {
      int left = MemoryUtil.getByte(leftAddress + i) & 0xFF;
      int right = MemoryUtil.getByte(rightAddress + i) & 0xFF;
      if (left != right) {
        return left < right ? -1 : 1;
      }
    }
    return Integer.compare(leftLength, rightLength);
  }

  public static int compareBytes(long leftAddress, int leftLength, byte[] right) {
    int common = Math.min(leftLength, right.length);
    for (int i = 0; i < common; i++) {
      int left = MemoryUtil.getByte(leftAddress + i) & 0xFF;
      int rightByte = right[i] & 0xFF;
      if (left != rightByte) {
        return left < rightByte ? -1 : 1;
      }
    }
    return Integer.compare(leftLength, right.length);
  }

  public static int compareBytes(byte[] left, long rightAddress, int rightLength) {
    return -compareBytes(rightAddress, rightLength, left);
  }

  public static int compareBytes(byte[] left, byte[] right) {
    int common = Math.min(left.length, right.length);
    for (int i = 0; i < common; i++) {
      int l = left[i] & 0xFF;
      int r = right[i] & 0xFF;
      if (l != r) {
        return l < r ? -1 : 1;
      }
    }
    return Integer.compare(left.length, right.length);
  }

  public static boolean equalBytes(long leftAddress, int leftLength, long rightAddress, int rightLength) {
    return leftLength == rightLength && compareBytes(leftAddress, leftLength, rightAddress, rightLength) == 0;
  }

  public static boolean equalBytes(long leftAddress, int leftLength, byte[] right) {
    return leftLength == right.length && compareBytes(leftAddress, leftLength, right) == 0;
  }

  public static boolean equalBytes(byte[] left, long rightAddress, int rightLength) {
    return equalBytes(rightAddress, rightLength, left);
  }

  public static boolean equalBytes(byte[] left, byte[] right) {
    return java.util.Arrays.equals(left, right);
  }

  // ---------------------------------------------------------------------------------------------
  // Casts.

  /** ANSI narrowing of an integral value; out of range raises CAST_OVERFLOW naming the value as Spark does. */
  public static long castIntegral(long value, long min, long max, DataType from, DataType to) {
    if (value < min || value > max) {
      throw castOverflow(integralSql(value, from), from, to);
    }
    return value;
  }

  /** ANSI cast of a float or double to an integral type: NaN and values out of range raise CAST_OVERFLOW. */
  public static double castFractional(double value, long min, long max, DataType from, DataType to) {
    if (Math.floor(value) <= max && Math.ceil(value) >= min) {
      return value;
    }
    String text = from.equals(DataTypes.FloatType)
        ? Float.toString((float) value)
        : (Double.isNaN(value) || Double.isInfinite(value) ? Double.toString(value) : value + "D");
    throw castOverflow(text, from, to);
  }

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
      throw castInvalidInput(utf8(address, length), DataTypes.StringType, to);
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
      throw castInvalidInput(text, DataTypes.StringType, to);
    }
    return value.doubleValue();
  }

  public static float toFloatAnsi(long address, int length, DataType to) {
    String text = utf8(address, length);
    if (parseDoubleOrNull(text) == null) {
      throw castInvalidInput(text, DataTypes.StringType, to);
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

  private static String utf8(long address, int length) {
    byte[] bytes = new byte[length];
    MemoryUtil.copyFromMemory(address, bytes, 0, length);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String integralSql(long value, DataType type) {
    if (type.equals(DataTypes.LongType)) {
      return value + "L";
    } else if (type.equals(DataTypes.ShortType)) {
      return value + "S";
    } else if (type.equals(DataTypes.ByteType)) {
      return value + "Y";
    }
    return Long.toString(value);
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

  public static boolean isValid(long validityAddress, int row) {
    return (MemoryUtil.getByte(validityAddress + (row >> 3)) & (1 << (row & 7))) != 0;
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
    byte[] bigEndian = new byte[16];
    for (int i = 0; i < 16; i++) {
      bigEndian[15 - i] = MemoryUtil.getByte(address + i);
    }
    return new BigDecimal(new BigInteger(bigEndian), scale);
  }

  /** The low 64 bits of a decimal's unscaled value (Arrow's first word). */
  public static long decimalLow(BigDecimal value) {
    return value.unscaledValue().longValue();
  }

  /** The high 64 bits of a decimal's unscaled 128-bit two's complement value. */
  public static long decimalHigh(BigDecimal value) {
    return value.unscaledValue().shiftRight(64).longValue();
  }

  public static void writeDecimal(DecimalVector vector, int row, BigDecimal value) {
    vector.set(row, value);
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

  // ---------------------------------------------------------------------------------------------
  // Spark's errors.

  public static SparkException arithmeticOverflow(String tryFunction) {
    String alternative = tryFunction == null
        ? ""
        : " Use '" + tryFunction + "' to tolerate overflow and return NULL instead.";
    return new SparkException("ARITHMETIC_OVERFLOW",
        parameters("message", "overflow", "alternative", alternative, "config", ANSI_CONFIG),
        "overflow." + alternative + " If necessary set " + ANSI_CONFIG
            + " to \"false\" to bypass this error. SQLSTATE: 22003",
        null);
  }

  public static SparkException binaryArithmeticOverflow(String left, String operator, String right,
      String tryFunction) {
    return new SparkException("BINARY_ARITHMETIC_OVERFLOW",
        parameters("value1", left, "symbol", operator, "value2", right, "functionName", "`" + tryFunction + "`"),
        left + " " + operator + " " + right + " caused overflow. Use `" + tryFunction
            + "` to ignore overflow problem and return NULL. SQLSTATE: 22003",
        null);
  }

  public static SparkException divideByZero() {
    return new SparkException("DIVIDE_BY_ZERO", parameters("config", ANSI_CONFIG),
        "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set "
            + ANSI_CONFIG + " to \"false\" to bypass this error. SQLSTATE: 22012",
        null);
  }

  public static SparkException remainderByZero() {
    return new SparkException("REMAINDER_BY_ZERO", parameters("config", ANSI_CONFIG),
        "Remainder by zero. Use `try_mod` to tolerate divisor being 0 and return NULL instead. If necessary set "
            + ANSI_CONFIG + " to \"false\" to bypass this error. SQLSTATE: 22012",
        null);
  }

  public static SparkException castInvalidInput(String value, DataType from, DataType to) {
    return new SparkException("CAST_INVALID_INPUT",
        parameters("expression", "'" + value + "'", "sourceType", quoted(from), "targetType", quoted(to),
            "ansiConfig", ANSI_CONFIG),
        "The value '" + value + "' of the type " + quoted(from) + " cannot be cast to " + quoted(to)
            + " because it is malformed. Correct the value as per the syntax, or change its target type."
            + " Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018",
        null);
  }

  public static SparkException castOverflow(String valueSql, DataType from, DataType to) {
    return new SparkException("CAST_OVERFLOW",
        parameters("value", valueSql, "sourceType", quoted(from), "targetType", quoted(to),
            "ansiConfig", ANSI_CONFIG),
        "The value " + valueSql + " of the type " + quoted(from) + " cannot be cast to " + quoted(to)
            + " due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. SQLSTATE: 22003",
        null);
  }

  private static String quoted(DataType type) {
    return "\"" + type.sql() + "\"";
  }

  private static Map<String, String> parameters(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
