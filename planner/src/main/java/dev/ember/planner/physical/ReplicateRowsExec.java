package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.PlanLists;
import java.util.List;
import java.util.Objects;

/** Each child row repeated as often as its first column (a long) says; that column is dropped. */
public record ReplicateRowsExec(PhysicalPlan child) implements PhysicalPlan {
  public ReplicateRowsExec {
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> childOutput = child.output();
    return childOutput.subList(1, childOutput.size());
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
    return children.get(0) == child ? this : new ReplicateRowsExec(children.get(0));
  }

  @Override
  public String nodeString() {
    return "Generate replicaterows(" + PlanLists.bracketed(child.output()) + ")";
  }
}
