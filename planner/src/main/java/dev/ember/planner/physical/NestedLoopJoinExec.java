package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.JoinType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A join without equal keys: every row of the streamed side meets every row of the buffered build
 * side, and {@code condition} (none: every pair) decides which pairs match. Used for cross joins and
 * non-equi conditions; fused into the streamed side's pipeline like a hash join's probe.
 */
public record NestedLoopJoinExec(JoinType joinType, BuildSide buildSide, Optional<Expression> condition,
    PhysicalPlan left, PhysicalPlan right) implements PhysicalPlan {
  public NestedLoopJoinExec {
    Objects.requireNonNull(joinType, "joinType is null");
    Objects.requireNonNull(buildSide, "buildSide is null");
    Objects.requireNonNull(condition, "condition is null");
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
    JoinOutputs.checkBuildSide(joinType, buildSide);
  }

  public PhysicalPlan buildPlan() {
    return buildSide == BuildSide.LEFT ? left : right;
  }

  public PhysicalPlan probePlan() {
    return buildSide == BuildSide.LEFT ? right : left;
  }

  @Override
  public List<AttributeReference> output() {
    return JoinOutputs.of(joinType, left.output(), right.output());
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
    return children.get(0) == left && children.get(1) == right ? this
        : new NestedLoopJoinExec(joinType, buildSide, condition, children.get(0), children.get(1));
  }

  @Override
  public String nodeString() {
    return "NestedLoopJoin " + buildSide.explainName() + ", " + joinType.explainName()
        + condition.map(c -> ", " + c).orElse("");
  }
}
