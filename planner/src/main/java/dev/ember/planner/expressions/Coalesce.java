package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code coalesce(a, b, ...)}: the first non-null argument, evaluating arguments only until one is
 * not null, as in Spark. After coercion all arguments have one type.
 */
public record Coalesce(List<Expression> arguments) implements Expression {
  public Coalesce {
    arguments = List.copyOf(arguments);
    if (arguments.isEmpty()) {
      throw new IllegalArgumentException("coalesce needs at least one argument");
    }
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, arguments.size());
    return children.equals(arguments) ? this : new Coalesce(children);
  }

  @Override
  public DataType dataType() {
    return arguments.get(0).dataType();
  }

  @Override
  public boolean nullable() {
    return arguments.stream().allMatch(Expression::nullable);
  }

  @Override
  public String sql() {
    return "coalesce(" + arguments.stream().map(Expression::sql).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return "coalesce(" + arguments.stream().map(Expression::toString).collect(Collectors.joining(", ")) + ")";
  }
}
