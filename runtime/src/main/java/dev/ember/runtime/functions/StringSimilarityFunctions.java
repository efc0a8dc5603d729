package dev.ember.runtime.functions;

/** Spark's {@code levenshtein} (over code points, with an optional threshold) and {@code soundex}. */
public final class StringSimilarityFunctions {
  /** The soundex digit of each letter A to Z; '7' marks H and W, which neither count nor separate. */
  private static final String SOUNDEX_CODES = "01230127022455012623017202";
  private static final char SEPARATOR = '7';

  private StringSimilarityFunctions() {}

  /** The number of single code point insertions, deletions and substitutions between the two. */
  public static int levenshtein(String left, String right) {
    int[] from = left.codePoints().toArray();
    int[] to = right.codePoints().toArray();
    int[] previous = new int[to.length + 1];
    int[] current = new int[to.length + 1];
    for (int j = 0; j <= to.length; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= from.length; i++) {
      current[0] = i;
      for (int j = 1; j <= to.length; j++) {
        int substitution = previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[to.length];
  }

  /** The distance, or -1 when it is greater than {@code threshold}. */
  public static int levenshtein(String left, String right, int threshold) {
    int distance = levenshtein(left, right);
    return distance > threshold ? -1 : distance;
  }

  /**
   * American soundex: the first letter and three digits. Text that does not start with an ASCII
   * letter is returned as it is; other characters that are not ASCII letters separate equal digits.
   */
  public static String soundex(String input) {
    if (input.isEmpty() || !isAsciiLetter(input.charAt(0))) {
      return input;
    }
    char first = Character.toUpperCase(input.charAt(0));
    StringBuilder code = new StringBuilder(4).append(first);
    char lastDigit = SOUNDEX_CODES.charAt(first - 'A');
    for (int i = 1; i < input.length() && code.length() < 4; i++) {
      char c = input.charAt(i);
      if (!isAsciiLetter(c)) {
        lastDigit = '0';
        continue;
      }
      char digit = SOUNDEX_CODES.charAt(Character.toUpperCase(c) - 'A');
      if (digit == SEPARATOR) {
        continue;
      }
      if (digit != '0' && digit != lastDigit) {
        code.append(digit);
      }
      lastDigit = digit;
    }
    while (code.length() < 4) {
      code.append('0');
    }
    return code.toString();
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }
}
