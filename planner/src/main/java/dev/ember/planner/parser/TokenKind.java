package dev.ember.planner.parser;

/** The kinds of token the SQL lexer produces. */
public enum TokenKind {
  /** An unquoted word: a name or a keyword, which only the parser can tell apart. */
  WORD,
  /** A back-quoted name, {@code `my col`}; its value has the quotes removed and {@code ``} undoubled. */
  QUOTED_IDENTIFIER,
  /** A string in single or double quotes; its value is unescaped. */
  STRING,
  /** A number, with its suffix ({@code 26L}, {@code 1.5BD}); typed by {@link NumericLiterals}. */
  NUMBER,
  /** An operator or punctuation: {@code ( ) , . = <=> :: ||} and the like. */
  SYMBOL,
  /** A character that starts no token, or an unterminated quote: always a syntax error. */
  ERROR,
  END_OF_INPUT
}
