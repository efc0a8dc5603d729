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
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushFilterThroughJoinTest {
  private final PushFilterThroughJoin rule = new PushFilterThroughJoin();

  @Test
  void pushesEachConjunctOfAnInnerJoinFilterToItsSide() {
    assertRewrites(rule,
        new Filter(new And(olderThan(LEFT_AGE, 1), olderThan(RIGHT_AGE, 2)), join(JoinType.INNER, sameAge())),
        new Join(new Filter(olderThan(LEFT_AGE, 1), left()), new Filter(olderThan(RIGHT_AGE, 2), right()),
            JoinType.INNER, Optional.of(sameAge())));
  }

  @Test
  void keepsAConjunctOnTheNullPaddedSideOfALeftOuterJoinAbove() {
    assertRewrites(rule,
        new Filter(new And(olderThan(LEFT_AGE, 1), olderThan(RIGHT_AGE, 2)), join(JoinType.LEFT_OUTER, sameAge())),
        new Filter(olderThan(RIGHT_AGE, 2), new Join(new Filter(olderThan(LEFT_AGE, 1), left()), right(),
            JoinType.LEFT_OUTER, Optional.of(sameAge()))));
  }

  @Test
  void pushesTheRightSideOfARightOuterJoin() {
    assertRewrites(rule,
        new Filter(olderThan(RIGHT_AGE, 2), join(JoinType.RIGHT_OUTER, sameAge())),
        new Join(left(), new Filter(olderThan(RIGHT_AGE, 2), right()), JoinType.RIGHT_OUTER, Optional.of(sameAge())));
  }

  @Test
  void doesNotFireAboveAFullOuterJoin() {
    assertDoesNotFire(rule, new Filter(new And(olderThan(LEFT_AGE, 1), olderThan(RIGHT_AGE, 2)),
        join(JoinType.FULL_OUTER, sameAge())));
  }

  @Test
  void doesNotFireOnAConjunctReadingBothSides() {
    assertDoesNotFire(rule, new Filter(sameAge(), join(JoinType.INNER, null)));
  }
}
