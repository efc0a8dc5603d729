package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;
import static dev.ember.planner.optimizer.rules.JoinTables.join;
import static dev.ember.planner.optimizer.rules.JoinTables.left;
import static dev.ember.planner.optimizer.rules.JoinTables.right;
import static dev.ember.planner.optimizer.rules.JoinTables.sameAge;

import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.Repartition;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RemoveRepartitionsTest {
  private final RemoveRepartitions rule = new RemoveRepartitions();

  @Test
  void dropsRepartitionAndCoalesceOnBothSidesAndAbove() {
    Join repartitioned = new Join(new Repartition(OptionalInt.of(4), List.of(), true, left()),
        new Repartition(OptionalInt.of(1), List.of(), false, right()), JoinType.INNER, Optional.of(sameAge()));
    assertRewrites(rule, new Repartition(OptionalInt.of(3), List.of(), true, repartitioned),
        join(JoinType.INNER, sameAge()));
  }

  @Test
  void doesNotFireWithoutRepartitions() {
    assertDoesNotFire(rule, join(JoinType.INNER, sameAge()));
  }
}
