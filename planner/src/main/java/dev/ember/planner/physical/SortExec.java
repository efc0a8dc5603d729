package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.logical.PlanLists;
import java.util.List;
import java.util.Objects;

/** A total sort; its keys are attributes of the child's output. */
public record SortExec(List<SortOrder> order, PhysicalPlan child) implements PhysicalPlan {
  public SortExec {
    order = List.copyOf(order);
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
    return children.get(0) == child ? this : new SortExec(order, children.get(0));
  }

  @Override
  public String nodeString() {
    return "Sort " + PlanLists.bracketed(order) + ", true";
  }
}
