package dev.ember.planner.analysis;

import dev.ember.planner.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rules run in order, over and over, until a whole pass changes nothing. A batch that still changes
 * the plan after {@code maximumIterations} passes is a bug in some rule (two rules undoing each
 * other), so it fails loudly instead of returning a half-analyzed plan.
 */
record RuleBatch(String name, List<AnalyzerRule> rules, int maximumIterations) {
  RuleBatch {
    Objects.requireNonNull(name, "name is null");
    rules = List.copyOf(rules);
    if (maximumIterations < 1) {
      throw new IllegalArgumentException("maximumIterations must be positive, got " + maximumIterations);
    }
  }

  LogicalPlan execute(LogicalPlan plan) {
    LogicalPlan current = plan;
    for (int iteration = 1; iteration <= maximumIterations; iteration++) {
      List<String> changedBy = new ArrayList<>();
      for (AnalyzerRule rule : rules) {
        LogicalPlan next = rule.apply(current);
        if (next != current) {
          changedBy.add(rule.name());
          current = next;
        }
      }
      if (changedBy.isEmpty()) {
        return current;
      }
      if (iteration == maximumIterations) {
        throw new IllegalStateException("analyzer batch '" + name + "' did not reach a fixed point after "
            + maximumIterations + " iterations; the last pass was changed by " + changedBy + ", plan:\n"
            + current.treeString());
      }
    }
    throw new AssertionError("unreachable");
  }
}
