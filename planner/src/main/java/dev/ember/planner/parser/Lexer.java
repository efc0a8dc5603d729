package dev.ember.planner.parser;

import dev.ember.sql.catalyst.parser.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits SQL text into tokens, skipping white space, {@code -- line} and nested {@code /* block *}{@code /}
 * comments. Follows Spark's lexer where it matters for expressions: words may start with a digit
 * ({@code 1a} is a name, but {@code 1e3} and {@code 26L} are numbers, the longer match winning and
 * numbers winning ties), strings take backslash escapes in either quote, and {@code r'...'} is raw.
 * Characters that start no token become {@link TokenKind#ERROR} tokens, so that the parser reports
 * them with its usual "Syntax error at or near" message, as Spark does.
 */
public final class Lexer {
  /** Longest first, so that {@code <=>} is not read as {@code <=} followed by {@code >}. */
  private static final String[] SYMBOLS = {
    "<=>", ">>>", "<=", ">=", "<>", "!=", "==", "<<", ">>", "||", "::", "->",
    "=", "<", ">", "!", "+", "-", "*", "/", "%", "&", "|", "^", "~", "(", ")", ",", ".", "[", "]", ":", ";"
  };

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int offset;
  private int line = 1;
  private int lineStart;

  private Lexer(String text) {
    this.text = text;
  }

  /** The tokens of {@code text}, ending with one {@link TokenKind#END_OF_INPUT} token. */
  public static List<Token> tokenize(String text) {
    Objects.requireNonNull(text, "text is null");
    Lexer lexer = new Lexer(text);
    lexer.run();
    return List.copyOf(lexer.tokens);
  }

  private void run() {
    while (true) {
      skipWhiteSpaceAndComments();
      if (offset >= text.length()) {
        tokens.add(new Token(TokenKind.END_OF_INPUT, "", "", offset, offset, line, offset - lineStart));
        return;
      }
      char c = text.charAt(offset);
      if (isRawStringStart()) {
        readString(offset + 1, true);
      } else if (c == '\'' || c == '"') {
        readString(offset, false);
      } else if (c == '`') {
        readQuotedIdentifier();
      } else if (Character.isDigit(c) || (c == '.' && offset + 1 < text.length()
          && Character.isDigit(text.charAt(offset + 1)) && !previousEndsName())) {
        readNumberOrWord();
      } else if (isWordCharacter(c)) {
        emitWord(wordEnd(offset));
      } else {
        readSymbol();
      }
    }
  }

  private void skipWhiteSpaceAndComments() {
    while (offset < text.length()) {
      char c = text.charAt(offset);
      if (c == '\n') {
        offset++;
        line++;
        lineStart = offset;
      } else if (Character.isWhitespace(c)) {
        offset++;
      } else if (text.startsWith("--", offset)) {
        while (offset < text.length() && text.charAt(offset) != '\n') {
          offset++;
        }
      } else if (text.startsWith("/*", offset)) {
        skipBlockComment();
      } else {
        return;
      }
    }
  }

  /** Block comments nest in Spark: {@code /* a /* b *}{@code / c *}{@code /} is one comment. */
  private void skipBlockComment() {
    int depth = 0;
    while (offset < text.length()) {
      if (text.startsWith("/*", offset)) {
        depth++;
        offset += 2;
      } else if (text.startsWith("*/", offset)) {
        depth--;
        offset += 2;
        if (depth == 0) {
          return;
        }
      } else {
        if (text.charAt(offset) == '\n') {
          line++;
          lineStart = offset + 1;
        }
        offset++;
      }
    }
    throw ParseException.aboutCommand(
        "UNCLOSED_BRACKETED_COMMENT",
        Map.of(),
        "Found an unclosed bracketed comment. Please, append */ at the end of the comment.",
        "42601",
        text);
  }

  private boolean isRawStringStart() {
    char c = text.charAt(offset);
    if ((c != 'r' && c != 'R') || offset + 1 >= text.length()) {
      return false;
    }
    char next = text.charAt(offset + 1);
    return next == '\'' || next == '"';
  }

  /** Reads a string whose opening quote is at {@code quoteAt}; a raw string's {@code r} is before it. */
  private void readString(int quoteAt, boolean raw) {
    char quote = text.charAt(quoteAt);
    int position = quoteAt + 1;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '\\' && position + 1 < text.length()) {
        position += 2;
      } else if (c == quote && position + 1 < text.length() && text.charAt(position + 1) == quote) {
        position += 2;
      } else if (c == quote) {
        String body = text.substring(quoteAt + 1, position);
        emit(TokenKind.STRING, position + 1, raw ? body : StringLiterals.unescape(body, quote));
        return;
      } else {
        position++;
      }
    }
    // Unterminated: like Spark, the error is reported at the opening quote alone.
    emit(TokenKind.ERROR, quoteAt + 1, null);
  }

  private void readQuotedIdentifier() {
    StringBuilder name = new StringBuilder();
    int position = offset + 1;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '`' && position + 1 < text.length() && text.charAt(position + 1) == '`') {
        name.append('`');
        position += 2;
      } else if (c == '`') {
        emit(TokenKind.QUOTED_IDENTIFIER, position + 1, name.toString());
        return;
      } else {
        name.append(c);
        position++;
      }
    }
    emit(TokenKind.ERROR, offset + 1, null);
  }

  /**
   * A number is digits, an optional fraction, an optional exponent and an optional suffix. When the
   * run of word characters from the same start is longer ({@code 1a}, {@code 0x10}, {@code 26Lx}), the
   * whole run is a word, as in Spark, whose lexer takes the longest match.
   */
  private void readNumberOrWord() {
    int position = digitsEnd(offset);
    boolean integral = true;
    if (position < text.length() && text.charAt(position) == '.') {
      integral = false;
      position = digitsEnd(position + 1);
    }
    if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
      int exponent = position + 1;
      if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
        exponent++;
      }
      if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
        integral = false;
        position = digitsEnd(exponent);
      }
    }
    position = suffixEnd(position, integral);
    if (integral || text.charAt(offset) != '.') {
      int wordEnd = wordEnd(offset);
      boolean hasFraction = text.substring(offset, position).indexOf('.') >= 0;
      if (!hasFraction && wordEnd > position) {
        emitWord(wordEnd);
        return;
      }
    }
    emit(TokenKind.NUMBER, position, null);
  }

  private int suffixEnd(int position, boolean integral) {
    if (position + 1 < text.length() && text.regionMatches(true, position, "BD", 0, 2)) {
      return position + 2;
    }
    if (position < text.length()) {
      char suffix = Character.toUpperCase(text.charAt(position));
      if (suffix == 'D' || suffix == 'F' || (integral && (suffix == 'L' || suffix == 'S' || suffix == 'Y'))) {
        return position + 1;
      }
    }
    return position;
  }

  private int digitsEnd(int position) {
    while (position < text.length() && Character.isDigit(text.charAt(position))) {
      position++;
    }
    return position;
  }

  private int wordEnd(int position) {
    while (position < text.length() && isWordCharacter(text.charAt(position))) {
      position++;
    }
    return position;
  }

  private static boolean isWordCharacter(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** {@code t.5} is a name part after a dot, not the number {@code .5}. */
  private boolean previousEndsName() {
    if (tokens.isEmpty()) {
      return false;
    }
    Token previous = tokens.get(tokens.size() - 1);
    return previous.end() == offset
        && (previous.kind() == TokenKind.WORD || previous.kind() == TokenKind.QUOTED_IDENTIFIER);
  }

  private void readSymbol() {
    for (String symbol : SYMBOLS) {
      if (text.startsWith(symbol, offset)) {
        emit(TokenKind.SYMBOL, offset + symbol.length(), null);
        return;
      }
    }
    emit(TokenKind.ERROR, offset + Character.charCount(text.codePointAt(offset)), null);
  }

  /** Spark takes letters beyond ASCII into a word only to reject it: {@code café} must be back-quoted. */
  private void emitWord(int end) {
    String word = text.substring(offset, end);
    if (!word.chars().allMatch(c -> c < 128)) {
      throw ParseException.atPosition("INVALID_IDENTIFIER", Map.of("ident", word),
          "The unquoted identifier " + word + " is invalid and must be back quoted as: `" + word + "`.\n"
              + "Unquoted identifiers can only contain ASCII letters ('a' - 'z', 'A' - 'Z'), digits ('0' - '9'), "
              + "and underbar ('_').\nUnquoted identifiers must also not start with a digit.\n"
              + "Different data sources and meta stores may impose additional restrictions on valid identifiers.",
          "42602", text, line, offset - lineStart);
    }
    emit(TokenKind.WORD, end, null);
  }

  private void emit(TokenKind kind, int end, String value) {
    String source = text.substring(offset, end);
    tokens.add(new Token(kind, source, value == null ? source : value, offset, end, line, offset - lineStart));
    offset = end;
  }
}
