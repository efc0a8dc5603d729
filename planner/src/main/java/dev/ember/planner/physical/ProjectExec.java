package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.PlanLists;
import java.util.List;
import java.util.Objects;

/** Computes named expressions per row. Streams: fused into its pipeline. */
public record ProjectExec(List<Expression> projectList, PhysicalPlan child) implements PhysicalPlan {
  public ProjectExec {
    projectList = List.copyOf(projectList);
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    return PlanLists.toAttributes(projectList);
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
    return children.get(0) == child ? this : new ProjectExec(projectList, children.get(0));
  }

  @Override
  public String nodeString() {
    return "Project " + PlanLists.bracketed(projectList);
  }
}
