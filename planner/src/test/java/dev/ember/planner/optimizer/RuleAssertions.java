package dev.ember.planner.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.planner.logical.LogicalPlan;

/** Assertions for tests of single rules: one application, the optimizer's invariants, the expected plan. */
public final class RuleAssertions {
  private RuleAssertions() {}

  /** Applies {@code rule} once to {@code before} and checks the result is {@code expected} and well-formed. */
  public static LogicalPlan assertRewrites(OptimizerRule rule, LogicalPlan before, LogicalPlan expected) {
    LogicalPlan after = rule.apply(before);
    assertNotSame(before, after, rule.name() + " did not fire on\n" + before.treeString());
    new PlanInvariants(before).findViolation(after).ifPresent(problem ->
        fail(rule.name() + " broke an invariant: " + problem + "\n" + after.treeString()));
    assertEquals(expected.treeString(), after.treeString());
    assertEquals(expected, after);
    return after;
  }

  /** {@code rule} leaves {@code plan} alone and says so by returning the same instance. */
  public static void assertDoesNotFire(OptimizerRule rule, LogicalPlan plan) {
    assertSame(plan, rule.apply(plan), rule.name() + " should not fire on\n" + plan.treeString());
  }
}
