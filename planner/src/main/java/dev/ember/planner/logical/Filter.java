package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Keeps the rows for which {@code condition} is true (not false, not null). */
public record Filter(Expression condition, LogicalPlan child) implements LogicalPlan {
  public Filter {
    Objects.requireNonNull(condition, "condition is null");
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
    return children.get(0) == child ? this : new Filter(condition, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return List.of(condition);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> mapping) {
    Expression mapped = mapping.apply(condition);
    return mapped == condition ? this : new Filter(mapped, child);
  }

  @Override
  public String nodeString() {
    return "Filter " + condition;
  }
}
