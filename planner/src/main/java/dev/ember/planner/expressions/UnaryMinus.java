package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * {@code -child}; overflows (negating the minimum value) raise ARITHMETIC_OVERFLOW in ANSI mode.
 * {@code functionSyntax} only changes the generated column name, as in Spark 4.2: the operator
 * {@code -x} is named {@code (- x)}, the function {@code negative(x)} (and the API's {@code negate})
 * {@code negative(x)}.
 */
public record UnaryMinus(Expression child, boolean functionSyntax) implements Expression {
  public UnaryMinus {
    Objects.requireNonNull(child, "child is null");
  }

  /** {@code negative(child)}, named so. */
  public UnaryMinus(Expression child) {
    this(child, true);
  }

  /** The operator {@code -child}, named {@code (- child)}. */
  public static UnaryMinus operator(Expression child) {
    return new UnaryMinus(child, false);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 1);
    return children.get(0) == child ? this : new UnaryMinus(children.get(0), functionSyntax);
  }

  @Override
  public DataType dataType() {
    return child.dataType();
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public String sql() {
    return functionSyntax ? "negative(" + child.sql() + ")" : "(- " + child.sql() + ")";
  }

  @Override
  public String toString() {
    return "-" + child;
  }
}
