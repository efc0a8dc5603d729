package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code greatest(a, b, ...)} ({@code greatest} true) or {@code least(...)}: the largest or smallest
 * non-null argument, null only when all are null. NaN is larger than any other double, as in Spark's
 * ordering. All arguments are evaluated; after coercion they have one type.
 */
public record GreatestLeast(boolean greatest, List<Expression> arguments) implements Expression {
  public GreatestLeast {
    arguments = List.copyOf(arguments);
    if (arguments.size() < 2) {
      throw new IllegalArgumentException("greatest and least need at least two arguments");
    }
  }

  public String prettyName() {
    return greatest ? "greatest" : "least";
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, arguments.size());
    return children.equals(arguments) ? this : new GreatestLeast(greatest, children);
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
    return prettyName() + "(" + arguments.stream().map(Expression::sql).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return prettyName() + "(" + arguments.stream().map(Expression::toString).collect(Collectors.joining(", "))
        + ")";
  }
}
