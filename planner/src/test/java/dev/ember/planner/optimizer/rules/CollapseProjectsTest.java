package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.PeopleTable.AGE;
import static dev.ember.planner.optimizer.PeopleTable.NAME;
import static dev.ember.planner.optimizer.PeopleTable.scan;
import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.logical.Project;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollapseProjectsTest {
  private final CollapseProjects rule = new CollapseProjects();
  private final Expression agePlusOne = plus(AGE, Literal.fromJava(1));
  private final Alias next = new Alias(agePlusOne, "next", 100);

  @Test
  void substitutesTheLowerAliasesIntoTheUpperList() {
    Project lower = new Project(List.of(NAME, next), scan());
    Project upper = new Project(List.of(NAME, new Alias(times(next.toAttribute(), Literal.fromJava(2)), "twice", 101)),
        lower);
    assertRewrites(rule, upper,
        new Project(List.of(NAME, new Alias(times(agePlusOne, Literal.fromJava(2)), "twice", 101)), scan()));
  }

  @Test
  void keepsTheNameAndIdOfALowerAliasTheUpperListPassesThrough() {
    Project upper = new Project(List.of(next.toAttribute()), new Project(List.of(NAME, next), scan()));
    assertRewrites(rule, upper, new Project(List.of(next), scan()));
  }

  @Test
  void copiesAnAliasOfAPlainColumnEvenWhenUsedTwice() {
    Alias years = new Alias(AGE, "years", 102);
    Project upper = new Project(
        List.of(new Alias(plus(years.toAttribute(), years.toAttribute()), "doubled", 103)),
        new Project(List.of(years), scan()));
    assertRewrites(rule, upper, new Project(List.of(new Alias(plus(AGE, AGE), "doubled", 103)), scan()));
  }

  @Test
  void collapsesAChainOfProjectsInOneApplication() {
    Project chain = new Project(List.of(NAME),
        new Project(List.of(NAME, AGE), new Project(List.of(NAME, AGE, next), scan())));
    assertRewrites(rule, chain, new Project(List.of(NAME), scan()));
  }

  @Test
  void doesNotFireWhenAComputedAliasWouldBeEvaluatedTwice() {
    Project upper = new Project(
        List.of(new Alias(times(next.toAttribute(), Literal.fromJava(2)), "twice", 101),
            new Alias(plus(next.toAttribute(), Literal.fromJava(3)), "more", 104)),
        new Project(List.of(next), scan()));
    assertDoesNotFire(rule, upper);
  }

  @Test
  void doesNotFireOnASingleProject() {
    assertDoesNotFire(rule, new Project(List.of(NAME, next), scan()));
  }

  private static Expression plus(Expression left, Expression right) {
    return new BinaryArithmetic(ArithmeticOperator.ADD, left, right);
  }

  private static Expression times(Expression left, Expression right) {
    return new BinaryArithmetic(ArithmeticOperator.MULTIPLY, left, right);
  }
}
