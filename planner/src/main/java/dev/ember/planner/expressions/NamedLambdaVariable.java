package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A parameter of a {@link LambdaFunction} ({@code x} in {@code x -> x + 1}) and each use of it in the
 * body, identified by {@code exprId}. Unbound ({@code dataType} null) until the higher-order function
 * around the lambda is resolved and gives it the type of what it stands for (an array's element, a
 * map's key). Never bound to an input column: the kernels give it its values while they evaluate the
 * lambda's body.
 */
public record NamedLambdaVariable(String name, DataType dataType, boolean nullable, long exprId)
    implements Expression {
  public NamedLambdaVariable {
    Objects.requireNonNull(name, "name is null");
  }

  /** A new parameter named {@code name}, of a type not known yet. */
  public static NamedLambdaVariable unbound(String name) {
    return new NamedLambdaVariable(name, null, true, ExprIds.next());
  }

  /** The same variable with the type and nullability of the values it stands for. */
  public NamedLambdaVariable bind(DataType type, boolean valuesNullable) {
    Objects.requireNonNull(type, "type is null");
    return new NamedLambdaVariable(name, type, valuesNullable, exprId);
  }

  @Override
  public DataType dataType() {
    if (dataType == null) {
      throw new IllegalStateException("lambda variable " + name + " has no type before its function is resolved");
    }
    return dataType;
  }

  @Override
  public boolean resolved() {
    return dataType != null;
  }

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    return LeafExpression.requireNoChildren(this, children);
  }

  /**
   * Spark's text: the name while unbound ({@code lambdafunction(x, x)} in an error about the
   * function's input), {@code namedlambdavariable()} once bound, which is how Spark 4.2 names columns:
   * {@code transform(a, lambdafunction((namedlambdavariable() + 1), namedlambdavariable()))}.
   */
  @Override
  public String sql() {
    return dataType == null ? name : "namedlambdavariable()";
  }

  @Override
  public String toString() {
    return "lambda " + name + "#" + exprId;
  }
}
