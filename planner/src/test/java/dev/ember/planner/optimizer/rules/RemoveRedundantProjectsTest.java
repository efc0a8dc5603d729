package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.PeopleTable.AGE;
import static dev.ember.planner.optimizer.PeopleTable.CITY;
import static dev.ember.planner.optimizer.PeopleTable.NAME;
import static dev.ember.planner.optimizer.PeopleTable.scan;
import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;

import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Project;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoveRedundantProjectsTest {
  private final RemoveRedundantProjects rule = new RemoveRedundantProjects();

  @Test
  void removesAProjectOfExactlyTheChildsColumns() {
    Filter filter = new Filter(new IsNotNull(AGE), scan());
    assertRewrites(rule, new Project(List.of(NAME, AGE, CITY), filter), filter);
  }

  @Test
  void doesNotFireWhenTheProjectReordersColumns() {
    assertDoesNotFire(rule, new Project(List.of(AGE, NAME, CITY), scan()));
  }

  @Test
  void doesNotFireWhenTheProjectDropsAColumn() {
    assertDoesNotFire(rule, new Project(List.of(NAME, AGE), scan()));
  }

  @Test
  void doesNotFireWhenTheProjectRenamesAColumn() {
    assertDoesNotFire(rule, new Project(List.of(NAME.withName("NAME"), AGE, CITY), scan()));
  }
}
