package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * {@code df.col("id")}: the column {@code id} of one particular Dataset, remembered by its attribute
 * id. The analyzer binds it to that column wherever the column is an input, so
 * {@code left.col("id").equalTo(right.col("id"))} tells the two {@code id}s of a join apart; where the
 * column is not an input it resolves by name, like {@code col("id")}.
 */
public record DatasetColumnReference(String name, long exprId) implements Expression {
  public DatasetColumnReference {
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
    throw new IllegalStateException("unresolved column " + name + "#" + exprId + " has no type");
  }

  @Override
  public boolean nullable() {
    throw new IllegalStateException("unresolved column " + name + "#" + exprId + " has no nullability");
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
    return "'" + name + "#" + exprId;
  }
}
