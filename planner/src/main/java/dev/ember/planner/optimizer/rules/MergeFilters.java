package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.And;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.optimizer.OptimizerRule;

/**
 * Merges adjacent filters into one whose condition checks the lower filter's condition first:
 *
 * <pre>
 * Filter a                    Filter (b AND a)
 * +- Filter b         =&gt;      +- x
 *    +- x
 * </pre>
 *
 * A row survives both filters exactly when {@code b AND a} is true. Only deterministic conditions merge:
 * a non-deterministic {@code a} would otherwise be evaluated on rows {@code b} had dropped.
 */
public final class MergeFilters implements OptimizerRule {
  @Override
  public String name() {
    return "MergeFilters";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Filter outer && outer.child() instanceof Filter inner
          && Determinism.isDeterministic(outer.condition()) && Determinism.isDeterministic(inner.condition())) {
        return new Filter(new And(inner.condition(), outer.condition()), inner.child());
      }
      return node;
    });
  }
}
