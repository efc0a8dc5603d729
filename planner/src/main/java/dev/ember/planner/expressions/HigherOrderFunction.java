package dev.ember.planner.expressions;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A call of a function that takes lambdas, {@code transform(a, x -> x + 1)}: the arguments are laid
 * out as {@link HigherOrderFunctionKind} says, lambdas included. Built by the analyzer with the
 * lambdas' parameters bound to the types of the values they stand for; both kernels evaluate the
 * lambda bodies a batch of values at a time. {@code prettyName} is the name Spark uses in the column
 * name ({@code reduce} is {@code aggregate} under its own name).
 */
public record HigherOrderFunction(HigherOrderFunctionKind kind, String prettyName, List<Expression> arguments)
    implements Expression {
  public HigherOrderFunction {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(prettyName, "prettyName is null");
    arguments = List.copyOf(arguments);
  }

  /** The argument at {@code index}, which is a lambda for this kind of function. */
  public LambdaFunction lambda(int index) {
    if (!(arguments.get(index) instanceof LambdaFunction lambda)) {
      throw new IllegalStateException("argument " + index + " of " + this + " is not a lambda function");
    }
    return lambda;
  }

  /** The array or map the function runs over (the first argument). */
  public Expression input() {
    return arguments.get(0);
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, arguments.size());
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i) != arguments.get(i)) {
        return new HigherOrderFunction(kind, prettyName, children);
      }
    }
    return this;
  }

  @Override
  public DataType dataType() {
    return switch (kind) {
      case TRANSFORM -> new ArrayType(lambda(1).dataType(), lambda(1).nullable());
      case FILTER, ARRAY_SORT, MAP_FILTER -> input().dataType();
      case EXISTS, FORALL -> DataTypes.BooleanType;
      case AGGREGATE -> lambda(3).dataType();
      case ZIP_WITH -> new ArrayType(lambda(2).dataType(), lambda(2).nullable());
      case TRANSFORM_KEYS -> {
        MapType map = (MapType) input().dataType();
        yield new MapType(lambda(1).dataType(), map.valueType(), map.valueContainsNull());
      }
      case TRANSFORM_VALUES -> {
        MapType map = (MapType) input().dataType();
        yield new MapType(map.keyType(), lambda(1).dataType(), lambda(1).nullable());
      }
    };
  }

  @Override
  public boolean nullable() {
    return switch (kind) {
      case TRANSFORM, FILTER, ARRAY_SORT, MAP_FILTER, TRANSFORM_KEYS, TRANSFORM_VALUES -> input().nullable();
      // A null element makes the condition null, and then the answer may be null too.
      case EXISTS, FORALL -> input().nullable() || lambda(1).nullable();
      case AGGREGATE -> input().nullable() || lambda(3).nullable();
      case ZIP_WITH -> arguments.get(0).nullable() || arguments.get(1).nullable();
    };
  }

  /** Never constant: the lambda variables are not. */
  @Override
  public boolean foldable() {
    return false;
  }

  /** The element type of an array input, for kinds that take one. */
  public DataType elementType(int argument) {
    return ((ArrayType) arguments.get(argument).dataType()).elementType();
  }

  @Override
  public String sql() {
    return prettyName + "(" + arguments.stream().map(Expression::sql).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return prettyName + "(" + arguments.stream().map(Expression::toString).collect(Collectors.joining(", ")) + ")";
  }
}
