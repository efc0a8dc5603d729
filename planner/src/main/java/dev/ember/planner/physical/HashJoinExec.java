package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.PlanLists;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An equi-join: the build side's rows go into a hash table by {@code buildKeys}; each row of the
 * other (probe) side looks its keys up and is joined with the matches for which the residual
 * {@code condition} holds. Key {@code i} compares {@code leftKeys[i]} with {@code rightKeys[i]}; a
 * null key matches nothing unless {@code nullSafe[i]} ({@code <=>}). The probe runs fused into the
 * probe side's pipeline. Output: the left side's columns, then the right side's (none for semi and
 * anti joins), null-padded sides nullable.
 */
public record HashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, List<Boolean> nullSafe,
    JoinType joinType, BuildSide buildSide, Optional<Expression> condition, PhysicalPlan left, PhysicalPlan right)
    implements PhysicalPlan {
  public HashJoinExec {
    leftKeys = List.copyOf(leftKeys);
    rightKeys = List.copyOf(rightKeys);
    nullSafe = List.copyOf(nullSafe);
    if (leftKeys.isEmpty() || leftKeys.size() != rightKeys.size() || nullSafe.size() != leftKeys.size()) {
      throw new IllegalArgumentException("a hash join needs as many left keys, right keys and null-safety flags,"
          + " at least one: " + leftKeys + ", " + rightKeys + ", " + nullSafe);
    }
    Objects.requireNonNull(joinType, "joinType is null");
    Objects.requireNonNull(buildSide, "buildSide is null");
    Objects.requireNonNull(condition, "condition is null");
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
    JoinOutputs.checkBuildSide(joinType, buildSide);
  }

  public List<Expression> buildKeys() {
    return buildSide == BuildSide.LEFT ? leftKeys : rightKeys;
  }

  public List<Expression> probeKeys() {
    return buildSide == BuildSide.LEFT ? rightKeys : leftKeys;
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
        : new HashJoinExec(leftKeys, rightKeys, nullSafe, joinType, buildSide, condition, children.get(0),
            children.get(1));
  }

  @Override
  public String nodeString() {
    String nullSafeKeys = nullSafe.contains(true) ? ", nullSafe=" + nullSafe : "";
    return "HashJoin " + PlanLists.bracketed(leftKeys) + ", " + PlanLists.bracketed(rightKeys) + ", "
        + joinType.explainName() + ", " + buildSide.explainName() + condition.map(c -> ", " + c).orElse("")
        + nullSafeKeys;
  }
}
