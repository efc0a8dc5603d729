package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Objects;

/** {@code left op right}, a boolean; null when either side is null, except for {@code <=>}. */
public record Comparison(ComparisonOperator operator, Expression left, Expression right) implements Expression {
  public Comparison {
    Objects.requireNonNull(operator, "operator is null");
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 2);
    return children.get(0) == left && children.get(1) == right
        ? this
        : new Comparison(operator, children.get(0), children.get(1));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return operator != ComparisonOperator.NULL_SAFE_EQUAL && (left.nullable() || right.nullable());
  }

  @Override
  public String sql() {
    return "(" + left.sql() + " " + operator.symbol() + " " + right.sql() + ")";
  }

  @Override
  public String toString() {
    return "(" + left + " " + operator.symbol() + " " + right + ")";
  }
}
