package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;

/** A physical reference to the input batch's column number {@code ordinal}, after binding. */
public record BoundReference(int ordinal, DataType dataType, boolean nullable) implements Expression {
  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    return LeafExpression.requireNoChildren(this, children);
  }

  @Override
  public String sql() {
    return "input[" + ordinal + "]";
  }

  @Override
  public String toString() {
    return "input[" + ordinal + ", " + dataType.simpleString() + ", " + nullable + "]";
  }
}
