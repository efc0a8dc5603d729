package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/** {@code -child}; overflows (negating the minimum value) raise ARITHMETIC_OVERFLOW in ANSI mode. */
public record UnaryMinus(Expression child) implements Expression {
  public UnaryMinus {
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 1);
    return children.get(0) == child ? this : new UnaryMinus(children.get(0));
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
    return "negative(" + child.sql() + ")";
  }

  @Override
  public String toString() {
    return "-" + child;
  }
}
