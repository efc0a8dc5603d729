package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** {@code offset(n)}: the rows of the input after the first {@code n} (in its order, if it has one). */
public record Offset(int offset, LogicalPlan child) implements LogicalPlan {
  public Offset {
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
    return children.get(0) == child ? this : new Offset(offset, children.get(0));
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
    return "Offset " + offset;
  }
}
