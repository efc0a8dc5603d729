package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.PeopleTable.AGE;
import static dev.ember.planner.optimizer.PeopleTable.CITY;
import static dev.ember.planner.optimizer.PeopleTable.scan;
import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.logical.Filter;
import dev.ember.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class SimplifyBooleanExpressionsTest {
  private final SimplifyBooleanExpressions rule = new SimplifyBooleanExpressions();
  private final Expression adult = new Comparison(ComparisonOperator.GREATER_THAN, AGE, Literal.fromJava(17));
  private final Expression inParis = new Comparison(ComparisonOperator.EQUAL_TO, CITY, Literal.fromJava("Paris"));

  @Test
  void dropsTrueFromAConjunctionOnEitherSide() {
    assertRewrites(rule, new Filter(new And(Literal.TRUE, adult), scan()), new Filter(adult, scan()));
    assertRewrites(rule, new Filter(new And(adult, Literal.TRUE), scan()), new Filter(adult, scan()));
  }

  @Test
  void dropsFalseFromADisjunctionOnEitherSide() {
    assertRewrites(rule, new Filter(new Or(Literal.FALSE, adult), scan()), new Filter(adult, scan()));
    assertRewrites(rule, new Filter(new Or(adult, Literal.FALSE), scan()), new Filter(adult, scan()));
  }

  @Test
  void aConjunctionWithFalseIsFalseOnEitherSide() {
    // Spark 4.2 answers false for (id div 0 > 1) AND false: the erroring side is never evaluated.
    assertRewrites(rule, new Filter(new And(adult, Literal.FALSE), scan()), new Filter(Literal.FALSE, scan()));
    assertRewrites(rule, new Filter(new And(Literal.FALSE, adult), scan()), new Filter(Literal.FALSE, scan()));
  }

  @Test
  void removesAFilterWhoseConditionBecomesTrue() {
    assertRewrites(rule, new Filter(new Or(adult, Literal.TRUE), scan()), scan());
    assertRewrites(rule, new Filter(Literal.TRUE, scan()), scan());
  }

  @Test
  void removesADoubleNegation() {
    assertRewrites(rule, new Filter(new Not(new Not(adult)), scan()), new Filter(adult, scan()));
  }

  @Test
  void simplifiesNestedOperatorsBottomUp() {
    Expression condition = new Or(new And(Literal.TRUE, Literal.FALSE), new And(inParis, Literal.TRUE));
    assertRewrites(rule, new Filter(condition, scan()), new Filter(inParis, scan()));
  }

  @Test
  void doesNotFireWithoutBooleanLiterals() {
    assertDoesNotFire(rule, new Filter(new And(adult, new Not(inParis)), scan()));
  }

  @Test
  void keepsAFilterThatIsFalseOrNull() {
    // Such a filter keeps no rows, but no plan node stands for an empty relation yet.
    assertDoesNotFire(rule, new Filter(Literal.FALSE, scan()));
    assertDoesNotFire(rule, new Filter(Literal.nullOf(DataTypes.BooleanType), scan()));
  }
}
