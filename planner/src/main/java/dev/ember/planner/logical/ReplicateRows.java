package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Repeats each row of the child as often as its first column, a non-negative {@code long}, says, and
 * drops that column: child {@code [n, a, b]} gives {@code [a, b]}. {@code intersectAll} and
 * {@code exceptAll} end in it, once the multiplicity of each distinct row is known.
 */
public record ReplicateRows(LogicalPlan child) implements LogicalPlan {
  public ReplicateRows {
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> childOutput = child.output();
    return childOutput.subList(1, childOutput.size());
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    return children.get(0) == child ? this : new ReplicateRows(children.get(0));
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
    return "ReplicateRows " + PlanLists.bracketed(child.output());
  }
}
