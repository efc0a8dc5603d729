package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An anonymous function passed to a higher-order function: {@code (acc, x) -> acc + x} is the body
 * {@code acc + x} over the parameters {@code acc} and {@code x}. Its children are the body, then the
 * parameters. Spark names it {@code lambdafunction((acc + x), acc, x)} in column names.
 */
public record LambdaFunction(Expression body, List<NamedLambdaVariable> parameters) implements Expression {
  public LambdaFunction {
    Objects.requireNonNull(body, "body is null");
    parameters = List.copyOf(parameters);
  }

  @Override
  public List<Expression> children() {
    List<Expression> children = new ArrayList<>(parameters.size() + 1);
    children.add(body);
    children.addAll(parameters);
    return children;
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, parameters.size() + 1);
    boolean changed = children.get(0) != body;
    List<NamedLambdaVariable> newParameters = new ArrayList<>(parameters.size());
    for (int i = 0; i < parameters.size(); i++) {
      Expression child = children.get(i + 1);
      if (!(child instanceof NamedLambdaVariable variable)) {
        throw new IllegalArgumentException("a lambda function's parameters must stay variables, got " + child);
      }
      changed |= variable != parameters.get(i);
      newParameters.add(variable);
    }
    return changed ? new LambdaFunction(children.get(0), newParameters) : this;
  }

  @Override
  public DataType dataType() {
    return body.dataType();
  }

  @Override
  public boolean nullable() {
    return body.nullable();
  }

  /** A lambda is never a constant, even when its body is: its value is the function. */
  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public String sql() {
    return "lambdafunction(" + body.sql()
        + parameters.stream().map(parameter -> ", " + parameter.sql()).collect(Collectors.joining()) + ")";
  }

  @Override
  public String toString() {
    return "lambdafunction(" + body
        + parameters.stream().map(parameter -> ", " + parameter).collect(Collectors.joining()) + ")";
  }
}
