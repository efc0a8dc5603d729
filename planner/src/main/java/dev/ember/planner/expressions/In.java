package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code value IN (e1, e2, ...)} with Spark's null semantics: null when {@code value} is null, true
 * when some element equals it (NaN equals NaN), else null when some element is null, else false.
 * Elements are evaluated in order only until one matches, as in Spark.
 */
public record In(Expression value, List<Expression> list) implements Expression {
  public In {
    Objects.requireNonNull(value, "value is null");
    list = List.copyOf(list);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one element");
    }
  }

  @Override
  public List<Expression> children() {
    List<Expression> children = new ArrayList<>(list.size() + 1);
    children.add(value);
    children.addAll(list);
    return children;
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, list.size() + 1);
    return children.equals(children()) ? this : new In(children.get(0), children.subList(1, children.size()));
  }

  @Override
  public DataType dataType() {
    return DataTypes.BooleanType;
  }

  @Override
  public boolean nullable() {
    return value.nullable() || list.stream().anyMatch(Expression::nullable);
  }

  @Override
  public String sql() {
    return "(" + value.sql() + " IN (" + list.stream().map(Expression::sql).collect(Collectors.joining(", ")) + "))";
  }

  @Override
  public String toString() {
    return value + " IN (" + list.stream().map(Expression::toString).collect(Collectors.joining(",")) + ")";
  }
}
