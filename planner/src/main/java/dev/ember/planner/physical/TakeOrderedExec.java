package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.logical.PlanLists;
import java.util.List;
import java.util.Objects;

/** {@code orderBy(...).limit(n)} as one top-N operator, without sorting everything. */
public record TakeOrderedExec(int limit, List<SortOrder> order, PhysicalPlan child) implements PhysicalPlan {
  public TakeOrderedExec {
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
    return children.get(0) == child ? this : new TakeOrderedExec(limit, order, children.get(0));
  }

  @Override
  public String nodeString() {
    return "TakeOrderedAndProject(limit=" + limit + ", orderBy=" + PlanLists.bracketed(order)
        + ", output=" + PlanLists.bracketed(output()) + ")";
  }
}
