package dev.ember.planner.parser;

import dev.ember.sql.catalyst.parser.ParseException;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a type name as in {@code CAST(x AS decimal(10, 2))}: a word with optional integer parameters,
 * resolved by {@link DataTypes#fromDdlType}. Complex types ({@code array<int>}) have no Ember type yet
 * and are reported as unsupported, as Spark reports unknown names.
 */
public final class DataTypeGrammar {
  private final TokenCursor tokens;

  public DataTypeGrammar(TokenCursor tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens is null");
  }

  public DataType dataType() {
    Token name = tokens.expect(token -> token.kind() == TokenKind.WORD);
    String typeName = name.value().toLowerCase(Locale.ROOT);
    List<Integer> parameters = new ArrayList<>();
    if (tokens.acceptSymbol("(")) {
      do {
        Token number = tokens.expect(token -> token.kind() == TokenKind.NUMBER && token.text().matches("\\d+"));
        parameters.add(Integer.parseInt(number.text()));
      } while (tokens.acceptSymbol(","));
      tokens.expectSymbol(")");
    }
    if (tokens.atSymbol("<") || tokens.atSymbol("<>")) {
      throw unsupported(name);
    }
    if (typeName.equals("interval") && parameters.isEmpty()) {
      return intervalType(name);
    }
    if (typeName.equals("timestamp_ltz") && parameters.isEmpty()) {
      return DataTypes.TimestampType;
    }
    if (isDecimal(typeName) && !parameters.isEmpty()) {
      checkDecimal(name, parameters);
    }
    String ddl = parameters.isEmpty() ? typeName : typeName + "(" + joined(parameters) + ")";
    try {
      return DataTypes.fromDdlType(ddl);
    } catch (IllegalArgumentException e) {
      throw unsupported(name);
    }
  }

  /**
   * {@code INTERVAL DAY TO SECOND}, {@code INTERVAL MONTH}: an ANSI interval type. A bare
   * {@code INTERVAL} is Spark's calendar interval, which Ember does not have.
   */
  private DataType intervalType(Token name) {
    if (tokens.current().kind() != TokenKind.WORD || !isIntervalField(tokens.current())) {
      throw unsupported(name);
    }
    StringBuilder ddl = new StringBuilder("interval ").append(tokens.advance().value());
    if (tokens.atKeyword("TO") && tokens.peek(1).kind() == TokenKind.WORD && isIntervalField(tokens.peek(1))) {
      tokens.advance();
      ddl.append(" to ").append(tokens.advance().value());
    }
    try {
      return DataTypes.fromDdlType(ddl.toString());
    } catch (IllegalArgumentException e) {
      throw unsupported(name);
    }
  }

  private static boolean isIntervalField(Token word) {
    return List.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND").contains(word.value().toUpperCase(Locale.ROOT));
  }

  private static boolean isDecimal(String typeName) {
    return typeName.equals("decimal") || typeName.equals("dec") || typeName.equals("numeric");
  }

  private void checkDecimal(Token name, List<Integer> parameters) {
    int precision = parameters.get(0);
    int scale = parameters.size() > 1 ? parameters.get(1) : 0;
    if (precision > DecimalType.MAX_PRECISION) {
      throw tokens.errorAt(name, "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
          Map.of("precision", Integer.toString(precision), "maxPrecision", "38"),
          "Decimal precision " + precision + " exceeds max precision 38.", "22003");
    }
    if (scale > precision) {
      throw ParseException.aboutCommand("_LEGACY_ERROR_TEMP_1228",
          Map.of("scale", Integer.toString(scale), "precision", Integer.toString(precision)),
          "Decimal scale (" + scale + ") cannot be greater than precision (" + precision + ").", "42000",
          tokens.command());
    }
    // Spark accepts decimal(0), which Ember's DecimalType cannot represent.
    if (precision < 1 || parameters.size() > 2) {
      throw unsupported(name);
    }
  }

  private RuntimeException unsupported(Token name) {
    String typeName = tokens.command().substring(name.start(), tokens.previous().end()).toUpperCase(Locale.ROOT);
    return tokens.errorAt(name, "UNSUPPORTED_DATATYPE", Map.of("typeName", "\"" + typeName + "\""),
        "Unsupported data type \"" + typeName + "\".", "0A000");
  }

  private static String joined(List<Integer> parameters) {
    StringBuilder out = new StringBuilder();
    for (int parameter : parameters) {
      out.append(out.length() == 0 ? "" : ",").append(parameter);
    }
    return out.toString();
  }
}
