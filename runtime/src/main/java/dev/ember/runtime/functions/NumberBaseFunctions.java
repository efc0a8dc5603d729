package dev.ember.runtime.functions;

import java.nio.charset.StandardCharsets;

/** Spark's number-base functions: {@code hex}, {@code unhex}, {@code bin} and {@code conv}. */
public final class NumberBaseFunctions {
  private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

  private NumberBaseFunctions() {}

  /** A bigint as unsigned hexadecimal, upper case: hex(-1) is 16 F's. */
  public static String hex(long value) {
    return Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
  }

  /** A string's UTF-8 bytes, two hexadecimal digits each. */
  public static String hex(String value) {
    return hex(value.getBytes(StandardCharsets.UTF_8));
  }

  public static String hex(byte[] value) {
    char[] out = new char[value.length * 2];
    for (int i = 0; i < value.length; i++) {
      out[2 * i] = HEX_DIGITS[(value[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX_DIGITS[value[i] & 0xF];
    }
    return new String(out);
  }

  /** Hexadecimal digits to bytes; an odd count gets a leading 0; null when a character is no digit. */
  public static byte[] unhex(String value) {
    String digits = value.length() % 2 == 1 ? "0" + value : value;
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int high = Character.digit(digits.charAt(2 * i), 16);
      int low = Character.digit(digits.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) {
        return null;
      }
      out[i] = (byte) (high << 4 | low);
    }
    return out;
  }

  /** A bigint in binary, two's complement for negatives. */
  public static String bin(long value) {
    return Long.toBinaryString(value);
  }

  /**
   * {@code conv(number, fromBase, toBase)}: reads the leading digits of {@code number} in
   * {@code fromBase} (an optional leading '-' negates) as an unsigned 64-bit value and writes it in
   * {@code |toBase|}; a negative {@code toBase} writes a negative value with a sign instead of as
   * unsigned. Bases outside 2..36 give null. A value beyond 64 bits is Spark's overflow error under
   * ANSI and all ones otherwise.
   */
  public static String conv(boolean ansi, String number, int fromBase, int toBase) {
    if (fromBase < 2 || fromBase > 36 || Math.abs(toBase) < 2 || Math.abs(toBase) > 36) {
      return null;
    }
    String text = number.trim();
    boolean negative = text.startsWith("-");
    int start = negative ? 1 : 0;
    long value = 0;
    boolean overflow = false;
    int digits = 0;
    for (int i = start; i < text.length(); i++) {
      int digit = Character.digit(text.charAt(i), fromBase);
      if (digit < 0) {
        break;
      }
      digits++;
      // value * fromBase + digit must stay below 2^64, compared unsigned.
      long limit = Long.divideUnsigned(-1L - digit, fromBase);
      if (Long.compareUnsigned(value, limit) > 0) {
        overflow = true;
        break;
      }
      value = value * fromBase + digit;
    }
    if (digits == 0) {
      // Spark: no number at all is null, text without leading digits is 0.
      return number.isEmpty() ? null : "0";
    }
    if (overflow) {
      if (ansi) {
        throw FunctionErrors.arithmeticOverflow("Overflow in function conv()", null);
      }
      value = -1L;
    }
    if (negative) {
      value = -value;
    }
    if (toBase < 0 && value < 0) {
      return "-" + Long.toUnsignedString(-value, -toBase).toUpperCase(java.util.Locale.ROOT);
    }
    return Long.toUnsignedString(value, Math.abs(toBase)).toUpperCase(java.util.Locale.ROOT);
  }
}
