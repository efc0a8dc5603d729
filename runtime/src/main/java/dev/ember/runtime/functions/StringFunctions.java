package dev.ember.runtime.functions;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Spark's string functions, over Java strings. Positions and lengths count Unicode code points, as
 * Spark counts characters of its UTF-8 strings: {@code length('𝄞')} is 1 although Java needs two
 * chars for it. Behaviour was observed on Spark 4.2.0 (empty strings, non-ASCII text, negative and
 * zero positions); the regular expression and LIKE functions are in {@link RegexFunctions}.
 */
public final class StringFunctions {
  private StringFunctions() {}

  public static String upper(String value) {
    return value.toUpperCase(Locale.ROOT);
  }

  public static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  /** Characters (code points), as Spark counts them. */
  public static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  public static int length(byte[] value) {
    return value.length;
  }

  public static int octet_length(String value) {
    return utf8Length(value);
  }

  public static int octet_length(byte[] value) {
    return value.length;
  }

  public static int bit_length(String value) {
    return utf8Length(value) * 8;
  }

  public static int bit_length(byte[] value) {
    return value.length * 8;
  }

  private static int utf8Length(String value) {
    int bytes = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  // ---------------------------------------------------------------------------------------------
  // Trimming. Without trim characters Spark removes only the space (U+0020), not tabs or newlines.

  public static String trim(String value) {
    return trimmed(value, " ", true, true);
  }

  public static String ltrim(String value) {
    return trimmed(value, " ", true, false);
  }

  public static String rtrim(String value) {
    return trimmed(value, " ", false, true);
  }

  /** SQL's {@code trim(chars, source)}: the characters to remove come first, as in Spark. */
  public static String trimBoth(String characters, String source) {
    return trimmed(source, characters, true, true);
  }

  public static String trimLeading(String characters, String source) {
    return trimmed(source, characters, true, false);
  }

  public static String trimTrailing(String characters, String source) {
    return trimmed(source, characters, false, true);
  }

  public static String btrim(String source) {
    return trim(source);
  }

  public static String btrim(String source, String characters) {
    return trimmed(source, characters, true, true);
  }

  private static String trimmed(String value, String characters, boolean leading, boolean trailing) {
    int start = 0;
    int end = value.length();
    while (leading && start < end) {
      int codePoint = value.codePointAt(start);
      if (characters.indexOf(codePoint) < 0) {
        break;
      }
      start += Character.charCount(codePoint);
    }
    while (trailing && end > start) {
      int codePoint = value.codePointBefore(end);
      if (characters.indexOf(codePoint) < 0) {
        break;
      }
      end -= Character.charCount(codePoint);
    }
    return value.substring(start, end);
  }

  // ---------------------------------------------------------------------------------------------
  // Padding: a result is exactly {@code length} characters, the input cut on the right when longer.

  public static String lpad(String value, int length, String pad) {
    return padded(value, length, pad, true);
  }

  public static String rpad(String value, int length, String pad) {
    return padded(value, length, pad, false);
  }

  private static String padded(String value, int length, String pad, boolean left) {
    if (length <= 0) {
      return "";
    }
    int characters = length(value);
    if (characters >= length) {
      return prefix(value, length);
    }
    if (pad.isEmpty()) {
      return value;
    }
    int[] padPoints = pad.codePoints().toArray();
    StringBuilder filler = new StringBuilder();
    for (int i = 0; i < length - characters; i++) {
      filler.appendCodePoint(padPoints[i % padPoints.length]);
    }
    return left ? filler + value : value + filler;
  }

  public static byte[] lpad(byte[] value, int length, byte[] pad) {
    return paddedBytes(value, length, pad, true);
  }

  public static byte[] rpad(byte[] value, int length, byte[] pad) {
    return paddedBytes(value, length, pad, false);
  }

  /** Bytes padded with text: Spark pads the bytes' text (an undefined mix, kept for completeness). */
  public static String lpad(byte[] value, int length, String pad) {
    return lpad(new String(value, StandardCharsets.UTF_8), length, pad);
  }

  public static String rpad(byte[] value, int length, String pad) {
    return rpad(new String(value, StandardCharsets.UTF_8), length, pad);
  }

  public static String lpad(String value, int length, byte[] pad) {
    return lpad(value, length, new String(pad, StandardCharsets.UTF_8));
  }

  public static String rpad(String value, int length, byte[] pad) {
    return rpad(value, length, new String(pad, StandardCharsets.UTF_8));
  }

  private static byte[] paddedBytes(byte[] value, int length, byte[] pad, boolean left) {
    if (length <= 0) {
      return new byte[0];
    }
    if (value.length >= length) {
      return Arrays.copyOf(value, length);
    }
    if (pad.length == 0) {
      return value;
    }
    byte[] result = new byte[length];
    int fill = length - value.length;
    int valueStart = left ? fill : 0;
    int fillStart = left ? 0 : value.length;
    System.arraycopy(value, 0, result, valueStart, value.length);
    for (int i = 0; i < fill; i++) {
      result[fillStart + i] = pad[i % pad.length];
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Substrings.

  /**
   * Spark's 1-based substring: position 0 is the first character too, a negative position counts
   * from the end; the length counts from the (possibly negative) start, so characters before the
   * beginning are taken from the length.
   */
  public static String substring(String value, int position, int length) {
    int characters = length(value);
    int[] range = substringRange(characters, position, length);
    if (range == null) {
      return "";
    }
    int from = value.offsetByCodePoints(0, range[0]);
    int to = value.offsetByCodePoints(from, range[1] - range[0]);
    return value.substring(from, to);
  }

  public static byte[] substring(byte[] value, int position, int length) {
    int[] range = substringRange(value.length, position, length);
    return range == null ? new byte[0] : Arrays.copyOfRange(value, range[0], range[1]);
  }

  /** [start, end) within {@code size}, or null when empty; computed in long to avoid int overflow. */
  private static int[] substringRange(int size, int position, int length) {
    long start = position > 0 ? position - 1L : position < 0 ? (long) size + position : 0L;
    long end = Math.min(start + length, size);
    start = Math.max(start, 0L);
    if (start >= end) {
      return null;
    }
    return new int[] {(int) start, (int) end};
  }

  /**
   * {@code overlay(input PLACING replace FROM position FOR length)}: the characters before
   * {@code position}, then {@code replace}, then the input from {@code position + length} on, each
   * piece cut as {@link #substring(String, int, int)} cuts, so positions of 0 or below and past the
   * end behave as Spark's. A negative length stands for the length of {@code replace}.
   */
  public static String overlay(String input, String replace, int position, int length) {
    int replaced = length >= 0 ? length : length(replace);
    // int arithmetic, as Spark's: a sum past Integer.MAX_VALUE wraps.
    return substring(input, 1, position - 1) + replace + substring(input, position + replaced, Integer.MAX_VALUE);
  }

  /** {@link #overlay(String, String, int, int)} over bytes. */
  public static byte[] overlay(byte[] input, byte[] replace, int position, int length) {
    int replaced = length >= 0 ? length : replace.length;
    byte[] before = substring(input, 1, position - 1);
    byte[] after = substring(input, position + replaced, Integer.MAX_VALUE);
    byte[] result = Arrays.copyOf(before, before.length + replace.length + after.length);
    System.arraycopy(replace, 0, result, before.length, replace.length);
    System.arraycopy(after, 0, result, before.length + replace.length, after.length);
    return result;
  }

  public static String left(String value, int length) {
    return length <= 0 ? "" : prefix(value, length);
  }

  public static String right(String value, int length) {
    if (length <= 0) {
      return "";
    }
    int characters = length(value);
    return length >= characters ? value : value.substring(value.offsetByCodePoints(0, characters - length));
  }

  private static String prefix(String value, int characters) {
    int total = length(value);
    return characters >= total ? value : value.substring(0, value.offsetByCodePoints(0, characters));
  }

  /**
   * The text before the {@code count}-th delimiter from the left, or (negative count) after the
   * {@code -count}-th from the right; all of it when there are fewer delimiters.
   */
  public static String substring_index(String value, String delimiter, int count) {
    if (count == 0 || delimiter.isEmpty()) {
      return "";
    }
    if (count > 0) {
      int index = -1;
      for (int found = 0; found < count; found++) {
        index = value.indexOf(delimiter, found == 0 ? 0 : index + delimiter.length());
        if (index < 0) {
          return value;
        }
      }
      return value.substring(0, index);
    }
    int index = value.length();
    for (int found = 0; found < -(long) count; found++) {
      index = found == 0 ? value.lastIndexOf(delimiter) : value.lastIndexOf(delimiter, index - 1);
      if (index < 0) {
        return value;
      }
    }
    return value.substring(index + delimiter.length());
  }

  // ---------------------------------------------------------------------------------------------
  // Joining.

  public static String concat(String[] values) {
    StringBuilder result = new StringBuilder();
    for (String value : values) {
      result.append(value);
    }
    return result.toString();
  }

  /** {@code concat} of binaries only, which Spark keeps binary. */
  public static byte[] concat(byte[][] values) {
    int size = 0;
    for (byte[] value : values) {
      size += value.length;
    }
    byte[] result = new byte[size];
    int offset = 0;
    for (byte[] value : values) {
      System.arraycopy(value, 0, result, offset, value.length);
      offset += value.length;
    }
    return result;
  }

  /** {@code concat()} without arguments: the empty string. */
  public static String concatNothing() {
    return "";
  }

  /** Null separator gives null; null values are skipped. */
  public static String concat_ws(String separator, String[] values) {
    if (separator == null) {
      return null;
    }
    StringBuilder result = new StringBuilder();
    boolean first = true;
    for (String value : values) {
      if (value != null) {
        if (!first) {
          result.append(separator);
        }
        result.append(value);
        first = false;
      }
    }
    return result.toString();
  }

  /** {@code concat_ws(sep)} with nothing to join. */
  public static String concat_ws(String separator) {
    return separator == null ? null : "";
  }

  public static String repeat(String value, int times) {
    return times <= 0 ? "" : value.repeat(times);
  }

  public static String space(int count) {
    return count <= 0 ? "" : " ".repeat(count);
  }

  // ---------------------------------------------------------------------------------------------
  // Searching.

  /** 1-based character position of the first occurrence, 0 when absent; the empty string is at 1. */
  public static int instr(String value, String search) {
    int index = value.indexOf(search);
    return index < 0 ? 0 : value.codePointCount(0, index) + 1;
  }

  /**
   * {@code locate(search, value, start)}: like instr from character {@code start}; 0 when start is
   * null or below 1 (even for a null value, as in Spark), null when search or value is null.
   */
  public static Integer locate(String search, String value, Integer start) {
    if (start == null) {
      return 0;
    }
    if (search == null || value == null) {
      return null;
    }
    if (start < 1) {
      return 0;
    }
    if (search.isEmpty()) {
      return 1;
    }
    int characters = length(value);
    if (start - 1 >= characters) {
      return 0;
    }
    int from = value.offsetByCodePoints(0, start - 1);
    int index = value.indexOf(search, from);
    return index < 0 ? 0 : value.codePointCount(0, index) + 1;
  }

  public static boolean startswith(String value, String prefix) {
    return value.startsWith(prefix);
  }

  public static boolean endswith(String value, String suffix) {
    return value.endsWith(suffix);
  }

  public static boolean contains(String value, String part) {
    return value.contains(part);
  }

  public static boolean startswith(byte[] value, byte[] prefix) {
    return prefix.length <= value.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
  }

  public static boolean endswith(byte[] value, byte[] suffix) {
    int offset = value.length - suffix.length;
    return offset >= 0 && Arrays.equals(value, offset, value.length, suffix, 0, suffix.length);
  }

  public static boolean contains(byte[] value, byte[] part) {
    for (int start = 0; start + part.length <= value.length; start++) {
      if (Arrays.equals(value, start, start + part.length, part, 0, part.length)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Rewriting.

  /** Every occurrence of {@code search}; an empty search changes nothing. */
  public static String replace(String value, String search, String replacement) {
    return search.isEmpty() ? value : value.replace(search, replacement);
  }

  /**
   * Each character of {@code from} becomes the character at the same position of {@code to}, or is
   * removed when {@code to} is shorter; the first occurrence in {@code from} decides.
   */
  public static String translate(String value, String from, String to) {
    int[] sources = from.codePoints().toArray();
    int[] targets = to.codePoints().toArray();
    StringBuilder result = new StringBuilder(value.length());
    value.codePoints().forEach(codePoint -> {
      for (int i = 0; i < sources.length; i++) {
        if (sources[i] == codePoint) {
          if (i < targets.length) {
            result.appendCodePoint(targets[i]);
          }
          return;
        }
      }
      result.appendCodePoint(codePoint);
    });
    return result.toString();
  }

  /** Lower case, then the first character of each space-separated word in title case: ǆx → ǅx. */
  public static String initcap(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    StringBuilder result = new StringBuilder(lower.length());
    boolean wordStart = true;
    for (int i = 0; i < lower.length(); ) {
      int codePoint = lower.codePointAt(i);
      i += Character.charCount(codePoint);
      if (wordStart && codePoint != ' ') {
        String upper = new String(Character.toChars(codePoint)).toUpperCase(Locale.ROOT);
        // Title case where it exists (ǅ), else the full upper-case mapping (ß → Ss, ﬁ → Fi).
        int title = Character.toTitleCase(codePoint);
        if (title != codePoint && upper.codePointCount(0, upper.length()) == 1) {
          result.appendCodePoint(title);
        } else if (upper.codePointCount(0, upper.length()) > 1) {
          result.appendCodePoint(upper.codePointAt(0));
          result.append(upper.substring(Character.charCount(upper.codePointAt(0))).toLowerCase(Locale.ROOT));
        } else {
          result.appendCodePoint(title);
        }
      } else {
        result.appendCodePoint(codePoint);
      }
      wordStart = codePoint == ' ';
    }
    return result.toString();
  }

  /** Reversed by characters, so a surrogate pair stays one character. */
  public static String reverse(String value) {
    int[] codePoints = value.codePoints().toArray();
    StringBuilder result = new StringBuilder(value.length());
    for (int i = codePoints.length - 1; i >= 0; i--) {
      result.appendCodePoint(codePoints[i]);
    }
    return result.toString();
  }
}
