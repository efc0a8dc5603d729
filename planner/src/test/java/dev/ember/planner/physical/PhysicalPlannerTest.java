package dev.ember.planner.physical;

import static dev.ember.planner.optimizer.PeopleTable.AGE;
import static dev.ember.planner.optimizer.PeopleTable.CITY;
import static dev.ember.planner.optimizer.PeopleTable.NAME;
import static dev.ember.planner.optimizer.PeopleTable.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.Sort;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhysicalPlannerTest {
  private final PhysicalPlanner planner = new PhysicalPlanner();
  private final AggregateCall sumAge = new AggregateCall(AggregateFunction.SUM, AGE, false);

  @Test
  void anAliasedAggregateCallKeepsItsColumnSoTheResultsAreTheTableColumns() {
    Alias total = new Alias(sumAge, "total", 100);
    HashAggregateExec aggregate = (HashAggregateExec) planner.plan(
        new Aggregate(List.of(CITY), List.of(CITY, total), scan()));
    assertEquals(List.of(total), aggregate.aggregates());
    assertEquals(List.of(CITY, total.toAttribute()), aggregate.resultExpressions());
    assertEquals(List.of(CITY, total.toAttribute()), aggregate.output());
  }

  @Test
  void anExpressionOverAggregatesIsComputedFromTheMergedColumns() {
    Alias plusOne = new Alias(new BinaryArithmetic(ArithmeticOperator.ADD, sumAge, Literal.fromJava(1L)), "x", 101);
    Alias total = new Alias(sumAge, "total", 100);
    HashAggregateExec aggregate = (HashAggregateExec) planner.plan(
        new Aggregate(List.of(CITY), List.of(total, plusOne), scan()));
    assertEquals(1, aggregate.aggregates().size(), "the same call is computed once");
    Alias result = (Alias) aggregate.resultExpressions().get(1);
    assertEquals(new BinaryArithmetic(ArithmeticOperator.ADD, total.toAttribute(), Literal.fromJava(1L)),
        result.child());
    assertEquals(101, result.exprId());
  }

  @Test
  void anAliasedGroupingExpressionKeepsItsIdForTheSelectList() {
    Alias bucket = new Alias(new BinaryArithmetic(ArithmeticOperator.REMAINDER, AGE, Literal.fromJava(5)),
        "bucket", 102);
    Alias count = new Alias(new AggregateCall(AggregateFunction.COUNT, Literal.fromJava(1), false), "count", 103);
    HashAggregateExec aggregate = (HashAggregateExec) planner.plan(
        new Aggregate(List.of(bucket), List.of(bucket, count), scan()));
    assertEquals(List.of(bucket.toAttribute()), aggregate.groupingAttributes());
    assertEquals(List.of(bucket.toAttribute(), count.toAttribute()), aggregate.output());
  }

  @Test
  void orderByThenLimitIsOneTopNOperator() {
    SortOrder byAge = SortOrder.descending(AGE);
    PhysicalPlan plan = planner.plan(new Limit(2, new Sort(List.of(byAge), scan())));
    TakeOrderedExec topN = assertInstanceOf(TakeOrderedExec.class, plan);
    assertEquals(2, topN.limit());
    assertEquals(List.of(byAge), topN.order());
  }

  @Test
  void anExpressionSortKeyIsProjectedBelowTheSortAndDroppedAbove() {
    Expression agePlusOne = new BinaryArithmetic(ArithmeticOperator.ADD, AGE, Literal.fromJava(1));
    PhysicalPlan plan = planner.plan(new Sort(List.of(SortOrder.ascending(agePlusOne)), scan()));
    ProjectExec restore = assertInstanceOf(ProjectExec.class, plan);
    assertEquals(List.of(NAME, AGE, CITY), restore.output());
    SortExec sort = assertInstanceOf(SortExec.class, restore.child());
    ProjectExec extend = assertInstanceOf(ProjectExec.class, sort.child());
    assertEquals(4, extend.output().size());
    assertEquals(extend.output().get(3), sort.order().get(0).child());
  }
}
