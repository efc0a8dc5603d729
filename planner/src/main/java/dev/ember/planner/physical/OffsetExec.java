package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import java.util.List;
import java.util.Objects;

/** The rows of the child after the first {@code offset}, in the child's order. */
public record OffsetExec(int offset, PhysicalPlan child) implements PhysicalPlan {
  public OffsetExec {
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
    return children.get(0) == child ? this : new OffsetExec(offset, children.get(0));
  }

  @Override
  public String nodeString() {
    return "CollectLimit -1, " + offset;
  }
}
