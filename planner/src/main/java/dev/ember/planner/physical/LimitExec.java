package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import java.util.List;
import java.util.Objects;

/** The first {@code limit} rows of the child, in the child's order. */
public record LimitExec(int limit, PhysicalPlan child) implements PhysicalPlan {
  public LimitExec {
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
    return children.get(0) == child ? this : new LimitExec(limit, children.get(0));
  }

  @Override
  public String nodeString() {
    return "CollectLimit " + limit;
  }
}
