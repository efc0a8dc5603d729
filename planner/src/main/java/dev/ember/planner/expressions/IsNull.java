package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Objects;

/** {@code (child IS NULL)}. */
public record IsNull(Expression child) implements Expression {
  public IsNull {
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 1);
    return children.get(0) == child ? this : new IsNull(children.get(0));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return false;
  }

  @Override
  public String sql() {
    return "(" + child.sql() + " IS NULL)";
  }

  @Override
  public String toString() {
    return "isnull(" + child + ")";
  }
}
