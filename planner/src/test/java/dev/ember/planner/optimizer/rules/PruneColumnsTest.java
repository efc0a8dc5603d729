package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.PeopleTable.AGE;
import static dev.ember.planner.optimizer.PeopleTable.CITY;
import static dev.ember.planner.optimizer.PeopleTable.NAME;
import static dev.ember.planner.optimizer.PeopleTable.scan;
import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.RangeRelation;
import dev.ember.planner.logical.Sort;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruneColumnsTest {
  private final PruneColumns rule = new PruneColumns();
  private final Alias count = new Alias(new AggregateCall(AggregateFunction.COUNT, Literal.fromJava(1), false),
      "count", 100);
  private final Expression adult = new Comparison(ComparisonOperator.GREATER_THAN, AGE, Literal.fromJava(26));

  @Test
  void scansOnlyTheProjectedColumns() {
    assertRewrites(rule, new Project(List.of(CITY, NAME), scan()), new Project(List.of(CITY, NAME), scan(NAME, CITY)));
  }

  @Test
  void keepsColumnsAFilterNeedsAndDropsThemAboveItUnderAnAggregate() {
    List<Expression> grouping = List.of(CITY);
    List<Expression> aggregates = List.of(CITY, count);
    assertRewrites(rule,
        new Aggregate(grouping, aggregates, new Filter(adult, scan())),
        new Aggregate(grouping, aggregates, new Project(List.of(CITY), new Filter(adult, scan(AGE, CITY)))));
  }

  @Test
  void dropsWhatOnlyAFilterUnderAJoinReadAndLeavesOtherSidesAsScanned() {
    Expression named = new Comparison(ComparisonOperator.EQUAL_TO, JoinTables.LEFT_NAME, Literal.fromJava("x"));
    LogicalPlan join = new dev.ember.planner.logical.Join(new Filter(named, JoinTables.left()), JoinTables.right(),
        dev.ember.planner.logical.JoinType.INNER, java.util.Optional.of(JoinTables.sameAge()));
    assertRewrites(rule,
        new Project(List.of(JoinTables.LEFT_AGE), join),
        new Project(List.of(JoinTables.LEFT_AGE), new dev.ember.planner.logical.Join(
            new Project(List.of(JoinTables.LEFT_AGE), new Filter(named, JoinTables.left())),
            dev.ember.planner.optimizer.PeopleTable.scan(JoinTables.RIGHT_AGE),
            dev.ember.planner.logical.JoinType.INNER, java.util.Optional.of(JoinTables.sameAge()))));
  }

  @Test
  void readsTheNarrowestColumnForACountOnly() {
    Aggregate countAll = new Aggregate(List.of(), List.of(count), scan());
    assertRewrites(rule, countAll, new Aggregate(List.of(), List.of(count), scan(AGE)));
  }

  @Test
  void doesNotFireOnACountOverAScanAlreadyNarrowedToOneColumn() {
    assertDoesNotFire(rule, new Aggregate(List.of(), List.of(count), scan(AGE)));
  }

  @Test
  void dropsUnusedComputedColumnsOfLowerProjects() {
    Alias next = new Alias(new BinaryArithmetic(ArithmeticOperator.ADD, AGE, Literal.fromJava(1)), "next", 101);
    assertRewrites(rule,
        new Project(List.of(NAME), new Project(List.of(NAME, next), scan())),
        new Project(List.of(NAME), new Project(List.of(NAME), scan(NAME))));
  }

  @Test
  void keepsOneCheapColumnOfAProjectNobodyReads() {
    Alias next = new Alias(new BinaryArithmetic(ArithmeticOperator.ADD, AGE, Literal.fromJava(1)), "next", 101);
    assertRewrites(rule,
        new Aggregate(List.of(), List.of(count), new Project(List.of(next, CITY), scan())),
        new Aggregate(List.of(), List.of(count), new Project(List.of(CITY), scan(CITY))));
  }

  @Test
  void dropsUnusedAggregatesOfALowerAggregate() {
    Alias total = new Alias(new AggregateCall(AggregateFunction.SUM, AGE, false), "total", 102);
    Aggregate perCity = new Aggregate(List.of(CITY), List.of(CITY, total), scan());
    Aggregate expected = new Aggregate(List.of(CITY), List.of(CITY), scan(CITY));
    assertRewrites(rule,
        new Project(List.of(CITY), perCity),
        new Project(List.of(CITY), expected));
  }

  @Test
  void narrowsTheInputOfASortAndKeepsTheRootsColumns() {
    Filter inParis = new Filter(new Comparison(ComparisonOperator.EQUAL_TO, CITY, Literal.fromJava("Paris")), scan());
    List<SortOrder> byAge = List.of(SortOrder.ascending(AGE));
    assertRewrites(rule,
        new Project(List.of(NAME), new Sort(byAge, inParis)),
        new Project(List.of(NAME), new Sort(byAge, new Project(List.of(NAME, AGE), inParis))));
  }

  @Test
  void passesRequiredColumnsThroughALimit() {
    assertRewrites(rule,
        new Project(List.of(NAME), new Limit(3, scan())),
        new Project(List.of(NAME), new Limit(3, scan(NAME))));
  }

  @Test
  void doesNotFireWhenEveryColumnIsUsed() {
    assertDoesNotFire(rule, new Filter(adult, scan()));
    assertDoesNotFire(rule, new Project(List.of(AGE, NAME, CITY), new Filter(new IsNotNull(NAME), scan())));
  }

  @Test
  void doesNotFireOnARange() {
    AttributeReference id = new AttributeReference("id", DataTypes.LongType, false, 103);
    LogicalPlan range = new Aggregate(List.of(), List.of(count), new RangeRelation(0, 10, 1, 1, id));
    assertDoesNotFire(rule, range);
  }

  @Test
  void isIdempotent() {
    LogicalPlan once = rule.apply(new Aggregate(List.of(CITY), List.of(CITY, count), new Filter(adult, scan())));
    assertSame(once, rule.apply(once));
  }
}
