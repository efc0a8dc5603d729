package dev.ember.runtime.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Spark's {@code format_number} (US digit grouping and a given number of decimals, or a
 * {@link DecimalFormat} pattern; rounding half to even) and {@code format_string} / {@code printf}
 * (Java's {@link java.util.Formatter} in the US locale, over the values as Spark passes them: dates as
 * their day number, timestamps as microseconds).
 */
public final class FormatFunctions {
  private static final String GROUPED_INTEGER = "#,###,###,###,###,###,##0";

  private FormatFunctions() {}

  public static String format_number(long value, int decimals) {
    DecimalFormat format = withDecimals(decimals);
    return format == null ? null : format.format(value);
  }

  public static String format_number(double value, int decimals) {
    DecimalFormat format = withDecimals(decimals);
    return format == null ? null : format.format(value);
  }

  public static String format_number(float value, int decimals) {
    return format_number((double) value, decimals);
  }

  public static String format_number(BigDecimal value, int decimals) {
    DecimalFormat format = withDecimals(decimals);
    return format == null ? null : format.format(value);
  }

  public static String format_number(long value, String pattern) {
    return withPattern(pattern).format(value);
  }

  public static String format_number(double value, String pattern) {
    return withPattern(pattern).format(value);
  }

  public static String format_number(float value, String pattern) {
    return format_number((double) value, pattern);
  }

  public static String format_number(BigDecimal value, String pattern) {
    return withPattern(pattern).format(value);
  }

  /** Null for a negative count, for which Spark returns null. */
  private static DecimalFormat withDecimals(int decimals) {
    if (decimals < 0) {
      return null;
    }
    return withPattern(decimals == 0 ? GROUPED_INTEGER : GROUPED_INTEGER + "." + "0".repeat(decimals));
  }

  /** A new format per call: DecimalFormat is not thread-safe and kernels run on several threads. */
  private static DecimalFormat withPattern(String pattern) {
    DecimalFormat format = new DecimalFormat("", DecimalFormatSymbols.getInstance(Locale.US));
    format.applyLocalizedPattern(pattern.isEmpty() ? GROUPED_INTEGER : pattern);
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format;
  }

  /** {@code format_string(format, arguments...)}; a null argument prints as "null". */
  public static String format_string(String format, Object[] arguments) {
    return format == null ? null : String.format(Locale.US, format, arguments);
  }

  public static String format_string(String format) {
    return format_string(format, new Object[0]);
  }
}
