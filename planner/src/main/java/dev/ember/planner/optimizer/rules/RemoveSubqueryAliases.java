package dev.ember.planner.optimizer.rules;

import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.SubqueryAlias;
import dev.ember.planner.optimizer.OptimizerRule;

/**
 * Drops {@code df.as("a")} nodes: they only served name resolution, which is done, and other rules
 * (filter pushdown, project collapsing) should see the operators below directly:
 *
 * <pre>
 * Filter (id#1 &gt; 1)            Filter (id#1 &gt; 1)
 * +- SubqueryAlias a      =&gt;     +- Relation [id#1] csv
 *    +- Relation [id#1] csv
 * </pre>
 */
public final class RemoveSubqueryAliases implements OptimizerRule {
  @Override
  public String name() {
    return "RemoveSubqueryAliases";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node instanceof SubqueryAlias alias ? alias.child() : node);
  }
}
