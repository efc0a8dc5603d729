package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An aggregate over the rows of a group: {@code count(1)}, {@code sum(age)}, {@code corr(x, y)},
 * {@code first(x, true)}. {@code count(*)} is {@code count(1)}, as Spark rewrites it.
 *
 * <p>{@code arguments} are evaluated per row; {@code options} are literals fixed for the call
 * (ignoreNulls, a relative standard deviation, a percentage; see {@link AggregateFunction}).
 * {@code name} is the name the user called it by ({@code std}, {@code every}), used in the
 * generated column name; {@code optionsShown} says whether Spark shows the options there too
 * ({@code percentile(x, 0.3, 1)}, but {@code first(x)} for {@code first(x, true)}).
 */
public record AggregateCall(AggregateFunction function, List<Expression> arguments, boolean distinct, String name,
    List<Expression> options, boolean optionsShown) implements Expression {
  public AggregateCall {
    Objects.requireNonNull(function, "function is null");
    arguments = List.copyOf(arguments);
    if (arguments.isEmpty()) {
      throw new IllegalArgumentException(function.sqlName() + " needs at least one argument");
    }
    Objects.requireNonNull(name, "name is null");
    options = List.copyOf(options);
  }

  public AggregateCall(AggregateFunction function, Expression argument, boolean distinct) {
    this(function, List.of(Objects.requireNonNull(argument, "argument is null")), distinct, function.sqlName(),
        List.of(), false);
  }

  /** The first argument: the aggregated value. */
  public Expression argument() {
    return arguments.get(0);
  }

  /** The same call over other arguments. */
  public AggregateCall withArguments(List<Expression> newArguments) {
    return new AggregateCall(function, newArguments, distinct, name, options, optionsShown);
  }

  @Override
  public List<Expression> children() {
    List<Expression> children = new ArrayList<>(arguments);
    children.addAll(options);
    return children;
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, arguments.size() + options.size());
    if (children.equals(children())) {
      return this;
    }
    return new AggregateCall(function, children.subList(0, arguments.size()), distinct, name,
        children.subList(arguments.size(), children.size()), optionsShown);
  }

  @Override
  public DataType dataType() {
    return function.resultType(argument().dataType());
  }

  /** count and count-like results are never null; the others are null for a group without input. */
  @Override
  public boolean nullable() {
    return function.nullable();
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public String sql() {
    List<Expression> shown = new ArrayList<>(arguments);
    if (optionsShown) {
      shown.addAll(options);
    }
    return name + "(" + (distinct ? "DISTINCT " : "")
        + shown.stream().map(Expression::sql).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return name + "(" + (distinct ? "distinct " : "")
        + children().stream().map(Expression::toString).collect(Collectors.joining(", ")) + ")";
  }
}
