package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.PeopleTable.AGE;
import static dev.ember.planner.optimizer.PeopleTable.CITY;
import static dev.ember.planner.optimizer.PeopleTable.NAME;
import static dev.ember.planner.optimizer.PeopleTable.scan;
import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.logical.Filter;
import org.junit.jupiter.api.Test;

class MergeFiltersTest {
  private final MergeFilters rule = new MergeFilters();
  private final Expression adult = new Comparison(ComparisonOperator.GREATER_THAN, AGE, Literal.fromJava(17));
  private final Expression inParis = new Comparison(ComparisonOperator.EQUAL_TO, CITY, Literal.fromJava("Paris"));
  private final Expression named = new IsNotNull(NAME);

  @Test
  void mergesTwoFiltersCheckingTheLowerConditionFirst() {
    assertRewrites(rule,
        new Filter(adult, new Filter(inParis, scan())),
        new Filter(new And(inParis, adult), scan()));
  }

  @Test
  void mergesAChainOfFiltersInOneApplication() {
    assertRewrites(rule,
        new Filter(adult, new Filter(inParis, new Filter(named, scan()))),
        new Filter(new And(new And(named, inParis), adult), scan()));
  }

  @Test
  void doesNotFireOnASingleFilter() {
    assertDoesNotFire(rule, new Filter(adult, scan()));
  }
}
