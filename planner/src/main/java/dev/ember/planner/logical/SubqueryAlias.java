package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code df.as("a")}: names the child's columns {@code a.column} for name resolution above it
 * ({@code col("a.id")}). Changes no rows; the optimizer removes it.
 */
public record SubqueryAlias(String alias, LogicalPlan child) implements LogicalPlan {
  public SubqueryAlias {
    Objects.requireNonNull(alias, "alias is null");
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    return children.get(0) == child ? this : new SubqueryAlias(alias, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> mapping) {
    return this;
  }

  @Override
  public String nodeString() {
    return "SubqueryAlias " + alias;
  }
}
