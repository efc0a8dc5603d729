package dev.ember.planner.parser;

import dev.ember.planner.expressions.Expression;
import dev.ember.sql.catalyst.parser.ParseException;
import dev.ember.sql.types.DataType;
import java.util.Map;
import java.util.Objects;

/**
 * Parses Spark SQL expression text, as {@code Dataset.filter(String)}, {@code functions.expr} and
 * {@code selectExpr} receive it, into an unresolved {@link Expression} for the analyzer.
 *
 * <p>Like Spark's {@code parseExpression}, the text may carry an alias, {@code age + 1 AS next} or
 * {@code age + 1 next}, which gives an {@code Alias}; so does Spark's reading of a trailing keyword
 * as an alias ({@code "age > 26 AND"} is {@code (age > 26) AS AND}). Callers that need a bare
 * condition strip the alias, as Spark's analyzer does for filters.
 *
 * <p>Errors are {@link ParseException}s with Spark's conditions and message layout, for instance
 * {@code [PARSE_SYNTAX_ERROR] Syntax error at or near '='. SQLSTATE: 42601 (line 1, pos 4)}.
 */
public final class ExpressionParser {
  private ExpressionParser() {}

  /** Parses with UTC as the session time zone, in which {@code TIMESTAMP '...'} literals are read. */
  public static Expression parse(String text) {
    return parse(text, java.time.ZoneOffset.UTC);
  }

  /** Parses with {@code sessionZone}, Spark's {@code spark.sql.session.timeZone}, for timestamp literals. */
  public static Expression parse(String text, java.time.ZoneId sessionZone) {
    Objects.requireNonNull(sessionZone, "sessionZone is null");
    TokenCursor tokens = cursorOver(text, sessionZone);
    Expression expression = new ExpressionGrammar(tokens).namedExpression();
    tokens.expectEnd();
    return expression;
  }

  /** A type name as in {@code CAST(x AS type)}: {@code int}, {@code DECIMAL(10, 2)}, {@code varchar(5)}. */
  public static DataType parseDataType(String text) {
    TokenCursor tokens = cursorOver(text, java.time.ZoneOffset.UTC);
    DataType type = new DataTypeGrammar(tokens).dataType();
    tokens.expectEnd();
    return type;
  }

  private static TokenCursor cursorOver(String text, java.time.ZoneId sessionZone) {
    Objects.requireNonNull(text, "text is null");
    TokenCursor tokens = new TokenCursor(text, sessionZone);
    if (tokens.atEnd() && text.isBlank()) {
      Token end = tokens.current();
      throw ParseException.atPosition("PARSE_EMPTY_STATEMENT", Map.of(),
          "Syntax error, unexpected empty statement.", "42617", text, end.line(), end.column());
    }
    return tokens;
  }
}
