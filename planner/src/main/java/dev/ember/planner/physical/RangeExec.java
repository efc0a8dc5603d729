package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.RangeRelation;
import java.util.List;
import java.util.Objects;

/** Produces the {@code id} values of a range. */
public record RangeExec(RangeRelation range) implements PhysicalPlan {
  public RangeExec {
    Objects.requireNonNull(range, "range is null");
  }

  @Override
  public List<AttributeReference> output() {
    return range.output();
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
    return LeafExec.noChildren(this, children);
  }

  @Override
  public String nodeString() {
    return range.nodeString();
  }
}
