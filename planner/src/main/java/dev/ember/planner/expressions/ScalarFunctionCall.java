package dev.ember.planner.expressions;

import dev.ember.planner.functions.ScalarFunction;
import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A call of a built-in scalar function, {@code sqrt(x)} or {@code round(x, 2)}: one node for every
 * function whose {@link ScalarFunction} definition says everything else (types, nullability, name,
 * implementation). Both kernels evaluate it by calling the definition's implementation method.
 */
public record ScalarFunctionCall(ScalarFunction function, List<Expression> arguments) implements Expression {
  public ScalarFunctionCall {
    Objects.requireNonNull(function, "function is null");
    arguments = List.copyOf(arguments);
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    if (children.size() != arguments.size()) {
      throw new IllegalArgumentException(function.name() + " takes " + arguments.size() + " children, got "
          + children.size());
    }
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i) != arguments.get(i)) {
        return new ScalarFunctionCall(function, children);
      }
    }
    return this;
  }

  @Override
  public DataType dataType() {
    return function.resultType(arguments);
  }

  @Override
  public boolean nullable() {
    return function.nullable(arguments);
  }

  /** Deterministic calls of constants are constants, {@code pi()} included; {@code rand()} never is. */
  @Override
  public boolean foldable() {
    // A user-defined function runs with the query, as in Spark: folding would call it while planning.
    if (!function.deterministic() || function.instance() != null) {
      return false;
    }
    for (Expression argument : arguments) {
      if (!argument.foldable()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String sql() {
    return function.sql(arguments);
  }

  @Override
  public String toString() {
    return function.name() + "(" + arguments.stream().map(Expression::toString).collect(Collectors.joining(", "))
        + ")";
  }
}
