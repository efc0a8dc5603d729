package dev.ember.runtime.operators.write;

import java.util.BitSet;

/**
 * Hive-style partition directory names as Spark writes them: {@code column=value}, with characters
 * that are unsafe in paths written as {@code %XX} (upper-case hex), and null or empty values as
 * {@value #DEFAULT_PARTITION}.
 */
public final class PartitionPaths {
  public static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";
  private static final BitSet ESCAPED = new BitSet(128);

  static {
    for (char c = 1; c < ' '; c++) {
      ESCAPED.set(c);
    }
    for (char c : "\"#%'*/:=?\\\u007f{[]^".toCharArray()) {
      ESCAPED.set(c);
    }
  }

  private PartitionPaths() {}

  /** {@code column=value} for one partition column; {@code value} null means SQL NULL. */
  public static String directoryName(String column, String value) {
    return escape(column) + "=" + (value == null || value.isEmpty() ? DEFAULT_PARTITION : escape(value));
  }

  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 128 && ESCAPED.get(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
