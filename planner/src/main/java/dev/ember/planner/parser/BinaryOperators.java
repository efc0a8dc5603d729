package dev.ember.planner.parser;

import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.UnresolvedFunction;
import java.util.List;

/** Binding levels of Spark's binary value operators, and the expression each one builds. */
final class BinaryOperators {
  static final int LOOSEST_LEVEL = 1;
  private static final int COMPARISON = 1;
  private static final int BIT_OR = 2;
  private static final int BIT_XOR = 3;
  private static final int BIT_AND = 4;
  private static final int SHIFT = 5;
  private static final int ADDITIVE = 6;
  private static final int MULTIPLICATIVE = 7;

  private BinaryOperators() {}

  /** The operator's level, higher binding tighter; 0 when the token is no binary operator. */
  static int level(Token token) {
    if (token.isKeyword("DIV")) {
      return MULTIPLICATIVE;
    }
    if (token.kind() != TokenKind.SYMBOL) {
      return 0;
    }
    return switch (token.text()) {
      case "=", "==", "<>", "!=", "<", "<=", ">", ">=", "<=>" -> COMPARISON;
      case "|" -> BIT_OR;
      case "^" -> BIT_XOR;
      case "&" -> BIT_AND;
      case "<<", ">>", ">>>" -> SHIFT;
      case "+", "-", "||" -> ADDITIVE;
      case "*", "/", "%" -> MULTIPLICATIVE;
      default -> 0;
    };
  }

  static Expression combine(Token operator, Expression left, Expression right) {
    if (operator.isKeyword("DIV")) {
      return function("div", left, right);
    }
    return switch (operator.text()) {
      case "=", "==" -> new Comparison(ComparisonOperator.EQUAL_TO, left, right);
      case "<>", "!=" -> new Not(new Comparison(ComparisonOperator.EQUAL_TO, left, right));
      case "<" -> new Comparison(ComparisonOperator.LESS_THAN, left, right);
      case "<=" -> new Comparison(ComparisonOperator.LESS_THAN_OR_EQUAL, left, right);
      case ">" -> new Comparison(ComparisonOperator.GREATER_THAN, left, right);
      case ">=" -> new Comparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, left, right);
      case "<=>" -> new Comparison(ComparisonOperator.NULL_SAFE_EQUAL, left, right);
      case "+" -> new BinaryArithmetic(ArithmeticOperator.ADD, left, right);
      case "-" -> new BinaryArithmetic(ArithmeticOperator.SUBTRACT, left, right);
      case "*" -> new BinaryArithmetic(ArithmeticOperator.MULTIPLY, left, right);
      case "/" -> new BinaryArithmetic(ArithmeticOperator.DIVIDE, left, right);
      case "%" -> new BinaryArithmetic(ArithmeticOperator.REMAINDER, left, right);
      case "||" -> function("concat", left, right);
      // Spark registers the bit operators as functions named by their symbols, with these column names.
      case "|", "^", "&", "<<", ">>", ">>>" -> function(operator.text(), left, right);
      default -> throw new IllegalArgumentException("not a binary operator: " + operator.text());
    };
  }

  private static Expression function(String name, Expression left, Expression right) {
    return new UnresolvedFunction(name, List.of(left, right), false);
  }
}
