package dev.ember.planner.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.BroadcastHint;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.optimizer.PeopleTable;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JoinPlanningTest {
  private static final AttributeReference LEFT_NAME = PeopleTable.NAME;
  private static final AttributeReference LEFT_AGE = PeopleTable.AGE;
  private static final AttributeReference RIGHT_NAME = new AttributeReference("name", DataTypes.StringType, true, 11);
  private static final AttributeReference RIGHT_AGE = new AttributeReference("age", DataTypes.IntegerType, true, 12);

  private final PhysicalPlanner planner = new PhysicalPlanner();

  private static LogicalPlan join(LogicalPlan left, JoinType type, Expression condition) {
    return new Join(left, PeopleTable.scan(RIGHT_NAME, RIGHT_AGE), type, Optional.ofNullable(condition));
  }

  private static LogicalPlan join(JoinType type, Expression condition) {
    return join(PeopleTable.scan(LEFT_NAME, LEFT_AGE), type, condition);
  }

  private static Expression compare(ComparisonOperator operator, Expression left, Expression right) {
    return new Comparison(operator, left, right);
  }

  @Test
  void equalColumnsBecomeKeysAndTheRestTheResidualCondition() {
    Expression condition = new And(compare(ComparisonOperator.EQUAL_TO, RIGHT_AGE, LEFT_AGE),
        compare(ComparisonOperator.LESS_THAN, LEFT_NAME, RIGHT_NAME));
    HashJoinExec join = assertInstanceOf(HashJoinExec.class, planner.plan(join(JoinType.INNER, condition)));
    assertEquals(List.of(LEFT_AGE), join.leftKeys());
    assertEquals(List.of(RIGHT_AGE), join.rightKeys());
    assertEquals("HashJoin [age#2], [age#12], Inner, BuildRight, (name#1 < name#11)", join.nodeString());
    assertEquals(List.of(LEFT_NAME, LEFT_AGE, RIGHT_NAME, RIGHT_AGE), join.output());
  }

  @Test
  void nullSafeKeysAreMarked() {
    Expression condition = new And(compare(ComparisonOperator.NULL_SAFE_EQUAL, LEFT_AGE, RIGHT_AGE),
        compare(ComparisonOperator.EQUAL_TO, LEFT_NAME, RIGHT_NAME));
    HashJoinExec join = assertInstanceOf(HashJoinExec.class, planner.plan(join(JoinType.INNER, condition)));
    assertEquals(List.of(true, false), join.nullSafe());
    assertEquals("HashJoin [age#2, name#1], [age#12, name#11], Inner, BuildRight, nullSafe=[true, false]",
        join.nodeString());
  }

  @Test
  void conditionsWithoutEqualKeysAndCrossJoinsLoop() {
    Expression less = compare(ComparisonOperator.LESS_THAN, LEFT_AGE, RIGHT_AGE);
    assertEquals("NestedLoopJoin BuildRight, LeftOuter, (age#2 < age#12)",
        planner.plan(join(JoinType.LEFT_OUTER, less)).nodeString());
    assertEquals("NestedLoopJoin BuildRight, Cross", planner.plan(join(JoinType.CROSS, null)).nodeString());
  }

  @Test
  void theJoinTypeDecidesTheBuildSideWhereOnlyOneCanBuild() {
    Expression equal = compare(ComparisonOperator.EQUAL_TO, LEFT_AGE, RIGHT_AGE);
    LogicalPlan hintedLeft = new BroadcastHint(PeopleTable.scan(LEFT_NAME, LEFT_AGE));
    assertEquals(BuildSide.LEFT, ((HashJoinExec) planner.plan(join(JoinType.RIGHT_OUTER, equal))).buildSide());
    assertEquals(BuildSide.RIGHT, ((HashJoinExec) planner.plan(join(hintedLeft, JoinType.LEFT_OUTER, equal)))
        .buildSide());
    // A semi or anti join may build its left side: it marks the build rows that match.
    assertEquals(BuildSide.LEFT, ((HashJoinExec) planner.plan(join(hintedLeft, JoinType.LEFT_SEMI, equal)))
        .buildSide());
    assertEquals(BuildSide.LEFT, ((HashJoinExec) planner.plan(join(hintedLeft, JoinType.LEFT_ANTI, equal)))
        .buildSide());
    assertEquals(BuildSide.LEFT, ((HashJoinExec) planner.plan(join(hintedLeft, JoinType.INNER, equal))).buildSide());
    assertEquals(List.of(LEFT_NAME.withNullability(true), LEFT_AGE.withNullability(true), RIGHT_NAME, RIGHT_AGE),
        planner.plan(join(JoinType.RIGHT_OUTER, equal)).output());
  }

  @Test
  void aBuildSideTheJoinTypeCannotBuildIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new NestedLoopJoinExec(JoinType.LEFT_OUTER, BuildSide.LEFT,
        Optional.empty(), planner.plan(PeopleTable.scan()), planner.plan(PeopleTable.scan())));
  }

  @Test
  void joinTypesParseAsSparkDoes() {
    assertEquals(JoinType.FULL_OUTER, JoinType.parse("outer"));
    assertEquals(JoinType.FULL_OUTER, JoinType.parse("FULL_OUTER"));
    assertEquals(JoinType.LEFT_OUTER, JoinType.parse("left_outer"));
    assertEquals(JoinType.RIGHT_OUTER, JoinType.parse("Right"));
    assertEquals(JoinType.LEFT_SEMI, JoinType.parse("semi"));
    assertEquals(JoinType.LEFT_ANTI, JoinType.parse("left_anti"));
    assertEquals(JoinType.CROSS, JoinType.parse("cross"));
    AnalysisException unknown = assertThrows(AnalysisException.class, () -> JoinType.parse("sideways"));
    assertEquals("UNSUPPORTED_JOIN_TYPE", unknown.getCondition());
    assertEquals("sideways", unknown.getMessageParameters().get("typ"));
  }
}
