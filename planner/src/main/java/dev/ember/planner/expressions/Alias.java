package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/** Names an expression's result: {@code avg(age) AS avg_age}. Its output column has id {@code exprId}. */
public record Alias(Expression child, String name, long exprId) implements Expression {
  public Alias {
    Objects.requireNonNull(child, "child is null");
    Objects.requireNonNull(name, "name is null");
  }

  public static Alias of(Expression child, String name) {
    return new Alias(child, name, ExprIds.next());
  }

  /** The column this alias produces, as later operators see it. */
  public AttributeReference toAttribute() {
    return new AttributeReference(name, child.dataType(), child.nullable(), exprId);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 1);
    return children.get(0) == child ? this : new Alias(children.get(0), name, exprId);
  }

  @Override
  public DataType dataType() {
    return child.dataType();
  }

  @Override
  public boolean nullable() {
    return child.nullable();
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public String sql() {
    return child.sql() + " AS " + name;
  }

  @Override
  public String toString() {
    boolean isLong = child.resolved() && dataType() instanceof dev.ember.sql.types.LongType;
    return child + " AS " + name + "#" + exprId + (isLong ? "L" : "");
  }
}
