package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A resolved column of some plan's output, identified by {@code exprId}; the name is for people. Two
 * references are the same column exactly when their ids are equal.
 */
public record AttributeReference(String name, DataType dataType, boolean nullable, long exprId)
    implements Expression {
  public AttributeReference {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(dataType, "dataType is null");
  }

  /** A new column with a fresh id. */
  public static AttributeReference create(String name, DataType dataType, boolean nullable) {
    return new AttributeReference(name, dataType, nullable, ExprIds.next());
  }

  public AttributeReference withName(String newName) {
    return new AttributeReference(newName, dataType, nullable, exprId);
  }

  public AttributeReference withNullability(boolean newNullable) {
    return newNullable == nullable ? this : new AttributeReference(name, dataType, newNullable, exprId);
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
  public String sql() {
    return name;
  }

  @Override
  public String toString() {
    // Spark marks long columns with an L suffix in explain output: count#30L.
    return name + "#" + exprId + (dataType instanceof dev.ember.sql.types.LongType ? "L" : "");
  }
}
