package dev.ember.planner.analysis;

import dev.ember.planner.logical.LogicalPlan;

/**
 * One required rewrite of the analyzer. A rule that changes nothing returns the very same plan
 * instance; that is how the driver detects a fixed point.
 */
interface AnalyzerRule {
  /** The rule's name, as reported when a batch fails to converge. */
  default String name() {
    return getClass().getSimpleName();
  }

  LogicalPlan apply(LogicalPlan plan);
}
