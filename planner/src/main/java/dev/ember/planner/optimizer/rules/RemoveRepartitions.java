package dev.ember.planner.optimizer.rules;

import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Repartition;
import dev.ember.planner.optimizer.OptimizerRule;

/**
 * Drops {@code repartition}/{@code coalesce} nodes: every worker reads every result, so no operator
 * needs its input partitioned, and the other rules (filter pushdown above all) should see the
 * operators below. A write has already taken its file layout from the node.
 */
public final class RemoveRepartitions implements OptimizerRule {
  @Override
  public String name() {
    return "RemoveRepartitions";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node instanceof Repartition repartition ? repartition.child() : node);
  }
}
