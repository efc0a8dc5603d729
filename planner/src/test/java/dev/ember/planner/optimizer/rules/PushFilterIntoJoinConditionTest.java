package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;
import static dev.ember.planner.optimizer.rules.JoinTables.LEFT_AGE;
import static dev.ember.planner.optimizer.rules.JoinTables.LEFT_NAME;
import static dev.ember.planner.optimizer.rules.JoinTables.RIGHT_NAME;
import static dev.ember.planner.optimizer.rules.JoinTables.join;
import static dev.ember.planner.optimizer.rules.JoinTables.olderThan;
import static dev.ember.planner.optimizer.rules.JoinTables.sameAge;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.JoinType;
import org.junit.jupiter.api.Test;

class PushFilterIntoJoinConditionTest {
  private final PushFilterIntoJoinCondition rule = new PushFilterIntoJoinCondition();
  private final Expression sameName = new Comparison(ComparisonOperator.EQUAL_TO, LEFT_NAME, RIGHT_NAME);

  @Test
  void turnsACrossJoinUnderAnEqualityIntoAnInnerEquiJoin() {
    assertRewrites(rule,
        new Filter(sameAge(), join(JoinType.CROSS, null)),
        join(JoinType.INNER, sameAge()));
  }

  @Test
  void addsToAnInnerJoinsConditionAndKeepsOneSidedConjuncts() {
    assertRewrites(rule,
        new Filter(new And(sameName, olderThan(LEFT_AGE, 3)), join(JoinType.INNER, sameAge())),
        new Filter(olderThan(LEFT_AGE, 3), join(JoinType.INNER, new And(sameAge(), sameName))));
  }

  @Test
  void doesNotFireAboveAnOuterJoin() {
    assertDoesNotFire(rule, new Filter(sameName, join(JoinType.LEFT_OUTER, sameAge())));
  }

  @Test
  void doesNotFireWhenNoConjunctReadsBothSides() {
    assertDoesNotFire(rule, new Filter(olderThan(LEFT_AGE, 3), join(JoinType.CROSS, null)));
  }
}
