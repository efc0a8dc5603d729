package dev.ember.sql.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses Spark's DDL: a schema ({@code a INT, m MAP<STRING, INT> NOT NULL, s STRUCT<x: INT, y: STRING>})
 * or one type ({@code ARRAY<MAP<INT, STRING>>}). Names may be back-quoted ({@code `a b`}, with
 * {@code ``} for a back-quote), the colon between a name and its type is optional, and a
 * {@code COMMENT 'text'} after a field is accepted and dropped (Ember keeps no field metadata).
 */
final class DdlParser {
  private final String text;
  private int position;

  private DdlParser(String text) {
    this.text = text;
  }

  static StructType parseSchema(String text) {
    DdlParser parser = new DdlParser(text);
    List<StructField> fields = new ArrayList<>();
    parser.skipSpaces();
    if (!parser.atEnd()) {
      fields.add(parser.field(true));
      while (parser.consume(',')) {
        fields.add(parser.field(true));
      }
    }
    parser.expectEnd();
    return StructType.of(fields);
  }

  static DataType parseType(String text) {
    DdlParser parser = new DdlParser(text);
    DataType type = parser.type();
    parser.expectEnd();
    return type;
  }

  private StructField field(boolean topLevel) {
    String name = name();
    consume(':');
    DataType type = type();
    boolean nullable = true;
    if (keyword("NOT")) {
      if (!keyword("NULL")) {
        throw syntaxError();
      }
      nullable = false;
    }
    if (keyword("COMMENT")) {
      stringLiteral();
    }
    return new StructField(name, type, nullable);
  }

  private DataType type() {
    skipSpaces();
    int start = position;
    String word = word();
    if (word.isEmpty()) {
      throw syntaxError();
    }
    switch (word.toUpperCase(Locale.ROOT)) {
      case "ARRAY" -> {
        expect('<');
        DataType element = type();
        expect('>');
        return new ArrayType(element, true);
      }
      case "MAP" -> {
        expect('<');
        DataType key = type();
        expect(',');
        DataType value = type();
        expect('>');
        return new MapType(key, value, true);
      }
      case "STRUCT" -> {
        expect('<');
        List<StructField> fields = new ArrayList<>();
        if (!consume('>')) {
          fields.add(field(false));
          while (consume(',')) {
            fields.add(field(false));
          }
          expect('>');
        }
        return StructType.of(fields);
      }
      case "INTERVAL" -> {
        String startField = word();
        int afterStart = position;
        String endField = word().equalsIgnoreCase("TO") ? word() : null;
        if (endField == null) {
          position = afterStart;
        }
        return intervalType(startField, endField == null ? startField : endField);
      }
      default -> {
        skipSpaces();
        if (peek() == '(') {
          int close = text.indexOf(')', position);
          if (close < 0) {
            throw syntaxError();
          }
          position = close + 1;
        }
        return DataTypes.atomicType(text.substring(start, position));
      }
    }
  }

  private String name() {
    skipSpaces();
    if (peek() == '`') {
      StringBuilder name = new StringBuilder();
      position++;
      while (true) {
        if (atEnd()) {
          throw new IllegalArgumentException("[PARSE_SYNTAX_ERROR] Unclosed back-quote in schema: " + text);
        }
        char c = text.charAt(position++);
        if (c == '`') {
          if (peek() == '`') {
            name.append('`');
            position++;
          } else {
            return name.toString();
          }
        } else {
          name.append(c);
        }
      }
    }
    String word = word();
    if (word.isEmpty()) {
      throw syntaxError();
    }
    return word;
  }

  private void stringLiteral() {
    skipSpaces();
    char quote = peek();
    if (quote != '\'' && quote != '"') {
      throw syntaxError();
    }
    int end = position + 1;
    while (end < text.length() && text.charAt(end) != quote) {
      end += text.charAt(end) == '\\' ? 2 : 1;
    }
    if (end >= text.length()) {
      throw syntaxError();
    }
    position = end + 1;
  }

  /** {@code INTERVAL DAY TO SECOND}, {@code INTERVAL MONTH}: a field range of one interval family. */
  private DataType intervalType(String startField, String endField) {
    List<String> dayTime = List.of("DAY", "HOUR", "MINUTE", "SECOND");
    List<String> yearMonth = List.of("YEAR", "MONTH");
    String start = startField.toUpperCase(Locale.ROOT);
    String end = endField.toUpperCase(Locale.ROOT);
    if (dayTime.contains(start) && dayTime.indexOf(end) >= dayTime.indexOf(start)) {
      return new DayTimeIntervalType((byte) dayTime.indexOf(start), (byte) dayTime.indexOf(end));
    } else if (yearMonth.contains(start) && yearMonth.indexOf(end) >= yearMonth.indexOf(start)) {
      return new YearMonthIntervalType((byte) yearMonth.indexOf(start), (byte) yearMonth.indexOf(end));
    }
    throw syntaxError();
  }

  private String word() {
    skipSpaces();
    int start = position;
    while (position < text.length()
        && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
      position++;
    }
    return text.substring(start, position);
  }

  private boolean keyword(String keyword) {
    skipSpaces();
    int start = position;
    String word = word();
    if (word.equalsIgnoreCase(keyword)) {
      return true;
    }
    position = start;
    return false;
  }

  private boolean consume(char c) {
    skipSpaces();
    if (peek() == c) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw syntaxError();
    }
  }

  private void expectEnd() {
    skipSpaces();
    if (!atEnd()) {
      throw syntaxError();
    }
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private boolean atEnd() {
    return position >= text.length();
  }

  private void skipSpaces() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  /** Spark's message names the text at the failing position; {@code <EOF>} at the end. */
  private IllegalArgumentException syntaxError() {
    skipSpaces();
    String near;
    if (atEnd()) {
      near = "end of input";
    } else {
      int end = position + 1;
      while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')
          && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
        end++;
      }
      near = "'" + text.substring(position, end) + "'";
    }
    return new IllegalArgumentException("[PARSE_SYNTAX_ERROR] Syntax error at or near " + near
        + ". SQLSTATE: 42601 (line 1, pos " + position + ")\n\n== SQL ==\n" + text + "\n" + "-".repeat(position)
        + "^^^\n");
  }
}
