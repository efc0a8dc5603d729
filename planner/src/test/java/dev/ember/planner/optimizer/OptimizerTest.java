package dev.ember.planner.optimizer;

import static dev.ember.planner.optimizer.PeopleTable.AGE;
import static dev.ember.planner.optimizer.PeopleTable.CITY;
import static dev.ember.planner.optimizer.PeopleTable.NAME;
import static dev.ember.planner.optimizer.PeopleTable.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.logical.Sort;
import dev.ember.planner.optimizer.RuleBatch.Strategy;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class OptimizerTest {
  private static final Alias AGE_PLUS_TWO = new Alias(new BinaryArithmetic(ArithmeticOperator.ADD, AGE,
      new BinaryArithmetic(ArithmeticOperator.ADD, Literal.fromJava(1), Literal.fromJava(1))), "age_plus_two", 100);
  private static final Alias OLDEST = new Alias(new AggregateCall(AggregateFunction.MAX, AGE, false), "oldest", 101);
  private static final Alias PEOPLE = new Alias(
      new AggregateCall(AggregateFunction.COUNT, Literal.fromJava(1), false), "people", 102);

  /** What {@code select city, age, age + (1 + 1) ... where age_plus_two > 20 and true} analyzes to. */
  private static LogicalPlan peoplePerCity() {
    Project project = new Project(List.of(CITY, AGE, AGE_PLUS_TWO), scan());
    Filter filter = new Filter(new And(
        new Comparison(ComparisonOperator.GREATER_THAN, AGE_PLUS_TWO.toAttribute(), Literal.fromJava(20)),
        Literal.TRUE), project);
    Aggregate aggregate = new Aggregate(List.of(CITY), List.of(CITY, OLDEST, PEOPLE), filter);
    return new Sort(List.of(SortOrder.descending(PEOPLE.toAttribute())), aggregate);
  }

  @Test
  void optimizesARealisticPlanEndToEnd() {
    OptimizationResult result = Optimizer.standard(Set.of(), true).optimizeWithTrace(peoplePerCity());
    assertEquals("""
        Sort [people#102L DESC NULLS LAST], true
        +- Aggregate [city#3], [city#3, max(age#2) AS oldest#101, count(1) AS people#102L]
           +- Project [city#3, age#2]
              +- Filter ((age#2 + 2) > 20)
                 +- Relation [age#2,city#3] csv
        """, result.plan().treeString());
    assertEquals(List.of("FoldConstants", "SimplifyBooleanExpressions", "PushFilterThroughProject", "PruneColumns"),
        result.firedRuleNames());
    assertEquals("""
        Operator optimization #1: FoldConstants
        Operator optimization #1: SimplifyBooleanExpressions
        Operator optimization #1: PushFilterThroughProject
        Column pruning #1: PruneColumns""", result.describeFirings());
  }

  @Test
  void skipsARuleSwitchedOffByName() {
    OptimizationResult result =
        Optimizer.standard(Set.of("PushFilterThroughProject"), true).optimizeWithTrace(peoplePerCity());
    assertFalse(result.firedRuleNames().contains("PushFilterThroughProject"));
    assertEquals("""
        Sort [people#102L DESC NULLS LAST], true
        +- Aggregate [city#3], [city#3, max(age#2) AS oldest#101, count(1) AS people#102L]
           +- Project [city#3, age#2]
              +- Filter (age_plus_two#100 > 20)
                 +- Project [city#3, age#2, (age#2 + 2) AS age_plus_two#100]
                    +- Relation [age#2,city#3] csv
        """, result.plan().treeString());
  }

  @Test
  void rejectsSwitchingOffARuleThatDoesNotExist() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Optimizer.standard(Set.of("PushFilterThruProject")));
    assertTrue(error.getMessage().contains("[PushFilterThruProject]"), error.getMessage());
    assertTrue(error.getMessage().contains("PushFilterThroughProject"), error.getMessage());
  }

  @Test
  void failsWhenAFixedPointBatchDoesNotConverge() {
    Optimizer optimizer = optimizer(Strategy.fixedPoint(3), true, wrapInLimit());
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> optimizer.optimize(scan()));
    assertTrue(error.getMessage().contains("Batch 'Test batch' did not reach a fixed point within 3 iterations"),
        error.getMessage());
    assertTrue(error.getMessage().contains("[WrapInLimit]"), error.getMessage());
  }

  @Test
  void stopsAtTheIterationCapWithoutChecks() {
    Optimizer optimizer = optimizer(Strategy.fixedPoint(3), false, wrapInLimit());
    LogicalPlan plan = optimizer.optimize(scan());
    assertEquals(3, plan.collect(node -> node instanceof Limit ? node : null).size());
  }

  @Test
  void failsWhenAOnceBatchIsNotIdempotent() {
    Optimizer optimizer = optimizer(Strategy.ONCE, true, wrapInLimit());
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> optimizer.optimize(scan()));
    assertTrue(error.getMessage().contains("Once-batch 'Test batch' is not idempotent"), error.getMessage());
  }

  @Test
  void namesTheRuleThatLeftAnAttributeUnbound() {
    OptimizerRule dropAge = rule("DropAgeColumn", plan -> plan.transformUp(node ->
        node instanceof ScanRelation scan && scan.output().contains(AGE) ? scan(NAME, CITY) : node));
    LogicalPlan plan = new Project(List.of(NAME),
        new Filter(new Comparison(ComparisonOperator.GREATER_THAN, AGE, Literal.fromJava(26)), scan()));
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> optimizer(Strategy.ONCE, true, dropAge).optimize(plan));
    assertTrue(error.getMessage().startsWith("Optimizer rule DropAgeColumn in batch 'Test batch' broke a plan"
        + " invariant: 'Filter (age#2 > 26)' uses age#2, which its children do not produce"), error.getMessage());
  }

  @Test
  void namesTheRuleThatChangedTheRootsSchema() {
    OptimizerRule rename = rule("RenameName", plan -> new Project(List.of(NAME.withName("NAME")), plan));
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> optimizer(Strategy.ONCE, true, rename).optimize(new Project(List.of(NAME), scan())));
    assertTrue(error.getMessage().contains("RenameName"), error.getMessage());
    assertTrue(error.getMessage().contains("the output changed from [name#1] to [NAME#1]"), error.getMessage());
  }

  @Test
  void failsWhenARuleRebuildsAnEqualPlan() {
    OptimizerRule copy = rule("CopyFilters", plan -> plan.transformUp(node ->
        node instanceof Filter filter ? new Filter(filter.condition(), filter.child()) : node));
    Expression condition = new Comparison(ComparisonOperator.GREATER_THAN, AGE, Literal.fromJava(26));
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> optimizer(Strategy.fixedPoint(10), true, copy).optimize(new Filter(condition, scan())));
    assertTrue(error.getMessage().contains("CopyFilters") && error.getMessage().contains("new but equal plan"),
        error.getMessage());
  }

  @Test
  void returnsThePlanItselfWhenNoRuleFires() {
    LogicalPlan plan = new Filter(new Comparison(ComparisonOperator.GREATER_THAN, AGE, Literal.fromJava(26)), scan());
    OptimizationResult result = Optimizer.standard(Set.of(), true).optimizeWithTrace(plan);
    assertSame(plan, result.plan());
    assertTrue(result.firings().isEmpty());
  }

  @Test
  void rejectsAnUnresolvedPlan() {
    LogicalPlan plan = new Filter(new UnresolvedAttribute("age"), scan());
    assertThrows(IllegalArgumentException.class, () -> Optimizer.standard(Set.of()).optimize(plan));
  }

  private static Optimizer optimizer(Strategy strategy, boolean checkInvariants, OptimizerRule rule) {
    return new Optimizer(List.of(new RuleBatch("Test batch", strategy, List.of(rule))), Set.of(), checkInvariants);
  }

  /** A deliberately simple or broken rule for driver tests. */
  private static OptimizerRule rule(String name, UnaryOperator<LogicalPlan> rewrite) {
    return new OptimizerRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public LogicalPlan apply(LogicalPlan plan) {
        return rewrite.apply(plan);
      }
    };
  }

  /** Never converges: every application adds a limit that keeps the schema. */
  private static OptimizerRule wrapInLimit() {
    return rule("WrapInLimit", plan -> new Limit(1000, plan));
  }
}
