package dev.ember.planner.optimizer.rules;

import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.optimizer.OptimizerRule;

/**
 * Replaces two adjacent limits by the smaller one:
 *
 * <pre>
 * GlobalLimit a                GlobalLimit min(a, b)
 * +- GlobalLimit b     =&gt;      +- x
 *    +- x
 * </pre>
 */
public final class CombineLimits implements OptimizerRule {
  @Override
  public String name() {
    return "CombineLimits";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Limit outer && outer.child() instanceof Limit inner) {
        return new Limit(Math.min(outer.limit(), inner.limit()), inner.child());
      }
      return node;
    });
  }
}
