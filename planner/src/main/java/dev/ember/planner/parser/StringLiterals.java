package dev.ember.planner.parser;

/**
 * Spark's escapes in SQL string literals: a doubled quote stands for the quote that delimits the
 * string ({@code 'it''s'}); a backslash escapes the next character, with {@code \n \t \r \b \0 \Z}
 * meaning control characters, {@code \}{@code u} and four hex digits a UTF-16 unit, and
 * {@code \ooo} (first digit 0-3) an octal code. {@code \%} and {@code \_} keep their backslash, because they are LIKE-pattern escapes;
 * any other escaped character stands for itself ({@code \z} is {@code z}).
 */
final class StringLiterals {
  private StringLiterals() {}

  static String unescape(String body, char quote) {
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == quote && i + 1 < body.length() && body.charAt(i + 1) == quote) {
        out.append(quote);
        i += 2;
      } else if (c == '\\' && i + 1 < body.length()) {
        i = unescapeOne(body, i + 1, out);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Appends the meaning of the escape whose first character after the backslash is at {@code at}. */
  private static int unescapeOne(String body, int at, StringBuilder out) {
    char c = body.charAt(at);
    if (c == 'u' && isHex(body, at + 1, at + 5)) {
      out.append((char) Integer.parseInt(body.substring(at + 1, at + 5), 16));
      return at + 5;
    }
    if (c >= '0' && c <= '3' && at + 2 < body.length() && isOctal(body.charAt(at + 1)) && isOctal(body.charAt(at + 2))) {
      out.append((char) Integer.parseInt(body.substring(at, at + 3), 8));
      return at + 3;
    }
    switch (c) {
      case '0' -> out.append('\u0000');
      case 'b' -> out.append('\b');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'Z' -> out.append('\u001A');
      case '%', '_' -> out.append('\\').append(c);
      default -> out.append(c);
    }
    return at + 1;
  }

  private static boolean isHex(String text, int from, int to) {
    if (to > text.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }
}
