package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * One sort key. Spark's defaults: ascending puts nulls first, descending puts them last. NaN sorts
 * above every other double, and -0.0 equals 0.0.
 */
public record SortOrder(Expression child, boolean ascending, boolean nullsFirst) implements Expression {
  public SortOrder {
    Objects.requireNonNull(child, "child is null");
  }

  public static SortOrder ascending(Expression child) {
    return new SortOrder(child, true, true);
  }

  public static SortOrder descending(Expression child) {
    return new SortOrder(child, false, false);
  }

  @Override
  public List<Expression> children() {
    return List.of(child);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 1);
    return children.get(0) == child ? this : new SortOrder(children.get(0), ascending, nullsFirst);
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
    return child.sql() + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }

  @Override
  public String toString() {
    return child + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }
}
