package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.PeopleTable.AGE;
import static dev.ember.planner.optimizer.PeopleTable.scan;
import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldConstantsTest {
  private static final Literal NULL_BOOLEAN = Literal.nullOf(DataTypes.BooleanType);

  private final FoldConstants rule = new FoldConstants();

  @Test
  void foldsArithmeticInsideAFilterCondition() {
    assertRewrites(rule,
        new Filter(new Comparison(ComparisonOperator.GREATER_THAN, AGE, arithmetic(ArithmeticOperator.ADD, 20, 6)),
            scan()),
        new Filter(new Comparison(ComparisonOperator.GREATER_THAN, AGE, Literal.fromJava(26)), scan()));
  }

  @Test
  void foldsUnderAnAliasAndInsideAggregateArgumentsButKeepsTheNames() {
    Aggregate before = new Aggregate(List.of(), List.of(
        new Alias(new AggregateCall(AggregateFunction.SUM,
            new BinaryArithmetic(ArithmeticOperator.ADD, AGE, arithmetic(ArithmeticOperator.MULTIPLY, 2, 3)), false),
            "total", 100),
        new Alias(arithmetic(ArithmeticOperator.SUBTRACT, 7, 2), "five", 101)), scan());
    Aggregate after = new Aggregate(List.of(), List.of(
        new Alias(new AggregateCall(AggregateFunction.SUM,
            new BinaryArithmetic(ArithmeticOperator.ADD, AGE, Literal.fromJava(6)), false), "total", 100),
        new Alias(Literal.fromJava(5), "five", 101)), scan());
    assertRewrites(rule, before, after);
  }

  @Test
  void foldsNestedExpressionsBottomUp() {
    Expression nested = new BinaryArithmetic(ArithmeticOperator.ADD, arithmetic(ArithmeticOperator.MULTIPLY, 2, 3),
        new UnaryMinus(Literal.fromJava(1)));
    assertEquals(Literal.fromJava(5), fold(nested));
    assertEquals(Literal.TRUE, fold(new Comparison(ComparisonOperator.LESS_THAN, nested, Literal.fromJava(6))));
  }

  @Test
  void leavesArithmeticThatRaisesAnAnsiErrorForRunTime() {
    assertNotFolded(arithmetic(ArithmeticOperator.ADD, Integer.MAX_VALUE, 1));
    assertNotFolded(arithmetic(ArithmeticOperator.MULTIPLY, Long.MIN_VALUE, -1L));
    assertNotFolded(arithmetic(ArithmeticOperator.REMAINDER, 5, 0));
    // 127Y + 1Y overflows at byte width in Spark: BINARY_ARITHMETIC_OVERFLOW.
    assertNotFolded(new BinaryArithmetic(ArithmeticOperator.ADD, tiny(127), tiny(1)));
    assertNotFolded(new UnaryMinus(tiny(-128)));
    // Under ANSI mode 1.0D / 0.0D raises DIVIDE_BY_ZERO and 5.0D % 0.0D raises REMAINDER_BY_ZERO.
    assertNotFolded(arithmetic(ArithmeticOperator.DIVIDE, 1.0, 0.0));
    assertNotFolded(arithmetic(ArithmeticOperator.REMAINDER, 5.0, -0.0));
    assertNotFolded(new BinaryArithmetic(ArithmeticOperator.DIVIDE, decimal("1", 3, 0), decimal("0", 3, 0)));
  }

  @Test
  void foldsSmallIntegralArithmeticAtItsOwnWidth() {
    assertEquals(new Literal((byte) 127, DataTypes.ByteType),
        fold(new BinaryArithmetic(ArithmeticOperator.ADD, tiny(126), tiny(1))));
    assertEquals(Literal.fromJava(-1), fold(arithmetic(ArithmeticOperator.REMAINDER, -7, 3)));
  }

  @Test
  void foldsDoubleArithmeticIncludingItsSpecialValues() {
    assertEquals(Literal.fromJava(-1.5), fold(arithmetic(ArithmeticOperator.REMAINDER, -7.5, 2.0)));
    assertEquals(Literal.fromJava(Double.POSITIVE_INFINITY),
        fold(arithmetic(ArithmeticOperator.MULTIPLY, Double.MAX_VALUE, 2.0)));
  }

  @Test
  void foldsDecimalArithmeticRoundingHalfUpToTheResultScale() {
    // Spark 4.2: CAST(1 AS DECIMAL(38,0)) / CAST(128 AS DECIMAL(38,0)) = 0.007813 as decimal(38,6).
    Expression quotient = new BinaryArithmetic(ArithmeticOperator.DIVIDE, decimal("1", 38, 0), decimal("128", 38, 0));
    assertEquals(new Literal(new BigDecimal("0.007813"), new DecimalType(38, 6)), fold(quotient));
    // Spark 4.2: CAST(0.0000005 AS DECIMAL(38,10)) * CAST(1 AS DECIMAL(38,10)) = 0.000001 as decimal(38,6).
    Expression product = new BinaryArithmetic(ArithmeticOperator.MULTIPLY,
        decimal("0.0000005000", 38, 10), decimal("1.0000000000", 38, 10));
    assertEquals(new Literal(new BigDecimal("0.000001"), new DecimalType(38, 6)), fold(product));
  }

  @Test
  void leavesDecimalDivisionWithoutAFiniteExactQuotient() {
    assertNotFolded(new BinaryArithmetic(ArithmeticOperator.DIVIDE, decimal("1", 10, 0), decimal("3", 10, 0)));
  }

  @Test
  void nullOperandsGiveANullOfTheResultType() {
    Expression nullOverZero = new BinaryArithmetic(ArithmeticOperator.DIVIDE,
        Literal.nullOf(DataTypes.DoubleType), Literal.fromJava(0.0));
    assertEquals(Literal.nullOf(DataTypes.DoubleType), fold(nullOverZero));
    assertEquals(NULL_BOOLEAN, fold(new Comparison(ComparisonOperator.EQUAL_TO,
        Literal.nullOf(DataTypes.IntegerType), Literal.fromJava(1))));
  }

  @Test
  void nullSafeEqualityTreatsNullsAsValues() {
    Literal nullInt = Literal.nullOf(DataTypes.IntegerType);
    assertEquals(Literal.TRUE, fold(new Comparison(ComparisonOperator.NULL_SAFE_EQUAL, nullInt, nullInt)));
    assertEquals(Literal.FALSE,
        fold(new Comparison(ComparisonOperator.NULL_SAFE_EQUAL, Literal.fromJava(1), nullInt)));
  }

  @Test
  void comparesDoublesWithSparksNaNAndZeroRules() {
    Literal nan = Literal.fromJava(Double.NaN);
    assertEquals(Literal.TRUE, fold(new Comparison(ComparisonOperator.EQUAL_TO, nan, nan)));
    assertEquals(Literal.TRUE, fold(new Comparison(ComparisonOperator.GREATER_THAN, nan, Literal.fromJava(1e308))));
    assertEquals(Literal.TRUE,
        fold(new Comparison(ComparisonOperator.EQUAL_TO, Literal.fromJava(-0.0), Literal.fromJava(0.0))));
  }

  @Test
  void comparesStringsInCodePointOrder() {
    // U+FFFF sorts before U+1F600 in UTF-8, though its UTF-16 unit is larger than the surrogate's.
    Expression comparison = new Comparison(ComparisonOperator.LESS_THAN,
        Literal.fromJava("\uFFFF"), Literal.fromJava(new String(Character.toChars(0x1F600))));
    assertEquals(Literal.TRUE, fold(comparison));
  }

  @Test
  void evaluatesBooleanOperatorsWithThreeValuedLogic() {
    assertEquals(Literal.FALSE, fold(new And(NULL_BOOLEAN, Literal.FALSE)));
    assertEquals(NULL_BOOLEAN, fold(new And(NULL_BOOLEAN, Literal.TRUE)));
    assertEquals(Literal.TRUE, fold(new Or(NULL_BOOLEAN, Literal.TRUE)));
    assertEquals(NULL_BOOLEAN, fold(new Or(Literal.FALSE, NULL_BOOLEAN)));
    assertEquals(NULL_BOOLEAN, fold(new Not(NULL_BOOLEAN)));
    assertEquals(Literal.FALSE, fold(new Not(Literal.TRUE)));
    assertEquals(Literal.TRUE, fold(new IsNull(Literal.nullOf(DataTypes.StringType))));
    assertEquals(Literal.TRUE, fold(new IsNotNull(Literal.fromJava(1))));
  }

  @Test
  void foldsOnlyExactNumericCasts() {
    assertEquals(Literal.fromJava(1L), fold(Cast.implicit(Literal.fromJava(1), DataTypes.LongType)));
    assertEquals(Literal.fromJava(2), fold(Cast.implicit(Literal.fromJava(2.0), DataTypes.IntegerType)));
    assertEquals(new Literal(new BigDecimal("1.00"), new DecimalType(5, 2)),
        fold(Cast.implicit(Literal.fromJava(1), new DecimalType(5, 2))));
    assertEquals(Literal.nullOf(DataTypes.IntegerType),
        fold(Cast.implicit(Literal.nullOf(DataTypes.StringType), DataTypes.IntegerType)));
    // Spark truncates 2.5 to 2 and raises CAST_OVERFLOW for 3000000000L: both left for run time.
    assertNotFolded(Cast.implicit(Literal.fromJava(2.5), DataTypes.IntegerType));
    assertNotFolded(Cast.implicit(Literal.fromJava(3_000_000_000L), DataTypes.IntegerType));
    assertNotFolded(Cast.implicit(Literal.fromJava(123456), new DecimalType(5, 2)));
    assertNotFolded(Cast.implicit(Literal.fromJava(0.1), new DecimalType(5, 2)));
    assertNotFolded(Cast.implicit(Literal.fromJava("1"), DataTypes.IntegerType));
  }

  @Test
  void doesNotFireWithoutConstantSubexpressions() {
    assertDoesNotFire(rule,
        new Filter(new Comparison(ComparisonOperator.GREATER_THAN, AGE, Literal.fromJava(26)), scan()));
  }

  /** The expression after folding, computed by running the rule on a project of it. */
  private Expression fold(Expression expression) {
    LogicalPlan plan = new Project(List.of(new Alias(expression, "value", 100)), scan());
    LogicalPlan folded = rule.apply(plan);
    return ((Alias) ((Project) folded).projectList().get(0)).child();
  }

  private void assertNotFolded(Expression expression) {
    assertSame(expression, fold(expression), "should stay for run time: " + expression);
  }

  private static Expression arithmetic(ArithmeticOperator operator, Object left, Object right) {
    return new BinaryArithmetic(operator, Literal.fromJava(left), Literal.fromJava(right));
  }

  private static Literal tiny(int value) {
    return new Literal((byte) value, DataTypes.ByteType);
  }

  private static Literal decimal(String value, int precision, int scale) {
    DataType type = new DecimalType(precision, scale);
    return new Literal(new BigDecimal(value).setScale(scale), type);
  }
}
