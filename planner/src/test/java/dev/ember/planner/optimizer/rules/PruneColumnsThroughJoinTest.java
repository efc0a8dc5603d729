package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;
import static dev.ember.planner.optimizer.rules.JoinTables.LEFT_AGE;
import static dev.ember.planner.optimizer.rules.JoinTables.LEFT_NAME;
import static dev.ember.planner.optimizer.rules.JoinTables.RIGHT_AGE;
import static dev.ember.planner.optimizer.rules.JoinTables.RIGHT_NAME;
import static dev.ember.planner.optimizer.rules.JoinTables.join;
import static dev.ember.planner.optimizer.rules.JoinTables.sameAge;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.Project;
import dev.ember.planner.optimizer.PeopleTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PruneColumnsThroughJoinTest {
  private final PruneColumns rule = new PruneColumns();

  @Test
  void eachSideReadsWhatIsUsedAboveAndTheConditionsColumns() {
    List<Expression> names = List.of(LEFT_NAME);
    assertRewrites(rule,
        new Project(names, join(JoinType.INNER, sameAge())),
        new Project(names, new Join(PeopleTable.scan(LEFT_NAME, LEFT_AGE), PeopleTable.scan(RIGHT_AGE),
            JoinType.INNER, Optional.of(sameAge()))));
  }

  @Test
  void doesNotFireWhenEveryColumnIsUsed() {
    assertDoesNotFire(rule, new Project(List.of(LEFT_NAME, LEFT_AGE, RIGHT_NAME, RIGHT_AGE),
        join(JoinType.INNER, sameAge())));
  }
}
