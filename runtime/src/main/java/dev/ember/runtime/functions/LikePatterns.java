package dev.ember.runtime.functions;

import java.util.regex.Pattern;

/**
 * Turns a SQL LIKE pattern into a regular expression matching the whole value: {@code _} is one
 * character, {@code %} any run of characters (line breaks included), and the escape character makes
 * the next {@code _}, {@code %} or escape character literal. Like Spark, an escape character before
 * anything else, or at the end, is an error.
 */
final class LikePatterns {
  private LikePatterns() {}

  static Pattern compile(String pattern, String escapeText) {
    if (escapeText.codePointCount(0, escapeText.length()) != 1) {
      throw StringFunctionErrors.invalidEscapeCharacter(escapeText);
    }
    int escape = escapeText.codePointAt(0);
    StringBuilder regex = new StringBuilder(pattern.length() + 8);
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
        regex.append(Pattern.quote(new String(Character.toChars(next))));
      } else if (codePoint == '_') {
        regex.append('.');
      } else if (codePoint == '%') {
        regex.append(".*");
      } else {
        regex.append(Pattern.quote(new String(Character.toChars(codePoint))));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
