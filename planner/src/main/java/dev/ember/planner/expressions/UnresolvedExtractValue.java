package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * {@code child[key]} before the analyzer knows what {@code child} is: an array element (0-based
 * index), a map value (by key) or a struct field (by name, a string literal). {@code Column.getItem}
 * and {@code Column.getField} build it.
 */
public record UnresolvedExtractValue(Expression child, Expression key) implements Expression {
  public UnresolvedExtractValue {
    Objects.requireNonNull(child, "child is null");
    Objects.requireNonNull(key, "key is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(child, key);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 2);
    return children.get(0) == child && children.get(1) == key ? this
        : new UnresolvedExtractValue(children.get(0), children.get(1));
  }

  @Override
  public DataType dataType() {
    throw new IllegalStateException("unresolved " + this + " has no type");
  }

  @Override
  public boolean nullable() {
    throw new IllegalStateException("unresolved " + this + " has no nullability");
  }

  @Override
  public boolean resolved() {
    return false;
  }

  @Override
  public String sql() {
    return child.sql() + "[" + key.sql() + "]";
  }

  @Override
  public String toString() {
    return "'" + child + "[" + key + "]";
  }
}
