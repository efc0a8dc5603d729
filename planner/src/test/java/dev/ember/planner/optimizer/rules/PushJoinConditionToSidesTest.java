package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;
import static dev.ember.planner.optimizer.rules.JoinTables.LEFT_AGE;
import static dev.ember.planner.optimizer.rules.JoinTables.RIGHT_AGE;
import static dev.ember.planner.optimizer.rules.JoinTables.join;
import static dev.ember.planner.optimizer.rules.JoinTables.left;
import static dev.ember.planner.optimizer.rules.JoinTables.olderThan;
import static dev.ember.planner.optimizer.rules.JoinTables.right;
import static dev.ember.planner.optimizer.rules.JoinTables.sameAge;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushJoinConditionToSidesTest {
  private final PushJoinConditionToSides rule = new PushJoinConditionToSides();
  private final Expression condition = new And(new And(sameAge(), olderThan(LEFT_AGE, 1)), olderThan(RIGHT_AGE, 2));

  @Test
  void pushesBothSidesOfAnInnerJoin() {
    assertRewrites(rule, join(JoinType.INNER, condition),
        new Join(new Filter(olderThan(LEFT_AGE, 1), left()), new Filter(olderThan(RIGHT_AGE, 2), right()),
            JoinType.INNER, Optional.of(sameAge())));
  }

  @Test
  void keepsTheConditionOnTheRowsALeftOuterJoinKeepsAnyway() {
    assertRewrites(rule, join(JoinType.LEFT_OUTER, condition),
        new Join(left(), new Filter(olderThan(RIGHT_AGE, 2), right()), JoinType.LEFT_OUTER,
            Optional.of(new And(sameAge(), olderThan(LEFT_AGE, 1)))));
  }

  @Test
  void doesNotFireOnAFullOuterJoin() {
    assertDoesNotFire(rule, join(JoinType.FULL_OUTER, condition));
  }

  @Test
  void doesNotFireOnTheLeftSideOfAnAntiJoin() {
    assertDoesNotFire(rule, join(JoinType.LEFT_ANTI, new And(sameAge(), olderThan(LEFT_AGE, 1))));
  }

  @Test
  void doesNotFireWithoutACondition() {
    assertDoesNotFire(rule, join(JoinType.CROSS, null));
  }
}
