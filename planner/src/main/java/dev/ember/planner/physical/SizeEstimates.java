package dev.ember.planner.physical;

import dev.ember.planner.logical.BroadcastHint;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.statistics.CardinalityEstimator;

/**
 * Estimated output sizes in bytes, only to pick the smaller side of a join to build: the
 * {@link CardinalityEstimator}'s rows (filters, joins and aggregates included) times the width of the
 * side's columns. A broadcast hint makes its side the smallest. One instance per physical plan, as
 * the estimator memoizes by node.
 */
final class SizeEstimates {
  private final CardinalityEstimator estimator = new CardinalityEstimator();

  double of(LogicalPlan plan) {
    return plan instanceof BroadcastHint ? 0 : estimator.bytes(plan);
  }
}
