package dev.ember.runtime.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a SQL LIKE pattern: {@code _} is one character, {@code %} any run of characters (line breaks
 * included), and the escape character makes the next {@code _}, {@code %} or escape character literal.
 * Like Spark, an escape character before anything else, or at the end, is an error. The pattern
 * becomes either a regular expression matching the whole value or, when it has no {@code _}, the
 * literal texts between its {@code %}s, which {@link LikeMatcher} finds in UTF-8 bytes.
 */
final class LikePatterns {
  private LikePatterns() {}

  /** What a pattern is made of, reported in order. */
  private interface Parts {
    void literal(int codePoint);

    void anyCharacter();

    void anyRun();
  }

  /** Reports the parts of {@code pattern} in order; throws Spark's error for a misused escape character. */
  private static void parse(String pattern, String escapeText, Parts parts) {
    if (escapeText.codePointCount(0, escapeText.length()) != 1) {
      throw StringFunctionErrors.invalidEscapeCharacter(escapeText);
    }
    int escape = escapeText.codePointAt(0);
    int[] codePoints = pattern.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) {
      int codePoint = codePoints[i];
      if (codePoint == escape) {
        if (i + 1 == codePoints.length) {
          throw StringFunctionErrors.escapeAtTheEnd(pattern);
        }
        int next = codePoints[++i];
        if (next != '_' && next != '%' && next != escape) {
          throw StringFunctionErrors.escapeInTheMiddle(pattern, next);
        }
        parts.literal(next);
      } else if (codePoint == '_') {
        parts.anyCharacter();
      } else if (codePoint == '%') {
        parts.anyRun();
      } else {
        parts.literal(codePoint);
      }
    }
  }

  static Pattern compile(String pattern, String escapeText) {
    StringBuilder regex = new StringBuilder(pattern.length() + 8);
    parse(pattern, escapeText, new Parts() {
      @Override
      public void literal(int codePoint) {
        regex.append(Pattern.quote(new String(Character.toChars(codePoint))));
      }

      @Override
      public void anyCharacter() {
        regex.append('.');
      }

      @Override
      public void anyRun() {
        regex.append(".*");
      }
    });
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /**
   * The literal texts before, between and after the pattern's {@code %}s (one more than there are
   * {@code %}s, some possibly empty), or null when the pattern has a {@code _}, which matches one
   * character and so cannot be matched as bytes without counting characters.
   */
  static List<String> literalSegments(String pattern, String escapeText) {
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean[] anyCharacter = {false};
    parse(pattern, escapeText, new Parts() {
      @Override
      public void literal(int codePoint) {
        current.appendCodePoint(codePoint);
      }

      @Override
      public void anyCharacter() {
        anyCharacter[0] = true;
      }

      @Override
      public void anyRun() {
        segments.add(current.toString());
        current.setLength(0);
      }
    });
    segments.add(current.toString());
    return anyCharacter[0] ? null : segments;
  }
}
