package dev.ember.api.format;

/**
 * Width of text on a terminal as {@code show} counts it: one column per UTF-16 unit, plus one more
 * for each character in the East Asian full-width blocks Spark recognises (Hangul Jamo, CJK,
 * Hangul syllables, compatibility ideographs, full-width forms …). The block list was read off
 * Spark 4.2 by measuring every code point; characters outside the Basic Multilingual Plane, emoji
 * included, count as their two UTF-16 units.
 */
final class DisplayWidth {
  /** Inclusive ranges, as pairs of first and last character. */
  private static final char[] FULL_WIDTH_RANGES = {
    '\u1100', '\u115F',
    '\u2E80', '\uA4CF',
    '\uAC00', '\uD7A3',
    '\uF900', '\uFAFF',
    '\uFE10', '\uFE19',
    '\uFE30', '\uFE6F',
    '\uFF00', '\uFF60',
    '\uFFE0', '\uFFE6',
  };

  private DisplayWidth() {}

  static int of(String text) {
    int width = text.length();
    for (int i = 0; i < text.length(); i++) {
      if (isFullWidth(text.charAt(i))) {
        width++;
      }
    }
    return width;
  }

  private static boolean isFullWidth(char c) {
    if (c < FULL_WIDTH_RANGES[0]) {
      return false;
    }
    for (int i = 0; i < FULL_WIDTH_RANGES.length; i += 2) {
      if (c >= FULL_WIDTH_RANGES[i] && c <= FULL_WIDTH_RANGES[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} with spaces before it up to {@code width} columns. */
  static String padLeft(String text, int width) {
    return " ".repeat(Math.max(0, width - of(text))) + text;
  }

  /** {@code text} with spaces after it up to {@code width} columns. */
  static String padRight(String text, int width) {
    return text + " ".repeat(Math.max(0, width - of(text)));
  }
}
