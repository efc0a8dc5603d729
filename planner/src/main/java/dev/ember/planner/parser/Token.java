package dev.ember.planner.parser;

import java.util.Locale;
import java.util.Objects;

/**
 * One token of SQL text. {@code text} is the source as written, {@code value} the meaning: the name of
 * an identifier, the unescaped content of a string. {@code start} and {@code end} are character offsets
 * into the whole text; {@code line} counts from 1 and {@code column} from 0, as Spark reports them.
 */
public record Token(TokenKind kind, String text, String value, int start, int end, int line, int column) {
  public Token {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(text, "text is null");
    Objects.requireNonNull(value, "value is null");
  }

  /** True for an unquoted word equal to {@code keyword}, ignoring case: keywords are case-insensitive. */
  public boolean isKeyword(String keyword) {
    return kind == TokenKind.WORD && value.equalsIgnoreCase(keyword);
  }

  public boolean isSymbol(String symbol) {
    return kind == TokenKind.SYMBOL && text.equals(symbol);
  }

  /** The upper-case spelling of a word, used to name keywords and types in messages. */
  public String upperCaseText() {
    return text.toUpperCase(Locale.ROOT);
  }

  /** How Spark's syntax errors quote a token: {@code '='}, or {@code end of input}. */
  public String describe() {
    return kind == TokenKind.END_OF_INPUT ? "end of input" : "'" + text + "'";
  }
}
