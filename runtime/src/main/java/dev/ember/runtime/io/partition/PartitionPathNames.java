package dev.ember.runtime.io.partition;

/**
 * Reads Hive-style directory names ({@code column=value}), the inverse of the escaping Spark's writer
 * applies: {@code %XX} is the character with hex code XX; a {@code %} not followed by two hex digits
 * is kept as it is.
 */
public final class PartitionPathNames {
  private PartitionPathNames() {}

  /** {@code text} with every {@code %XX} replaced by its character. */
  public static String unescape(String text) {
    int percent = text.indexOf('%');
    if (percent < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, percent);
    for (int i = percent; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && hexValue(text.charAt(i + 1)) >= 0 && hexValue(text.charAt(i + 2)) >= 0) {
        out.append((char) (hexValue(text.charAt(i + 1)) * 16 + hexValue(text.charAt(i + 2))));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int hexValue(char c) {
    return Character.digit(c, 16);
  }
}
