package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A function call by name, {@code avg(age)} or {@code count(DISTINCT x)}, resolved by the analyzer's
 * function registry into a concrete expression.
 */
public record UnresolvedFunction(String name, List<Expression> arguments, boolean distinct) implements Expression {
  public UnresolvedFunction {
    Objects.requireNonNull(name, "name is null");
    arguments = List.copyOf(arguments);
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    return children.equals(arguments) ? this : new UnresolvedFunction(name, children, distinct);
  }

  @Override
  public DataType dataType() {
    throw new IllegalStateException("unresolved function " + name + " has no type");
  }

  @Override
  public boolean nullable() {
    throw new IllegalStateException("unresolved function " + name + " has no nullability");
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String sql() {
    return name + "(" + (distinct ? "DISTINCT " : "")
        + arguments.stream().map(Expression::sql).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return "'" + name + "(" + (distinct ? "distinct " : "")
        + arguments.stream().map(Expression::toString).collect(Collectors.joining(", ")) + ")";
  }
}
