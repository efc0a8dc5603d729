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
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.Sort;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushLimitThroughProjectTest {
  private final PushLimitThroughProject rule = new PushLimitThroughProject();
  private final List<Expression> projectList =
      List.of(NAME, new Alias(new BinaryArithmetic(ArithmeticOperator.ADD, AGE, Literal.fromJava(1)), "next", 100));

  @Test
  void movesTheLimitBelowTheProject() {
    assertRewrites(rule,
        new Limit(5, new Project(projectList, scan())),
        new Project(projectList, new Limit(5, scan())));
  }

  @Test
  void movesTheLimitBelowStackedProjectsInOneApplication() {
    List<Expression> upper = List.of(NAME);
    assertRewrites(rule,
        new Limit(5, new Project(upper, new Project(projectList, scan()))),
        new Project(upper, new Project(projectList, new Limit(5, scan()))));
  }

  @Test
  void doesNotFireThroughAFilter() {
    assertDoesNotFire(rule, new Limit(5, new Filter(new IsNotNull(AGE), new Project(projectList, scan()))));
  }

  @Test
  void doesNotFireThroughASort() {
    assertDoesNotFire(rule, new Limit(5, new Sort(List.of(SortOrder.ascending(AGE)), scan())));
  }
}
