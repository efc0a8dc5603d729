package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;

/** {@code *} in a select list: every column of the input. */
public record UnresolvedStar() implements Expression {
  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    return LeafExpression.requireNoChildren(this, children);
  }

  @Override
  public DataType dataType() {
    throw new IllegalStateException("* has no type");
  }

  @Override
  public boolean nullable() {
    throw new IllegalStateException("* has no nullability");
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String sql() {
    return "*";
  }

  @Override
  public String toString() {
    return "*";
  }
}
