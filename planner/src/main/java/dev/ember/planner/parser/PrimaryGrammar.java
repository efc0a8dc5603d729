package dev.ember.planner.parser;

import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.NamedLambdaVariable;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.expressions.UnresolvedStar;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tightest-binding expressions: literals, names, function calls, {@code CAST}, {@code CASE},
 * parenthesised expressions, {@code *}, and lambdas ({@code x -> x + 1}, {@code (acc, x) -> acc + x}),
 * whose body is a whole expression, as in Spark's grammar.
 */
final class PrimaryGrammar {
  private final TokenCursor tokens;
  private final ExpressionGrammar expressions;

  PrimaryGrammar(TokenCursor tokens, ExpressionGrammar expressions) {
    this.tokens = tokens;
    this.expressions = expressions;
  }

  Expression primary() {
    Token token = tokens.current();
    if (ExpressionGrammar.isName(token) && tokens.peek(1).isSymbol("->")) {
      return lambda(List.of(tokens.advance().value()));
    } else if (token.isSymbol("(") && startsLambdaParameters()) {
      return lambdaInParentheses();
    }
    switch (token.kind()) {
      case NUMBER:
        tokens.advance();
        return NumericLiterals.of(token.text(), false, tokens.command(), token.start(), token.end());
      case STRING:
        return strings();
      case WORD:
        return word();
      case QUOTED_IDENTIFIER:
        return nameOrCall();
      case SYMBOL:
        if (token.isSymbol("(")) {
          return parenthesised();
        } else if (token.isSymbol("*")) {
          tokens.advance();
          return new UnresolvedStar();
        }
        throw tokens.syntaxError(token);
      default:
        throw tokens.syntaxError(token);
    }
  }

  /**
   * Whether {@code (a, b, ...) ->} starts here: Spark's grammar takes two or more names in
   * parentheses (one name goes without them; {@code (x) -> ...} is a syntax error, as in Spark).
   */
  private boolean startsLambdaParameters() {
    int ahead = 1;
    while (ExpressionGrammar.isName(tokens.peek(ahead)) && tokens.peek(ahead + 1).isSymbol(",")) {
      ahead += 2;
    }
    return ahead > 1 && ExpressionGrammar.isName(tokens.peek(ahead)) && tokens.peek(ahead + 1).isSymbol(")")
        && tokens.peek(ahead + 2).isSymbol("->");
  }

  private Expression lambdaInParentheses() {
    tokens.expectSymbol("(");
    List<String> names = new ArrayList<>();
    do {
      names.add(tokens.advance().value());
    } while (tokens.acceptSymbol(","));
    tokens.expectSymbol(")");
    return lambda(names);
  }

  /**
   * {@code names -> body}, the arrow being the current token. The body's names stay unresolved: the
   * analyzer binds those naming a parameter to it (they shadow columns of the same name).
   */
  private Expression lambda(List<String> names) {
    tokens.expectSymbol("->");
    Expression body = expressions.expression();
    return new LambdaFunction(body, names.stream().map(NamedLambdaVariable::unbound).toList());
  }

  /** Adjacent strings are one literal, as in Spark: {@code 'a' "b"} is {@code 'ab'}. */
  private Expression strings() {
    StringBuilder value = new StringBuilder();
    while (tokens.current().kind() == TokenKind.STRING) {
      value.append(tokens.advance().value());
    }
    return new Literal(value.toString(), DataTypes.StringType);
  }

  /** A word is a keyword only where the keyword makes sense; anywhere else it is a name, as in Spark. */
  private Expression word() {
    Token word = tokens.current();
    Token next = tokens.peek(1);
    if (word.isKeyword("NULL")) {
      tokens.advance();
      return Literal.nullOf(DataTypes.NullType);
    } else if (word.isKeyword("TRUE") || word.isKeyword("FALSE")) {
      tokens.advance();
      return word.isKeyword("TRUE") ? Literal.TRUE : Literal.FALSE;
    } else if (word.isKeyword("CASE") && (next.isKeyword("WHEN") || ExpressionGrammar.canStartOperand(next))) {
      return caseWhen();
    } else if ((word.isKeyword("CAST") || word.isKeyword("TRY_CAST")) && next.isSymbol("(")) {
      return cast(word.isKeyword("TRY_CAST"));
    } else if (word.isKeyword("INTERVAL") && IntervalLiterals.startsValue(tokens, 1)) {
      return IntervalLiterals.parse(tokens.advance(), tokens);
    } else if (next.kind() == TokenKind.STRING) {
      tokens.advance();
      return TypedLiterals.of(word, tokens.advance(), tokens);
    } else if (word.isKeyword("EXTRACT") && next.isSymbol("(") && ExpressionGrammar.isName(tokens.peek(2))
        && tokens.peek(3).isKeyword("FROM")) {
      return extract();
    } else if ((word.isKeyword("CURRENT_DATE") || word.isKeyword("CURRENT_TIMESTAMP")) && !next.isSymbol("(")
        && !next.isSymbol(".")) {
      // Spark reads these two without parentheses as the functions.
      tokens.advance();
      return new UnresolvedFunction(word.value().toLowerCase(Locale.ROOT), List.of(), false);
    } else if (word.isKeyword("EXISTS") && next.isSymbol("(")
        && (tokens.peek(2).isKeyword("SELECT") || tokens.peek(2).isKeyword("WITH"))) {
      // EXISTS (subquery); exists(array, x -> ...) is the higher-order function.
      throw tokens.unsupported(word, word.upperCaseText() + "(...)");
    } else if (next.isSymbol("(") && KeywordArgumentGrammar.mayStart(word)) {
      Expression call = new KeywordArgumentGrammar(tokens, expressions).call();
      if (call != null) {
        return call;
      }
    }
    return nameOrCall();
  }

  /**
   * A possibly dotted name, {@code a.b}, which is a column or, before {@code (}, a function.
   * Column names are joined the way Spark's {@code UnresolvedAttribute.name} does: parts containing
   * a dot are back-quoted, so {@code `a.b`.c} stays distinct from {@code a.b.c}.
   */
  private Expression nameOrCall() {
    Token first = tokens.current();
    List<String> parts = new ArrayList<>();
    parts.add(tokens.advance().value());
    while (tokens.atSymbol(".")) {
      tokens.advance();
      if (tokens.atSymbol("*")) {
        // t.* or s.*: every column of the table aliased t, or every field of the struct s.
        tokens.advance();
        return new UnresolvedAttribute(joinedName(parts) + ".*");
      }
      if (!ExpressionGrammar.isName(tokens.current())) {
        // Spark gives no "extra input" hint here, even when a name follows: a..b fails plainly.
        throw tokens.syntaxError(tokens.current());
      }
      parts.add(tokens.advance().value());
    }
    if (tokens.atSymbol("(")) {
      return functionCall(first, String.join(".", parts).toLowerCase(Locale.ROOT));
    }
    return new UnresolvedAttribute(joinedName(parts));
  }

  /** Name parts joined by dots; a part holding a dot is back-quoted, as Spark's {@code UnresolvedAttribute.name}. */
  static String joinedName(List<String> parts) {
    List<String> quoted = new ArrayList<>();
    for (String part : parts) {
      quoted.add(part.contains(".") ? "`" + part.replace("`", "``") + "`" : part);
    }
    return String.join(".", quoted);
  }

  private Expression functionCall(Token first, String name) {
    tokens.expectSymbol("(");
    boolean distinct = false;
    List<Expression> arguments = new ArrayList<>();
    if (!tokens.acceptSymbol(")")) {
      if ((tokens.atKeyword("DISTINCT") || tokens.atKeyword("ALL"))
          && ExpressionGrammar.canStartOperand(tokens.peek(1))) {
        distinct = tokens.advance().isKeyword("DISTINCT");
      }
      do {
        arguments.add(expressions.expression());
      } while (tokens.acceptSymbol(","));
      tokens.expectListEnd();
    }
    UnresolvedFunction call = new UnresolvedFunction(name, arguments, distinct);
    WindowGrammar windows = new WindowGrammar(tokens, expressions);
    if (windows.atOver()) {
      return windows.over(call);
    }
    Token after = tokens.current();
    if ((after.isKeyword("OVER") || after.isKeyword("FILTER") || after.isKeyword("WITHIN"))
        && tokens.peek(1).isSymbol("(")) {
      throw tokens.unsupported(first, after.upperCaseText() + " clauses of function calls");
    } else if ((after.isKeyword("IGNORE") || after.isKeyword("RESPECT")) && tokens.peek(1).isKeyword("NULLS")) {
      throw tokens.unsupported(first, after.upperCaseText() + " NULLS");
    }
    return call;
  }

  /** {@code EXTRACT(field FROM source)}: the call extract('field', source), named as Spark writes it. */
  private Expression extract() {
    tokens.advance();
    tokens.expectSymbol("(");
    Token field = tokens.advance();
    tokens.advance();
    Expression source = expressions.expression();
    tokens.expectSymbol(")");
    return new UnresolvedFunction("extract", List.of(new Literal(field.value(), DataTypes.StringType), source), false);
  }

  /** {@code CAST(x AS type)}, or with {@code nullOnError} {@code TRY_CAST(x AS type)}. */
  private Expression cast(boolean nullOnError) {
    tokens.advance();
    tokens.expectSymbol("(");
    Expression child = expressions.expression();
    tokens.expectKeyword("AS");
    DataType type = expressions.dataTypes().dataType();
    Cast cast = nullOnError ? Cast.tryCast(child, type) : new Cast(child, type, true, true);
    tokens.expectSymbol(")");
    return cast;
  }

  /**
   * {@code CASE [operand] WHEN c THEN v ... [ELSE e] END} as Spark's function {@code when(c1, v1, ...,
   * e)}, which builds the same conditional and column name; with an operand each condition is
   * {@code operand = c}, as in Spark.
   */
  private Expression caseWhen() {
    tokens.advance();
    Expression operand = tokens.atKeyword("WHEN") ? null : expressions.expression();
    List<Expression> arguments = new ArrayList<>();
    tokens.expectKeyword("WHEN");
    do {
      Expression condition = expressions.expression();
      arguments.add(operand == null ? condition : new Comparison(ComparisonOperator.EQUAL_TO, operand, condition));
      tokens.expectKeyword("THEN");
      arguments.add(expressions.expression());
    } while (tokens.acceptKeyword("WHEN"));
    if (tokens.acceptKeyword("ELSE")) {
      arguments.add(expressions.expression());
    }
    tokens.expectKeyword("END");
    return new UnresolvedFunction("when", arguments, false);
  }

  private Expression parenthesised() {
    Token open = tokens.advance();
    Expression inner = expressions.expression();
    if (tokens.atSymbol(",")) {
      throw tokens.unsupported(open, "struct constructors ((a, b, ...))");
    }
    tokens.expectSymbol(")");
    return inner;
  }
}
