package dev.ember.planner.optimizer;

import dev.ember.planner.logical.LogicalPlan;

/**
 * One optional rewrite of a resolved logical plan that keeps its result the same. A rule returns the
 * very same instance when it changes nothing: the {@link Optimizer} detects progress and fixed points by
 * identity, so a rule that rebuilds an equal plan would never let a batch converge.
 */
public interface OptimizerRule {
  /** The name used to switch the rule off and shown in traces, a phrase such as {@code MergeFilters}. */
  String name();

  /** The rewritten plan, or {@code plan} itself when the rule does not apply anywhere. */
  LogicalPlan apply(LogicalPlan plan);
}
