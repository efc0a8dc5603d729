package dev.ember.codegen.interpreted;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import dev.ember.codegen.TestBatches;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VectorizedEvaluatorTest {
  private static final KernelOptions ANSI = new KernelOptions(true, true);
  private static final KernelOptions LEGACY = new KernelOptions(false, true);
  private static final StructType SCHEMA = StructType.fromDDL("a INT, b INT, d DOUBLE, s STRING, big BIGINT");

  private static final Expression A = new BoundReference(0, DataTypes.IntegerType, true);
  private static final Expression B = new BoundReference(1, DataTypes.IntegerType, true);
  private static final Expression D = new BoundReference(2, DataTypes.DoubleType, true);
  private static final Expression S = new BoundReference(3, DataTypes.StringType, true);
  private static final Expression BIG = new BoundReference(4, DataTypes.LongType, true);

  private BufferAllocator allocator;
  private ColumnBatch batch;

  @BeforeEach
  void setUp() {
    allocator = Allocators.newRoot();
    batch = TestBatches.batch(allocator, SCHEMA,
        new Object[] {1, Integer.MAX_VALUE, null, -7},
        new Object[] {2, 1, 3, 0},
        new Object[] {Double.NaN, -0.0, 1.5, null},
        new Object[] {"a", "é", "b", null},
        new Object[] {3_000_000_000L, 5L, null, -1L});
  }

  @AfterEach
  void tearDown() {
    batch.close();
    allocator.close(); // fails when a vector leaked
  }

  private List<Object> evaluate(KernelOptions options, Expression expression, int[] rows) {
    try (FieldVector result = new VectorizedEvaluator(options, allocator).evaluate(expression, batch, rows)) {
      return TestBatches.values(result);
    }
  }

  private List<Object> evaluate(Expression expression) {
    return evaluate(ANSI, expression, null);
  }

  private static Expression add(Expression left, Expression right) {
    return new BinaryArithmetic(ArithmeticOperator.ADD, left, right);
  }

  private static Expression compare(ComparisonOperator operator, Expression left, Expression right) {
    return new Comparison(operator, left, right);
  }

  @Test
  void integerOverflowRaisesSparksErrorInAnsiMode() {
    SparkException error = assertThrows(SparkException.class, () -> evaluate(add(A, B)));
    assertEquals("ARITHMETIC_OVERFLOW", error.getCondition());
    assertEquals("[ARITHMETIC_OVERFLOW] overflow. Use 'try_add' to tolerate overflow and return NULL instead. "
        + "If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003",
        error.getMessage());
  }

  @Test
  void integerOverflowWrapsWithAnsiOff() {
    assertEquals(Arrays.asList(3, Integer.MIN_VALUE, null, -7), evaluate(LEGACY, add(A, B), null));
  }

  @Test
  void rowsOutsideTheSelectionAreNotEvaluated() {
    assertEquals(Arrays.asList(3, null, -7), evaluate(ANSI, add(A, B), new int[] {0, 2, 3}));
  }

  @Test
  void unaryMinusOfTheMinimumOverflowsWithoutTrySuggestion() {
    Expression minimum = new Literal(Integer.MIN_VALUE, DataTypes.IntegerType);
    SparkException error = assertThrows(SparkException.class, () -> evaluate(new UnaryMinus(minimum)));
    assertEquals("[ARITHMETIC_OVERFLOW] overflow. If necessary set \"spark.sql.ansi.enabled\" to \"false\" "
        + "to bypass this error. SQLSTATE: 22003", error.getMessage());
    assertEquals(Arrays.asList(-1, -Integer.MAX_VALUE, null, 7), evaluate(new UnaryMinus(A)));
  }

  @Test
  void divisionAndRemainderByZero() {
    Expression quotient = new BinaryArithmetic(ArithmeticOperator.DIVIDE,
        Cast.implicit(A, DataTypes.DoubleType), Cast.implicit(B, DataTypes.DoubleType));
    SparkException divide = assertThrows(SparkException.class, () -> evaluate(quotient));
    assertEquals("DIVIDE_BY_ZERO", divide.getCondition());
    assertEquals(Arrays.asList(0.5, (double) Integer.MAX_VALUE, null, null), evaluate(LEGACY, quotient, null));

    Expression remainder = new BinaryArithmetic(ArithmeticOperator.REMAINDER, A, B);
    SparkException error = assertThrows(SparkException.class, () -> evaluate(remainder));
    assertEquals("REMAINDER_BY_ZERO", error.getCondition());
    assertEquals(Arrays.asList(1, 0, null, null), evaluate(LEGACY, remainder, null));
    // Spark: the remainder takes the dividend's sign.
    Expression negative = new BinaryArithmetic(ArithmeticOperator.REMAINDER,
        new Literal(-7, DataTypes.IntegerType), new Literal(3, DataTypes.IntegerType));
    assertEquals(-1, evaluate(negative).get(0));
  }

  @Test
  void doubleComparisonsTreatNaNAsEqualAndGreatestAndNegativeZeroAsZero() {
    Literal nan = new Literal(Double.NaN, DataTypes.DoubleType);
    assertEquals(Arrays.asList(true, false, false, null), evaluate(compare(ComparisonOperator.EQUAL_TO, D, nan)));
    Literal huge = new Literal(1e308, DataTypes.DoubleType);
    assertEquals(Arrays.asList(true, false, false, null),
        evaluate(compare(ComparisonOperator.GREATER_THAN, D, huge)));
    Literal zero = new Literal(0.0, DataTypes.DoubleType);
    assertEquals(Arrays.asList(false, true, false, null), evaluate(compare(ComparisonOperator.EQUAL_TO, D, zero)));
    assertEquals(Arrays.asList(false, false, false, null), evaluate(compare(ComparisonOperator.LESS_THAN, D, zero)));
  }

  @Test
  void stringsCompareByUnsignedUtf8Bytes() {
    Literal z = new Literal("z", DataTypes.StringType);
    assertEquals(Arrays.asList(false, true, false, null), evaluate(compare(ComparisonOperator.GREATER_THAN, S, z)));
  }

  @Test
  void nullSafeEqualityNeverReturnsNull() {
    Literal nullInt = Literal.nullOf(DataTypes.IntegerType);
    assertEquals(Arrays.asList(false, false, true, false),
        evaluate(compare(ComparisonOperator.NULL_SAFE_EQUAL, A, nullInt)));
  }

  @Test
  void andOrNotAreThreeValued() {
    Expression aIsNull = new IsNull(A);
    Literal nullBoolean = Literal.nullOf(DataTypes.BooleanType);
    assertEquals(Arrays.asList(false, false, true, false), evaluate(aIsNull));
    // null AND true is null; null AND false is false.
    assertEquals(Arrays.asList(null, null, false, null), evaluate(new And(nullBoolean, new Not(aIsNull))));
    assertEquals(Arrays.asList(null, null, true, null), evaluate(new Or(nullBoolean, aIsNull)));
    assertEquals(Arrays.asList(null, null, null, null), evaluate(new Not(nullBoolean)));
  }

  @Test
  void andDoesNotEvaluateItsRightSideWhereTheLeftIsFalse() {
    Expression nonZero = new Not(compare(ComparisonOperator.EQUAL_TO, B, new Literal(0, DataTypes.IntegerType)));
    Expression remainderIsZero = compare(ComparisonOperator.EQUAL_TO,
        new BinaryArithmetic(ArithmeticOperator.REMAINDER, A, B), new Literal(0, DataTypes.IntegerType));
    assertEquals(Arrays.asList(false, true, null, false), evaluate(new And(nonZero, remainderIsZero)));
    int[] survivors = new VectorizedEvaluator(ANSI, allocator).filter(new And(nonZero, remainderIsZero), batch, null);
    assertArrayEquals(new int[] {1}, survivors);
  }

  @Test
  void castsFollowSpark() {
    assertEquals(Arrays.asList(1L, (long) Integer.MAX_VALUE, null, -7L), evaluate(Cast.implicit(A, DataTypes.LongType)));
    SparkException overflow = assertThrows(SparkException.class,
        () -> evaluate(Cast.implicit(BIG, DataTypes.IntegerType)));
    assertEquals("[CAST_OVERFLOW] The value 3000000000L of the type \"BIGINT\" cannot be cast to \"INT\" due to an "
        + "overflow. Use `try_cast` to tolerate overflow and return NULL instead. SQLSTATE: 22003",
        overflow.getMessage());
    assertEquals(Arrays.asList(-1294967296, 5, null, -1), evaluate(LEGACY, Cast.implicit(BIG, DataTypes.IntegerType), null));

    SparkException invalid = assertThrows(SparkException.class,
        () -> evaluate(Cast.implicit(S, DataTypes.IntegerType)));
    assertEquals("[CAST_INVALID_INPUT] The value 'a' of the type \"STRING\" cannot be cast to \"INT\" because it is "
        + "malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate "
        + "malformed input and return NULL instead. SQLSTATE: 22018", invalid.getMessage());
    assertEquals(Arrays.asList(null, null, null, null), evaluate(LEGACY, Cast.implicit(S, DataTypes.IntegerType), null));

    assertEquals(Arrays.asList("NaN", "-0.0", "1.5", null), evaluate(Cast.implicit(D, DataTypes.StringType)));
    assertEquals(Arrays.asList(new BigDecimal("1.00"), new BigDecimal("2147483647.00"), null, new BigDecimal("-7.00")),
        evaluate(Cast.implicit(A, new DecimalType(12, 2))));
  }

  @Test
  void decimalArithmeticRoundsHalfUpToTheResultScale() {
    Expression two = new Literal(new BigDecimal("2.00"), new DecimalType(10, 2));
    Expression three = new Literal(new BigDecimal("3.00"), new DecimalType(10, 2));
    // Spark 4.2: 2.00 / 3.00 is decimal(23,13) 0.6666666666667.
    assertEquals(new BigDecimal("0.6666666666667"),
        evaluate(new BinaryArithmetic(ArithmeticOperator.DIVIDE, two, three)).get(0));
  }

  @Test
  void literalsOfEveryTypeFillTheColumn() {
    assertEquals(Arrays.asList(true, true, true, true), evaluate(Literal.TRUE));
    assertEquals(Arrays.asList("x", "x", "x", "x"), evaluate(new Literal("x", DataTypes.StringType)));
    assertEquals(Arrays.asList(null, null, null, null), evaluate(Literal.nullOf(DataTypes.LongType)));
    assertEquals(4, evaluate(new Literal(19000, DataTypes.DateType)).size());
  }
}
