package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * An aggregate over the rows of a group: {@code count(1)}, {@code sum(age)}. {@code count(*)} is
 * {@code count(1)}, as Spark rewrites it.
 */
public record AggregateCall(AggregateFunction function, Expression argument, boolean distinct)
    implements Expression {
  public AggregateCall {
    Objects.requireNonNull(function, "function is null");
    Objects.requireNonNull(argument, "argument is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(argument);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 1);
    return children.get(0) == argument ? this : new AggregateCall(function, children.get(0), distinct);
  }

  @Override
  public DataType dataType() {
    return function.resultType(argument.dataType());
  }

  /** count is never null; the others are null for a group (or input) without non-null values. */
  @Override
  public boolean nullable() {
    return function != AggregateFunction.COUNT;
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public String sql() {
    return function.sqlName() + "(" + (distinct ? "DISTINCT " : "") + argument.sql() + ")";
  }

  @Override
  public String toString() {
    return function.sqlName() + "(" + (distinct ? "distinct " : "") + argument + ")";
  }
}
