package dev.ember.planner.optimizer;

import dev.ember.planner.logical.LogicalPlan;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The optimized plan and, in order, every rule application that changed it. */
public record OptimizationResult(LogicalPlan plan, List<RuleFiring> firings) {
  public OptimizationResult {
    Objects.requireNonNull(plan, "plan is null");
    firings = List.copyOf(firings);
  }

  /** One rule changed the plan during pass {@code iteration} (from 1) of batch {@code batchName}. */
  public record RuleFiring(String batchName, int iteration, String ruleName) {
    @Override
    public String toString() {
      return batchName + " #" + iteration + ": " + ruleName;
    }
  }

  /** The names of the rules that changed the plan, in order of firing, each once. */
  public List<String> firedRuleNames() {
    return firings.stream().map(RuleFiring::ruleName).distinct().toList();
  }

  /** One line per firing, for {@code explain("extended")} and debugging. */
  public String describeFirings() {
    return firings.stream().map(RuleFiring::toString).collect(Collectors.joining("\n"));
  }
}
