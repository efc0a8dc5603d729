package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.PeopleTable.AGE;
import static dev.ember.planner.optimizer.PeopleTable.NAME;
import static dev.ember.planner.optimizer.PeopleTable.scan;
import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Project;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushFilterThroughProjectTest {
  private final PushFilterThroughProject rule = new PushFilterThroughProject();
  private final Expression agePlusOne = new BinaryArithmetic(ArithmeticOperator.ADD, AGE, Literal.fromJava(1));
  private final Alias next = new Alias(agePlusOne, "next", 100);

  @Test
  void substitutesAliasesIntoTheConditionBelowTheProject() {
    List<Expression> projectList = List.of(NAME, next);
    assertRewrites(rule,
        new Filter(greaterThanFive(next.toAttribute()), new Project(projectList, scan())),
        new Project(projectList, new Filter(greaterThanFive(agePlusOne), scan())));
  }

  @Test
  void keepsConditionsOnPassedThroughColumns() {
    List<Expression> projectList = List.of(NAME, next);
    assertRewrites(rule,
        new Filter(new IsNotNull(NAME), new Project(projectList, scan())),
        new Project(projectList, new Filter(new IsNotNull(NAME), scan())));
  }

  @Test
  void pushesThroughStackedProjectsInOneApplication() {
    List<Expression> upper = List.of(NAME, next.toAttribute());
    List<Expression> lower = List.of(NAME, next);
    assertRewrites(rule,
        new Filter(greaterThanFive(next.toAttribute()), new Project(upper, new Project(lower, scan()))),
        new Project(upper, new Project(lower, new Filter(greaterThanFive(agePlusOne), scan()))));
  }

  @Test
  void doesNotFireWhenTheConditionUsesAnAliasOfAnAggregateCall() {
    // Not a plan the analyzer builds, but the guard must hold: sum(age) means nothing below the project.
    Alias total = new Alias(new AggregateCall(AggregateFunction.SUM, AGE, false), "total", 101);
    assertDoesNotFire(rule, new Filter(greaterThanFive(total.toAttribute()), new Project(List.of(total), scan())));
  }

  @Test
  void doesNotFireWithoutAProjectBelow() {
    assertDoesNotFire(rule, new Filter(greaterThanFive(AGE), scan()));
  }

  private static Expression greaterThanFive(Expression left) {
    return new Comparison(ComparisonOperator.GREATER_THAN, left, Literal.fromJava(5));
  }
}
