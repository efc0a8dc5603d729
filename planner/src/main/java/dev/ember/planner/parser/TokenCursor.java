package dev.ember.planner.parser;

import dev.ember.sql.catalyst.parser.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A position in the tokens of one SQL text, shared by the grammars that read it, and the factory of
 * their errors, which need the text to echo it as Spark does.
 */
public final class TokenCursor {
  private final String command;
  private final List<Token> tokens;
  private final java.time.ZoneId sessionZone;
  private int index;

  public TokenCursor(String command) {
    this(command, java.time.ZoneOffset.UTC);
  }

  /** A cursor whose {@code TIMESTAMP '...'} literals without a zone are read in {@code sessionZone}. */
  public TokenCursor(String command, java.time.ZoneId sessionZone) {
    this.command = Objects.requireNonNull(command, "command is null");
    this.sessionZone = Objects.requireNonNull(sessionZone, "sessionZone is null");
    this.tokens = Lexer.tokenize(command);
  }

  /** Spark's {@code spark.sql.session.timeZone} when the text is parsed. */
  public java.time.ZoneId sessionZone() {
    return sessionZone;
  }

  public String command() {
    return command;
  }

  public Token current() {
    return peek(0);
  }

  /** The token {@code ahead} places after the current one; the end-of-input token past the end. */
  public Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  public Token advance() {
    Token token = current();
    if (index < tokens.size() - 1) {
      index++;
    }
    return token;
  }

  /** The current position, to {@link #reset} to when a tentative reading of the tokens fails to fit. */
  public int mark() {
    return index;
  }

  /** Goes back to a position {@link #mark} returned. */
  public void reset(int mark) {
    if (mark < 0 || mark >= tokens.size()) {
      throw new IllegalArgumentException("no token position " + mark + " in " + tokens.size() + " tokens");
    }
    index = mark;
  }

  /** The token just consumed, whose end closes the fragment of an error message. */
  public Token previous() {
    return tokens.get(Math.max(index - 1, 0));
  }

  public boolean atKeyword(String keyword) {
    return current().isKeyword(keyword);
  }

  public boolean atSymbol(String symbol) {
    return current().isSymbol(symbol);
  }

  public boolean atEnd() {
    return current().kind() == TokenKind.END_OF_INPUT;
  }

  /** Consumes the current token if it is the keyword. */
  public boolean acceptKeyword(String keyword) {
    if (atKeyword(keyword)) {
      advance();
      return true;
    }
    return false;
  }

  public boolean acceptSymbol(String symbol) {
    if (atSymbol(symbol)) {
      advance();
      return true;
    }
    return false;
  }

  public Token expectKeyword(String keyword) {
    return expect(token -> token.isKeyword(keyword));
  }

  public Token expectSymbol(String symbol) {
    return expect(token -> token.isSymbol(symbol));
  }

  /**
   * Consumes a token that {@code expected} accepts, or fails at the current one. When the token
   * after it would have been accepted, the message adds Spark's hint {@code : extra input 'x'}.
   */
  public Token expect(Predicate<Token> expected) {
    Token token = current();
    if (expected.test(token)) {
      return advance();
    }
    throw syntaxError(token, isExtraInput(token, expected));
  }

  /**
   * Consumes the {@code )} closing a comma-separated list; a stray token before a {@code ,} or
   * {@code )} is reported as extra input.
   */
  public Token expectListEnd() {
    Token token = current();
    if (token.isSymbol(")")) {
      return advance();
    }
    throw syntaxError(token, isExtraInput(token, next -> next.isSymbol(")") || next.isSymbol(",")));
  }

  /**
   * Consumes the symbol, or fails at the current token; at the end of the input with Spark's hint
   * {@code : missing ']'}, which it gives when only the closing symbol is lacking.
   */
  public Token expectClosing(String symbol) {
    Token token = current();
    if (token.isSymbol(symbol)) {
      return advance();
    }
    if (token.kind() == TokenKind.END_OF_INPUT) {
      throw syntaxError(token, ": missing '" + symbol + "'");
    }
    throw syntaxError(token, isExtraInput(token, next -> next.isSymbol(symbol)));
  }

  /** Fails unless every token has been read: the text must hold exactly one expression. */
  public void expectEnd() {
    expect(token -> token.kind() == TokenKind.END_OF_INPUT);
  }

  private boolean isExtraInput(Token token, Predicate<Token> expected) {
    return token.kind() != TokenKind.END_OF_INPUT && token.kind() != TokenKind.ERROR && expected.test(peek(1));
  }

  /** {@code [PARSE_SYNTAX_ERROR] Syntax error at or near 'x'.} at the token's line and column. */
  public ParseException syntaxError(Token token) {
    return syntaxError(token, false);
  }

  private ParseException syntaxError(Token token, boolean extraInput) {
    return syntaxError(token, extraInput ? ": extra input " + token.describe() : "");
  }

  private ParseException syntaxError(Token token, String hint) {
    return ParseException.atPosition(
        "PARSE_SYNTAX_ERROR",
        Map.of("error", token.describe(), "hint", hint),
        "Syntax error at or near " + token.describe() + hint + ".",
        "42601",
        command,
        token.line(),
        token.column());
  }

  /** An error about the source from the start of {@code first} to the end of the last token read. */
  public ParseException errorAt(
      Token first, String condition, Map<String, String> parameters, String message, String sqlState) {
    int end = Math.max(first.end(), previous().end());
    return ParseException.atFragment(condition, parameters, message, sqlState, command, first.start(), end);
  }

  /** A construct Spark has but Ember does not parse yet; the fragment runs from {@code first}. */
  public ParseException unsupported(Token first, String feature) {
    return errorAt(first, "UNSUPPORTED_FEATURE", Map.of("feature", feature),
        "The feature is not supported: " + feature + " (Ember's expression parser does not support it yet).",
        "0A000");
  }
}
