package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.PeopleTable.AGE;
import static dev.ember.planner.optimizer.PeopleTable.CITY;
import static dev.ember.planner.optimizer.PeopleTable.NAME;
import static dev.ember.planner.optimizer.PeopleTable.scan;
import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.Sort;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoveRedundantSortsTest {
  private final RemoveRedundantSorts rule = new RemoveRedundantSorts();

  private static Sort sortBy(Expression key, LogicalPlan child) {
    return new Sort(List.of(new SortOrder(key, true, true)), child);
  }

  private static Aggregate groupByCity(AggregateFunction function, Expression argument, LogicalPlan child) {
    return new Aggregate(List.of(CITY),
        List.of(CITY, new Alias(new AggregateCall(function, argument, false), "result", 100)), child);
  }

  @Test
  void removesASortDirectlyUnderASort() {
    assertRewrites(rule, sortBy(AGE, sortBy(NAME, scan())), sortBy(AGE, scan()));
  }

  @Test
  void removesASortUnderASortThroughProjectsAndFilters() {
    LogicalPlan before = sortBy(AGE, new Project(List.of(NAME, AGE),
        new Filter(new IsNotNull(AGE), sortBy(NAME, sortBy(CITY, scan())))));
    LogicalPlan after = sortBy(AGE, new Project(List.of(NAME, AGE), new Filter(new IsNotNull(AGE), scan())));
    assertRewrites(rule, before, after);
  }

  @Test
  void removesConstantSortKeysAndASortLeftWithoutKeys() {
    Sort byConstantThenAge = new Sort(List.of(new SortOrder(Literal.fromJava(1), true, true),
        new SortOrder(AGE, false, false)), scan());
    assertRewrites(rule, byConstantThenAge, new Sort(List.of(new SortOrder(AGE, false, false)), scan()));
    assertRewrites(rule, new Project(List.of(NAME), sortBy(Literal.fromJava("x"), scan())),
        new Project(List.of(NAME), scan()));
  }

  @Test
  void removesASortUnderAnAggregateWhoseFunctionsIgnoreOrder() {
    assertRewrites(rule, groupByCity(AggregateFunction.MAX, AGE, sortBy(AGE, scan())),
        groupByCity(AggregateFunction.MAX, AGE, scan()));
    assertRewrites(rule, groupByCity(AggregateFunction.SUM, AGE, sortBy(NAME, scan())),
        groupByCity(AggregateFunction.SUM, AGE, scan()));
  }

  @Test
  void keepsASortUnderAnAggregateThatSeesOrder() {
    assertDoesNotFire(rule, groupByCity(AggregateFunction.FIRST, NAME, sortBy(AGE, scan())));
    Expression ageAsDouble = new Cast(AGE, DataTypes.DoubleType, false, true);
    assertDoesNotFire(rule, groupByCity(AggregateFunction.SUM, ageAsDouble, sortBy(AGE, scan())));
  }

  @Test
  void keepsASortUnderALimitAndASingleSort() {
    assertDoesNotFire(rule, sortBy(AGE, new Limit(3, sortBy(NAME, scan()))));
    assertDoesNotFire(rule, sortBy(AGE, scan()));
    assertDoesNotFire(rule, groupByCity(AggregateFunction.MAX, AGE, new Limit(3, sortBy(AGE, scan()))));
  }
}
