package dev.ember.planner.optimizer;

import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.optimizer.OptimizationResult.RuleFiring;
import dev.ember.planner.optimizer.RuleBatch.Strategy;
import dev.ember.planner.optimizer.rules.CollapseProjects;
import dev.ember.planner.optimizer.rules.CombineLimits;
import dev.ember.planner.optimizer.rules.FoldConstants;
import dev.ember.planner.optimizer.rules.InferSideFiltersFromDisjunctions;
import dev.ember.planner.optimizer.rules.MergeFilters;
import dev.ember.planner.optimizer.rules.PruneColumns;
import dev.ember.planner.optimizer.rules.ReduceAggregateInputsBySemiJoin;
import dev.ember.planner.optimizer.rules.PushFiltersIntoScan;
import dev.ember.planner.optimizer.rules.PushFilterIntoJoinCondition;
import dev.ember.planner.optimizer.rules.PushFilterThroughJoin;
import dev.ember.planner.optimizer.rules.PushFilterThroughProject;
import dev.ember.planner.optimizer.rules.PushJoinConditionToSides;
import dev.ember.planner.optimizer.rules.RemoveRepartitions;
import dev.ember.planner.optimizer.rules.ReorderJoins;
import dev.ember.planner.optimizer.rules.RemoveSubqueryAliases;
import dev.ember.planner.optimizer.rules.PushLimitThroughProject;
import dev.ember.planner.optimizer.rules.RemoveRedundantProjects;
import dev.ember.planner.optimizer.rules.RemoveRedundantSorts;
import dev.ember.planner.optimizer.rules.SimplifyBooleanExpressions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs batches of {@link OptimizerRule}s over a resolved logical plan. The driver owns the schedule:
 * batch order, passes, fixed-point detection (by identity) and the switched-off rules. With
 * {@code checkInvariants} (tests), it verifies {@link PlanInvariants} after every rule that changed the
 * plan, fails when a fixed-point batch does not converge, and runs every once-batch a second time to
 * prove it idempotent; each failure names the batch and the rule.
 */
public final class Optimizer {
  /** Generous: the standard rules converge in a handful of passes on any plan a program builds. */
  public static final int STANDARD_MAX_ITERATIONS = 100;

  private static final System.Logger LOGGER = System.getLogger(Optimizer.class.getName());

  private final List<RuleBatch> batches;
  private final Set<String> disabledRules;
  private final boolean checkInvariants;

  public Optimizer(List<RuleBatch> batches, Set<String> disabledRules, boolean checkInvariants) {
    this.batches = List.copyOf(Objects.requireNonNull(batches, "batches is null"));
    this.disabledRules = Set.copyOf(Objects.requireNonNull(disabledRules, "disabledRules is null"));
    this.checkInvariants = checkInvariants;
    Set<String> unknown = new TreeSet<>(this.disabledRules);
    unknown.removeAll(ruleNames());
    if (!unknown.isEmpty()) {
      // A misspelt name would silently disable nothing and make bisecting lie.
      throw new IllegalArgumentException("Cannot disable optimizer rules " + unknown
          + ": no batch has a rule of that name. Known rules: " + ruleNames());
    }
  }

  /** The standard batches without invariant checks, as queries run. */
  public static Optimizer standard(Set<String> disabledRules) {
    return standard(disabledRules, false);
  }

  /**
   * Constant folding and operator pushdown share one fixed-point batch because each creates work for
   * the other: substituting an alias into a pushed filter exposes new constants, and removing a
   * {@code Filter true} puts a limit right above a project. Column pruning runs last, once, on the
   * final shape of the plan.
   */
  public static Optimizer standard(Set<String> disabledRules, boolean checkInvariants) {
    List<RuleBatch> batches = List.of(
        new RuleBatch("Finish analysis", Strategy.ONCE, List.of(
            new RemoveSubqueryAliases(),
            new RemoveRepartitions())),
        operatorOptimization("Operator optimization"),
        // Filters implied by disjunctive join conditions, then pushed down like any other filter.
        new RuleBatch("Infer filters", Strategy.ONCE, List.of(
            new InferSideFiltersFromDisjunctions())),
        operatorOptimization("Operator optimization after inference"),
        // On the final filters, before they move into scans, so estimates see them.
        new RuleBatch("Join reordering", Strategy.ONCE, List.of(
            new ReorderJoins())),
        // On the final join order, whose filtered scans the copies are made of.
        new RuleBatch("Semi-join reduction", Strategy.ONCE, List.of(
            new ReduceAggregateInputsBySemiJoin())),
        new RuleBatch("Scan pushdown", Strategy.ONCE, List.of(
            new PushFiltersIntoScan())),
        new RuleBatch("Column pruning", Strategy.ONCE, List.of(
            new PruneColumns(),
            new RemoveRedundantProjects())));
    return new Optimizer(batches, disabledRules, checkInvariants);
  }

  private static RuleBatch operatorOptimization(String name) {
    return new RuleBatch(name, Strategy.fixedPoint(STANDARD_MAX_ITERATIONS), List.of(
        new FoldConstants(),
        new SimplifyBooleanExpressions(),
        new MergeFilters(),
        new PushFilterThroughProject(),
        new PushFilterIntoJoinCondition(),
        new PushFilterThroughJoin(),
        new PushJoinConditionToSides(),
        new CombineLimits(),
        new RemoveRedundantSorts(),
        new PushLimitThroughProject(),
        new CollapseProjects(),
        new RemoveRedundantProjects()));
  }

  /** Every rule name of every batch, in running order. */
  public Set<String> ruleNames() {
    Set<String> names = new LinkedHashSet<>();
    batches.forEach(batch -> batch.rules().forEach(rule -> names.add(rule.name())));
    return names;
  }

  public LogicalPlan optimize(LogicalPlan plan) {
    return optimizeWithTrace(plan).plan();
  }

  /** The optimized plan with the list of rule applications that changed it. */
  public OptimizationResult optimizeWithTrace(LogicalPlan plan) {
    Objects.requireNonNull(plan, "plan is null");
    if (!plan.resolved()) {
      throw new IllegalArgumentException("The optimizer needs an analyzed plan, but this one is not resolved:\n"
          + plan.treeString());
    }
    PlanInvariants invariants = new PlanInvariants(plan);
    List<RuleFiring> firings = new ArrayList<>();
    LogicalPlan current = plan;
    for (RuleBatch batch : batches) {
      current = runBatch(batch, current, invariants, firings);
    }
    return new OptimizationResult(current, firings);
  }

  private LogicalPlan runBatch(RuleBatch batch, LogicalPlan plan, PlanInvariants invariants,
      List<RuleFiring> firings) {
    LogicalPlan current = plan;
    for (int iteration = 1; ; iteration++) {
      LogicalPlan passStart = current;
      List<String> changedBy = new ArrayList<>();
      current = runPass(batch, iteration, current, invariants, firings, changedBy);
      if (current == passStart) {
        return current;
      }
      if (batch.strategy() instanceof Strategy.Once) {
        if (checkInvariants) {
          List<String> changedAgainBy = new ArrayList<>();
          LogicalPlan again = runPass(batch, iteration + 1, current, invariants, new ArrayList<>(), changedAgainBy);
          if (again != current) {
            throw new IllegalStateException("Once-batch '" + batch.name()
                + "' is not idempotent: a second pass changed the plan again (rules that fired again: "
                + changedAgainBy + ").\nAfter one pass:\n" + current.treeString()
                + "After two passes:\n" + again.treeString());
          }
        }
        return current;
      }
      int maxIterations = ((Strategy.FixedPoint) batch.strategy()).maxIterations();
      if (iteration >= maxIterations) {
        String message = "Batch '" + batch.name() + "' did not reach a fixed point within " + maxIterations
            + " iterations; rules still changing the plan in the last pass: " + changedBy
            + ". Two rules probably undo each other. Current plan:\n" + current.treeString();
        if (checkInvariants) {
          throw new IllegalStateException(message);
        }
        LOGGER.log(System.Logger.Level.WARNING, message);
        return current;
      }
    }
  }

  private LogicalPlan runPass(RuleBatch batch, int iteration, LogicalPlan plan, PlanInvariants invariants,
      List<RuleFiring> firings, List<String> changedBy) {
    LogicalPlan current = plan;
    for (OptimizerRule rule : batch.rules()) {
      if (disabledRules.contains(rule.name())) {
        continue;
      }
      LogicalPlan next = rule.apply(current);
      if (next == null) {
        throw new IllegalStateException("Optimizer rule " + rule.name() + " in batch '" + batch.name()
            + "' returned null; a rule that changes nothing must return its input.");
      }
      if (next == current) {
        continue;
      }
      if (checkInvariants) {
        check(batch, rule, current, next, invariants);
      }
      firings.add(new RuleFiring(batch.name(), iteration, rule.name()));
      changedBy.add(rule.name());
      current = next;
    }
    return current;
  }

  private static void check(RuleBatch batch, OptimizerRule rule, LogicalPlan before, LogicalPlan after,
      PlanInvariants invariants) {
    if (after.equals(before)) {
      throw new IllegalStateException("Optimizer rule " + rule.name() + " in batch '" + batch.name()
          + "' returned a new but equal plan; it must return the same instance when it changes nothing, or"
          + " no batch can reach a fixed point.\nPlan:\n" + before.treeString());
    }
    invariants.findViolation(after).ifPresent(problem -> {
      throw new IllegalStateException("Optimizer rule " + rule.name() + " in batch '" + batch.name()
          + "' broke a plan invariant: " + problem + ".\nPlan before the rule:\n" + before.treeString()
          + "Plan after the rule:\n" + after.treeString());
    });
  }
}
