package dev.ember.planner.parser;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.In;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedExtractValue;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spark's expression grammar, read by recursive descent over a {@link TokenCursor}. From loosest to
 * tightest binding:
 *
 * <pre>
 * OR  &lt;  AND  &lt;  NOT, !  &lt;  one predicate: [NOT] BETWEEN / IN / LIKE / ILIKE / RLIKE, IS [NOT] ...
 *     &lt;  comparison = == &lt;&gt; != &lt; &lt;= &gt; &gt;= &lt;=&gt;  &lt;  |  &lt;  ^  &lt;  &amp;  &lt;  &lt;&lt; &gt;&gt; &gt;&gt;&gt;
 *     &lt;  + - ||  &lt;  * / % DIV  &lt;  unary - + ~  &lt;  primary, postfix ::type
 * </pre>
 *
 * All binary operators associate to the left. Spark lets a keyword be a name wherever the keyword
 * cannot continue the expression, so {@code a AND} is {@code a} aliased as {@code AND}, and a
 * keyword operator is only taken as one when what follows can continue it.
 *
 * <p>Constructs without an expression class of their own become calls of the Spark function that
 * means the same and gives the same column name: {@code CASE} is {@code when(c1, v1, ..., else)},
 * {@code a LIKE p} is {@code like(a, p)}, {@code a || b} is {@code concat(a, b)}, {@code a DIV b}
 * is {@code div(a, b)}, {@code +a} is {@code positive(a)}, and the bit operators are the functions
 * named by their symbols ({@code &}, {@code |}, {@code ^}, {@code ~}, {@code <<}, {@code >>},
 * {@code >>>}). {@code BETWEEN} is {@code between(v, lo, hi)}.
 */
public final class ExpressionGrammar {
  private final TokenCursor tokens;
  private final DataTypeGrammar dataTypes;

  public ExpressionGrammar(TokenCursor tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens is null");
    this.dataTypes = new DataTypeGrammar(tokens);
  }

  /** An expression with an optional alias, {@code expr [AS] name}, as in a select list. */
  public Expression namedExpression() {
    Expression expression = expression();
    if (tokens.acceptKeyword("AS")) {
      return Alias.of(expression, tokens.expect(ExpressionGrammar::isName).value());
    } else if (isName(tokens.current())) {
      return Alias.of(expression, tokens.advance().value());
    }
    return expression;
  }

  public Expression expression() {
    Expression left = and();
    while (atKeywordOperator("OR")) {
      tokens.advance();
      left = new Or(left, and());
    }
    return left;
  }

  private Expression and() {
    Expression left = not();
    while (atKeywordOperator("AND")) {
      tokens.advance();
      left = new And(left, not());
    }
    return left;
  }

  private Expression not() {
    if ((tokens.atKeyword("NOT") || tokens.atSymbol("!")) && canStartOperand(tokens.peek(1))) {
      tokens.advance();
      return new Not(not());
    }
    return predicated();
  }

  public DataTypeGrammar dataTypes() {
    return dataTypes;
  }

  /** A value with at most one predicate after it; Spark allows no second one. */
  private Expression predicated() {
    Expression value = valueExpression();
    Token first = tokens.current();
    boolean negated = first.isKeyword("NOT") && isNegatablePredicate(tokens.peek(1));
    Token keyword = tokens.peek(negated ? 1 : 0);
    Expression predicate = null;
    if (keyword.isKeyword("BETWEEN") && canStartOperand(tokens.peek(negated ? 2 : 1))) {
      skip(negated ? 2 : 1);
      predicate = between(value);
    } else if (keyword.isKeyword("IN") && tokens.peek(negated ? 2 : 1).isSymbol("(")) {
      skip(negated ? 2 : 1);
      predicate = in(value, first);
    } else if (isPatternKeyword(keyword) && canStartOperand(tokens.peek(negated ? 2 : 1))) {
      skip(negated ? 2 : 1);
      predicate = pattern(value, keyword);
    } else if (!negated && keyword.isKeyword("IS") && isPredicateAfterIs()) {
      tokens.advance();
      return is(value);
    }
    if (predicate == null) {
      return value;
    }
    return negated ? new Not(predicate) : predicate;
  }

  /** {@code v BETWEEN lo AND hi} is Spark 4.2's function {@code between(v, lo, hi)}, which also names the column. */
  private Expression between(Expression value) {
    Expression lower = valueExpression();
    tokens.expectKeyword("AND");
    Expression upper = valueExpression();
    return new UnresolvedFunction("between", List.of(value, lower, upper), false);
  }

  /** {@code v IN (a, b)}: an {@link In} with Spark's null semantics, named {@code (v IN (a, b))}. */
  private Expression in(Expression value, Token first) {
    tokens.expectSymbol("(");
    if (tokens.atSymbol(")")) {
      tokens.advance();
      throw tokens.errorAt(first, "INVALID_SQL_SYNTAX.EMPTY_IN_PREDICATE", Map.of(),
          "Invalid SQL syntax: IN predicate requires at least one value. Empty IN clauses like 'IN ()' are "
              + "not allowed. Consider using 'WHERE FALSE' if you need an always-false condition, or provide "
              + "at least one value in the IN list.",
          "42000");
    }
    if ((tokens.atKeyword("SELECT") || tokens.atKeyword("WITH")) && canStartOperand(tokens.peek(1))) {
      throw tokens.unsupported(first, "IN with a subquery");
    }
    List<Expression> list = new ArrayList<>();
    do {
      list.add(expression());
    } while (tokens.acceptSymbol(","));
    tokens.expectListEnd();
    return new In(value, list);
  }

  private static boolean isPatternKeyword(Token token) {
    return token.isKeyword("LIKE") || token.isKeyword("ILIKE") || token.isKeyword("RLIKE")
        || token.isKeyword("REGEXP");
  }

  private static boolean isNegatablePredicate(Token token) {
    return token.isKeyword("BETWEEN") || token.isKeyword("IN") || isPatternKeyword(token);
  }

  /** {@code LIKE}, {@code ILIKE} (with an optional {@code ESCAPE 'c'}) and {@code RLIKE}/{@code REGEXP}. */
  private Expression pattern(Expression value, Token keyword) {
    boolean regex = keyword.isKeyword("RLIKE") || keyword.isKeyword("REGEXP");
    String function = regex ? "rlike" : keyword.isKeyword("LIKE") ? "like" : "ilike";
    Token quantifier = tokens.current();
    if (!regex && (quantifier.isKeyword("ANY") || quantifier.isKeyword("ALL") || quantifier.isKeyword("SOME"))
        && tokens.peek(1).isSymbol("(")) {
      throw tokens.unsupported(keyword, keyword.upperCaseText() + " " + quantifier.upperCaseText());
    }
    List<Expression> arguments = new ArrayList<>(List.of(value, valueExpression()));
    if (!regex && tokens.atKeyword("ESCAPE") && tokens.peek(1).kind() == TokenKind.STRING) {
      tokens.advance();
      arguments.add(new Literal(tokens.advance().value(), DataTypes.StringType));
    }
    return new UnresolvedFunction(function, arguments, false);
  }

  private boolean isPredicateAfterIs() {
    int ahead = tokens.peek(1).isKeyword("NOT") ? 2 : 1;
    Token token = tokens.peek(ahead);
    return token.isKeyword("NULL") || token.isKeyword("TRUE") || token.isKeyword("FALSE")
        || token.isKeyword("UNKNOWN") || (token.isKeyword("DISTINCT") && tokens.peek(ahead + 1).isKeyword("FROM"));
  }

  /**
   * {@code IS [NOT] NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM x}; as in Spark, {@code IS TRUE} is
   * {@code <=> true}, {@code IS UNKNOWN} is {@code IS NULL}, {@code IS DISTINCT FROM} is {@code NOT <=>}.
   */
  private Expression is(Expression value) {
    boolean negated = tokens.acceptKeyword("NOT");
    Token what = tokens.advance();
    if (what.isKeyword("NULL") || what.isKeyword("UNKNOWN")) {
      return negated ? new IsNotNull(value) : new IsNull(value);
    } else if (what.isKeyword("TRUE") || what.isKeyword("FALSE")) {
      Expression nullSafeEqual = new Comparison(
          ComparisonOperator.NULL_SAFE_EQUAL, value, what.isKeyword("TRUE") ? Literal.TRUE : Literal.FALSE);
      return negated ? new Not(nullSafeEqual) : nullSafeEqual;
    }
    tokens.expectKeyword("FROM");
    Expression nullSafeEqual = new Comparison(ComparisonOperator.NULL_SAFE_EQUAL, value, valueExpression());
    return negated ? nullSafeEqual : new Not(nullSafeEqual);
  }

  /** Arithmetic, bit operators and comparisons: everything below the predicates. */
  public Expression valueExpression() {
    return binary(BinaryOperators.LOOSEST_LEVEL);
  }

  /** Precedence climbing: operators binding at least as tightly as {@code minimumLevel}. */
  private Expression binary(int minimumLevel) {
    Expression left = unary();
    while (true) {
      Token operator = tokens.current();
      int level = BinaryOperators.level(operator);
      if (level < minimumLevel || (operator.kind() == TokenKind.WORD && !canStartOperand(tokens.peek(1)))) {
        return left;
      }
      tokens.advance();
      left = BinaryOperators.combine(operator, left, binary(level + 1));
    }
  }

  /** A minus directly before a number belongs to the literal, as in Spark: {@code -2147483648} is an int. */
  private Expression unary() {
    Token token = tokens.current();
    if (token.isSymbol("-") && tokens.peek(1).kind() == TokenKind.NUMBER) {
      tokens.advance();
      Token number = tokens.advance();
      return postfix(NumericLiterals.of(number.text(), true, tokens.command(), token.start(), number.end()));
    } else if (token.isSymbol("-")) {
      tokens.advance();
      return UnaryMinus.operator(unary());
    } else if (token.isSymbol("+")) {
      tokens.advance();
      return new UnresolvedFunction("positive", List.of(unary()), false);
    } else if (token.isSymbol("~")) {
      tokens.advance();
      return new UnresolvedFunction("~", List.of(unary()), false);
    }
    return postfix(new PrimaryGrammar(tokens, this).primary());
  }

  /**
   * {@code x::type} is {@code CAST(x AS type)}; {@code x[key]} (an array's 0-based index or a map's
   * key) and {@code x.field} after anything but a name (even a parenthesised one) are extractions the
   * analyzer resolves once it knows x's type, as Spark's {@code UnresolvedExtractValue}. A dotted name
   * ({@code a.b.c}) stays one name: whether {@code a} is a table alias or a column is also the
   * analyzer's question.
   */
  private Expression postfix(Expression expression) {
    Expression result = expression;
    while (true) {
      Token token = tokens.current();
      if (token.isSymbol("::")) {
        tokens.advance();
        result = new Cast(result, dataTypes.dataType(), true, true);
      } else if (token.isSymbol("[")) {
        tokens.advance();
        Expression key = valueExpression();
        tokens.expectClosing("]");
        result = new UnresolvedExtractValue(result, key);
      } else if (token.isSymbol(".")) {
        tokens.advance();
        Token field = tokens.current();
        if (!isName(field)) {
          // Spark has no star after a subscript or a call: arr[0].* fails at the star.
          throw tokens.syntaxError(field);
        }
        tokens.advance();
        // As in Spark, (s).x is the name s.x, resolved like any dotted name; other values get an extraction.
        result = result instanceof UnresolvedAttribute attribute && !attribute.name().endsWith("*")
            ? new UnresolvedAttribute(attribute.name() + "." + PrimaryGrammar.joinedName(List.of(field.value())))
            : new UnresolvedExtractValue(result, new Literal(field.value(), DataTypes.StringType));
      } else if (token.isSymbol(":") && canStartOperand(tokens.peek(1))) {
        throw tokens.unsupported(token, "semi-structured extraction (:)");
      } else {
        return result;
      }
    }
  }

  private boolean atKeywordOperator(String keyword) {
    return tokens.atKeyword(keyword) && canStartOperand(tokens.peek(1));
  }

  private void skip(int count) {
    for (int i = 0; i < count; i++) {
      tokens.advance();
    }
  }

  /** Whether {@code token} can begin an operand; otherwise a keyword before it is read as a name. */
  static boolean canStartOperand(Token token) {
    return switch (token.kind()) {
      case WORD, QUOTED_IDENTIFIER, STRING, NUMBER, ERROR -> true;
      case SYMBOL -> token.isSymbol("(") || token.isSymbol("-") || token.isSymbol("+") || token.isSymbol("~")
          || token.isSymbol("!") || token.isSymbol("*");
      case END_OF_INPUT -> false;
    };
  }

  static boolean isName(Token token) {
    return token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER;
  }
}
