package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import java.util.List;
import java.util.Objects;

/**
 * The rows of {@code left}, then those of {@code right}, matched by position: both inputs have the
 * output's column types. The output names the columns (the left input's names and ids).
 */
public record UnionExec(PhysicalPlan left, PhysicalPlan right, List<AttributeReference> output)
    implements PhysicalPlan {
  public UnionExec {
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
    output = List.copyOf(output);
    if (left.output().size() != output.size() || right.output().size() != output.size()) {
      throw new IllegalArgumentException("union inputs must have " + output.size() + " columns, got "
          + left.output().size() + " and " + right.output().size());
    }
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
    return children.get(0) == left && children.get(1) == right ? this
        : new UnionExec(children.get(0), children.get(1), output);
  }

  @Override
  public String nodeString() {
    return "Union";
  }
}
