package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;
import static dev.ember.planner.optimizer.rules.JoinTables.join;
import static dev.ember.planner.optimizer.rules.JoinTables.left;
import static dev.ember.planner.optimizer.rules.JoinTables.right;
import static dev.ember.planner.optimizer.rules.JoinTables.sameAge;

import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.SubqueryAlias;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoveSubqueryAliasesTest {
  private final RemoveSubqueryAliases rule = new RemoveSubqueryAliases();

  @Test
  void dropsTheAliasesOfBothSides() {
    assertRewrites(rule,
        new Join(new SubqueryAlias("a", left()), new SubqueryAlias("b", right()), JoinType.INNER, Optional.of(sameAge())),
        join(JoinType.INNER, sameAge()));
  }

  @Test
  void doesNotFireWithoutAliases() {
    assertDoesNotFire(rule, join(JoinType.INNER, sameAge()));
  }
}
