package dev.ember.planner.optimizer;

import java.util.List;
import java.util.Objects;

/** Named rules the {@link Optimizer} runs in order, once or repeatedly until none changes the plan. */
public record RuleBatch(String name, Strategy strategy, List<OptimizerRule> rules) {
  public RuleBatch {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(strategy, "strategy is null");
    rules = List.copyOf(rules);
  }

  /** How often a batch runs its rules. */
  public sealed interface Strategy permits Strategy.Once, Strategy.FixedPoint {
    Strategy ONCE = new Once();

    static Strategy fixedPoint(int maxIterations) {
      return new FixedPoint(maxIterations);
    }

    /** One pass over the rules; with checks on, a second pass must change nothing. */
    record Once() implements Strategy {}

    /** Passes until one changes nothing; more than {@code maxIterations} passes is a bug in some rule. */
    record FixedPoint(int maxIterations) implements Strategy {
      public FixedPoint {
        if (maxIterations < 1) {
          throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
      }
    }
  }
}
