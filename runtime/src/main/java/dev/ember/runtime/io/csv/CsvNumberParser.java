package dev.ember.runtime.io.csv;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Parses numbers straight from a field's UTF-8 bytes, with the rules of the Java methods Spark's CSV
 * reader calls ({@code Long.parseLong}, {@code Double.parseDouble}, {@code new BigDecimal}), without
 * exceptions or strings on the common path. A failed parse sets {@link #failed()} instead of throwing,
 * since bad values are frequent in permissive reads. Not thread-safe.
 */
final class CsvNumberParser {
  /** Powers of ten that are exact doubles. */
  private static final double[] EXACT_POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };
  private static final long MAX_EXACT_DOUBLE_INTEGER = 1L << 53;

  private boolean failed;

  /** Whether the last parse failed; its return value is then meaningless. */
  boolean failed() {
    return failed;
  }

  /** {@code Long.parseLong}: an optional sign, then ASCII digits only; no spaces. */
  long parseLong(byte[] bytes, int start, int end) {
    failed = true;
    if (start >= end) {
      return 0;
    }
    boolean negative = false;
    int position = start;
    byte first = bytes[position];
    if (first == '-' || first == '+') {
      negative = first == '-';
      position++;
      if (position == end) {
        return 0;
      }
    }
    if (end - position <= 18) {
      // 18 digits cannot overflow a long: no range checks in the loop.
      long result = 0;
      for (; position < end; position++) {
        int digit = bytes[position] - '0';
        if (digit < 0 || digit > 9) {
          return 0;
        }
        result = result * 10 + digit;
      }
      failed = false;
      return negative ? -result : result;
    }
    // Accumulate negatively, so Long.MIN_VALUE parses without overflow.
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long multiplyLimit = limit / 10;
    long result = 0;
    for (; position < end; position++) {
      int digit = bytes[position] - '0';
      if (digit < 0 || digit > 9 || result < multiplyLimit) {
        return 0;
      }
      result *= 10;
      if (result < limit + digit) {
        return 0;
      }
      result -= digit;
    }
    failed = false;
    return negative ? result : -result;
  }

  /** {@code Long.parseLong} limited to {@code [min, max]}, as {@code Integer.parseInt} and friends. */
  long parseLong(byte[] bytes, int start, int end, long min, long max) {
    long value = parseLong(bytes, start, end);
    if (!failed && (value < min || value > max)) {
      failed = true;
    }
    return value;
  }

  /**
   * Spark's double conversion: {@code NaN}, {@code Inf} and {@code -Inf} as written, else
   * {@code Double.parseDouble} (which trims spaces and accepts {@code 1d}, {@code Infinity}, hex).
   */
  double parseDouble(byte[] bytes, int start, int end) {
    double fast = parseSimpleDecimal(bytes, start, end);
    if (!failed) {
      return fast;
    }
    String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
    failed = false;
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      failed = true;
      return 0;
    }
  }

  /** Spark's float conversion; always through {@code Float.parseFloat} to round once, like Spark. */
  float parseFloat(byte[] bytes, int start, int end) {
    String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
    failed = false;
    switch (text) {
      case "NaN":
        return Float.NaN;
      case "Inf":
        return Float.POSITIVE_INFINITY;
      case "-Inf":
        return Float.NEGATIVE_INFINITY;
      default:
        break;
    }
    try {
      return Float.parseFloat(text);
    } catch (NumberFormatException e) {
      failed = true;
      return 0;
    }
  }

  /**
   * Plain {@code [+-]digits[.digits]} with at most 15 significant digits and 22 decimals, exactly
   * as {@code Double.parseDouble}: both the integer and the power of ten are exact doubles, so one
   * correctly rounded division gives the correctly rounded result (Clinger's fast path). Anything
   * else sets {@link #failed()} so the caller takes the slow path.
   */
  private double parseSimpleDecimal(byte[] bytes, int start, int end) {
    failed = true;
    int position = start;
    if (position >= end) {
      return 0;
    }
    boolean negative = false;
    if (bytes[position] == '-' || bytes[position] == '+') {
      negative = bytes[position] == '-';
      position++;
    }
    long mantissa = 0;
    int digits = 0;
    int decimals = -1;
    for (; position < end; position++) {
      byte b = bytes[position];
      if (b >= '0' && b <= '9') {
        if (++digits > 15) {
          return 0;
        }
        mantissa = mantissa * 10 + (b - '0');
        if (decimals >= 0) {
          decimals++;
        }
      } else if (b == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return 0;
      }
    }
    if (digits == 0 || mantissa >= MAX_EXACT_DOUBLE_INTEGER || decimals > 22) {
      return 0;
    }
    failed = false;
    double value = decimals > 0 ? mantissa / EXACT_POWERS_OF_TEN[decimals] : mantissa;
    return negative ? -value : value;
  }

  /** {@code new BigDecimal(text)}; null when the text is not a number. */
  BigDecimal parseDecimal(byte[] bytes, int start, int end) {
    String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
    try {
      failed = false;
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      failed = true;
      return null;
    }
  }
}
