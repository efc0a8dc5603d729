package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.List;
import java.util.Objects;

/** Keeps rows whose condition is true. Streams: fused into its pipeline. */
public record FilterExec(Expression condition, PhysicalPlan child) implements PhysicalPlan {
  public FilterExec {
    Objects.requireNonNull(condition, "condition is null");
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
    return children.get(0) == child ? this : new FilterExec(condition, children.get(0));
  }

  @Override
  public String nodeString() {
    return "Filter " + condition;
  }
}
