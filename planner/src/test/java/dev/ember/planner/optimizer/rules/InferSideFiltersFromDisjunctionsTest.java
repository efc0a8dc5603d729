package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;
import static dev.ember.planner.optimizer.rules.JoinTables.LEFT_AGE;
import static dev.ember.planner.optimizer.rules.JoinTables.LEFT_NAME;
import static dev.ember.planner.optimizer.rules.JoinTables.RIGHT_AGE;
import static dev.ember.planner.optimizer.rules.JoinTables.join;
import static dev.ember.planner.optimizer.rules.JoinTables.left;
import static dev.ember.planner.optimizer.rules.JoinTables.olderThan;
import static dev.ember.planner.optimizer.rules.JoinTables.right;
import static dev.ember.planner.optimizer.rules.JoinTables.sameAge;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InferSideFiltersFromDisjunctionsTest {
  private final InferSideFiltersFromDisjunctions rule = new InferSideFiltersFromDisjunctions();

  private static Expression named(String name) {
    return new Comparison(ComparisonOperator.EQUAL_TO, LEFT_NAME, Literal.fromJava(name));
  }

  /** (left age > 1 AND right age > 2) OR (left name = 'x' AND right age > 3), with equal ages. */
  private static Expression condition() {
    return new And(sameAge(), new Or(new And(olderThan(LEFT_AGE, 1), olderThan(RIGHT_AGE, 2)),
        new And(named("x"), olderThan(RIGHT_AGE, 3))));
  }

  @Test
  void anInnerJoinGetsTheImpliedFilterOnBothSidesAndKeepsItsCondition() {
    assertRewrites(rule, join(JoinType.INNER, condition()),
        new Join(new Filter(new Or(olderThan(LEFT_AGE, 1), named("x")), left()),
            new Filter(new Or(olderThan(RIGHT_AGE, 2), olderThan(RIGHT_AGE, 3)), right()),
            JoinType.INNER, Optional.of(condition())));
  }

  @Test
  void aLeftOuterJoinFiltersOnlyTheSideItMayDropRowsOf() {
    assertRewrites(rule, join(JoinType.LEFT_OUTER, condition()),
        new Join(left(), new Filter(new Or(olderThan(RIGHT_AGE, 2), olderThan(RIGHT_AGE, 3)), right()),
            JoinType.LEFT_OUTER, Optional.of(condition())));
  }

  @Test
  void aSideSomeDisjunctDoesNotConstrainGetsNoFilter() {
    Expression condition = new Or(new And(olderThan(LEFT_AGE, 1), olderThan(RIGHT_AGE, 2)), olderThan(RIGHT_AGE, 3));
    assertRewrites(rule, join(JoinType.INNER, condition),
        new Join(left(), new Filter(new Or(olderThan(RIGHT_AGE, 2), olderThan(RIGHT_AGE, 3)), right()),
            JoinType.INNER, Optional.of(condition)));
  }

  @Test
  void doesNotFireTwice() {
    Join once = (Join) rule.apply(join(JoinType.INNER, condition()));
    assertDoesNotFire(rule, once);
  }

  @Test
  void doesNotFireOnAFullOuterJoinOrWithoutADisjunctionOverBothSides() {
    assertDoesNotFire(rule, join(JoinType.FULL_OUTER, condition()));
    assertDoesNotFire(rule, join(JoinType.INNER, new And(sameAge(), olderThan(LEFT_AGE, 1))));
    assertDoesNotFire(rule, join(JoinType.INNER, new Or(olderThan(LEFT_AGE, 1), new IsNull(LEFT_NAME))));
  }
}
