package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import java.util.List;
import java.util.Objects;

/** The child's rows as one ordered stream, read by one worker. */
public record SinglePartitionExec(PhysicalPlan child) implements PhysicalPlan {
  public SinglePartitionExec {
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
    return children.get(0) == child ? this : new SinglePartitionExec(children.get(0));
  }

  @Override
  public String nodeString() {
    return "Coalesce 1";
  }
}
