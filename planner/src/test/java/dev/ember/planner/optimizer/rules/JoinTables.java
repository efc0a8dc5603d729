package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.optimizer.PeopleTable;
import dev.ember.sql.types.DataTypes;
import java.util.Optional;

/** Two scans of the people table with different ids (1–3 left, 11–13 right), to join in rule tests. */
final class JoinTables {
  static final AttributeReference LEFT_NAME = PeopleTable.NAME;
  static final AttributeReference LEFT_AGE = PeopleTable.AGE;
  static final AttributeReference RIGHT_NAME = new AttributeReference("name", DataTypes.StringType, true, 11);
  static final AttributeReference RIGHT_AGE = new AttributeReference("age", DataTypes.IntegerType, true, 12);

  private JoinTables() {}

  static ScanRelation left() {
    return PeopleTable.scan(LEFT_NAME, LEFT_AGE);
  }

  static ScanRelation right() {
    return PeopleTable.scan(RIGHT_NAME, RIGHT_AGE);
  }

  static Join join(JoinType type, Expression condition) {
    return new Join(left(), right(), type, Optional.ofNullable(condition));
  }

  static Expression sameAge() {
    return new Comparison(ComparisonOperator.EQUAL_TO, LEFT_AGE, RIGHT_AGE);
  }

  static Expression olderThan(AttributeReference age, int years) {
    return new Comparison(ComparisonOperator.GREATER_THAN, age, Literal.fromJava(years));
  }
}
