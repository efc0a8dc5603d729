package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/** A column named by the user, not yet bound to an input attribute: {@code col("age")}, {@code 'age}. */
public record UnresolvedAttribute(String name) implements Expression {
  public UnresolvedAttribute {
    Objects.requireNonNull(name, "name is null");
  }

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    return LeafExpression.requireNoChildren(this, children);
  }

  @Override
  public DataType dataType() {
    throw new IllegalStateException("unresolved attribute " + name + " has no type");
  }

  @Override
  public boolean nullable() {
    throw new IllegalStateException("unresolved attribute " + name + " has no nullability");
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String sql() {
    return name;
  }

  @Override
  public String toString() {
    return "'" + name;
  }
}
