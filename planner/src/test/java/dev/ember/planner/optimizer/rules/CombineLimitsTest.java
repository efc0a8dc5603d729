package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.PeopleTable.scan;
import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;

import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Limit;
import dev.ember.planner.optimizer.PeopleTable;
import org.junit.jupiter.api.Test;

class CombineLimitsTest {
  private final CombineLimits rule = new CombineLimits();

  @Test
  void keepsTheInnerLimitWhenItIsSmaller() {
    assertRewrites(rule, new Limit(10, new Limit(5, scan())), new Limit(5, scan()));
  }

  @Test
  void keepsTheOuterLimitWhenItIsSmaller() {
    assertRewrites(rule, new Limit(3, new Limit(5, scan())), new Limit(3, scan()));
  }

  @Test
  void doesNotFireWhenSomethingSeparatesTheLimits() {
    assertDoesNotFire(rule, new Limit(3, new Filter(new IsNotNull(PeopleTable.AGE), new Limit(5, scan()))));
  }
}
