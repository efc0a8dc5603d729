package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Objects;

/** {@code (NOT child)}. */
public record Not(Expression child) implements Expression {
  public Not {
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 1);
    return children.get(0) == child ? this : new Not(children.get(0));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public String sql() {
    return "(NOT " + child.sql() + ")";
  }

  @Override
  public String toString() {
    return "NOT " + child;
  }
}
