package dev.ember.codegen.interpreted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.HigherOrderFunction;
import dev.ember.planner.expressions.HigherOrderFunctionKind;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.NamedLambdaVariable;
import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Higher-order functions in the interpreted kernel over Arrow list and map vectors: null arrays,
 * null elements, outer columns in the body, nested lambdas, selected rows (a filter's survivors),
 * and no leaked buffers (the allocator is closed after each test).
 */
class HigherOrderFunctionEvaluatorTest {
  private static final ArrayType INTS = new ArrayType(DataTypes.IntegerType, true);
  private static final StructType SCHEMA = StructType.fromDDL(
      "a ARRAY<INT>, k INT, aa ARRAY<ARRAY<INT>>, m MAP<STRING, INT>");
  private static final Expression A = new BoundReference(0, INTS, true);
  private static final Expression K = new BoundReference(1, DataTypes.IntegerType, true);
  private static final Expression AA = new BoundReference(2, new ArrayType(INTS, true), true);
  private static final Expression M = new BoundReference(3, new MapType(DataTypes.StringType, DataTypes.IntegerType,
      true), true);

  private BufferAllocator allocator;
  private ColumnBatch batch;

  @BeforeEach
  void setUp() {
    allocator = Allocators.newRoot();
    batch = batch(
        new Object[] {List.of(1, 2), null, Arrays.asList(3, null), List.of()},
        new Object[] {10, 20, 30, null},
        new Object[] {List.of(List.of(1), List.of(2, 3)), List.of(), null, Arrays.asList((Object) null)},
        new Object[] {map("a", 1, "b", 2), null, map("c", null), map()});
  }

  @AfterEach
  void tearDown() {
    batch.close();
    allocator.close();
  }

  private static NestedValues.MapValue map(Object... keysAndValues) {
    List<Object> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      keys.add(keysAndValues[i]);
      values.add(keysAndValues[i + 1]);
    }
    return new NestedValues.MapValue(keys, values);
  }

  private ColumnBatch batch(Object[]... columns) {
    List<FieldVector> vectors = new ArrayList<>();
    for (int c = 0; c < SCHEMA.length(); c++) {
      FieldVector vector = ArrowTypes.allocateVector(SCHEMA.apply(c), allocator, columns[c].length);
      for (int r = 0; r < columns[c].length; r++) {
        NestedValues.write(vector, r, columns[c][r]);
      }
      vector.setValueCount(columns[c].length);
      vectors.add(vector);
    }
    return new ColumnBatch(SCHEMA, vectors, columns[0].length);
  }

  private List<Object> evaluate(Expression expression, int[] rows) {
    try (FieldVector result = new VectorizedEvaluator(new KernelOptions(true, true), allocator)
        .evaluate(expression, batch, rows)) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < result.getValueCount(); i++) {
        values.add(NestedValues.read(result, i));
      }
      return values;
    }
  }

  private static NamedLambdaVariable variable(String name, DataType type) {
    return NamedLambdaVariable.unbound(name).bind(type, true);
  }

  private static Expression plus(Expression left, Expression right) {
    return new BinaryArithmetic(ArithmeticOperator.ADD, left, right);
  }

  private static Expression call(HigherOrderFunctionKind kind, Expression... arguments) {
    return new HigherOrderFunction(kind, kind.name().toLowerCase(java.util.Locale.ROOT), List.of(arguments));
  }

  @Test
  void transformReadsOuterColumnsAndTheIndex() {
    NamedLambdaVariable x = variable("x", DataTypes.IntegerType);
    NamedLambdaVariable i = variable("i", DataTypes.IntegerType);
    Expression transform = call(HigherOrderFunctionKind.TRANSFORM, A,
        new LambdaFunction(plus(plus(x, K), i), List.of(x, i)));
    assertEquals(Arrays.asList(List.of(11, 13), null, Arrays.asList(33, null), List.of()), evaluate(transform, null));
    // Rows 2 and 3 only: outer values come from the selected rows.
    assertEquals(Arrays.asList(Arrays.asList(33, null), List.of()), evaluate(transform, new int[] {2, 3}));
  }

  @Test
  void nestedLambdasSeeTheOuterParameter() {
    NamedLambdaVariable outer = variable("x", INTS);
    NamedLambdaVariable inner = variable("y", DataTypes.IntegerType);
    Expression size = new dev.ember.planner.expressions.ScalarFunctionCall(
        dev.ember.planner.functions.CollectionFunctionDefinitions.ARRAY_SIZE, List.of(outer));
    Expression nested = call(HigherOrderFunctionKind.TRANSFORM, AA, new LambdaFunction(
        call(HigherOrderFunctionKind.TRANSFORM, outer, new LambdaFunction(plus(inner, size), List.of(inner))),
        List.of(outer)));
    assertEquals(Arrays.asList(List.of(List.of(2), List.of(4, 5)), List.of(), null, Arrays.asList((Object) null)),
        evaluate(nested, null));
  }

  @Test
  void filterExistsAndForallFollowThreeValuedLogic() {
    NamedLambdaVariable x = variable("x", DataTypes.IntegerType);
    Expression aboveOne = new LambdaFunction(
        new Comparison(ComparisonOperator.GREATER_THAN, x, Literal.fromJava(1)), List.of(x));
    assertEquals(Arrays.asList(List.of(2), null, List.of(3), List.of()),
        evaluate(call(HigherOrderFunctionKind.FILTER, A, aboveOne), null));
    assertEquals(Arrays.asList(true, null, true, false), evaluate(call(HigherOrderFunctionKind.EXISTS, A, aboveOne), null));
    assertEquals(Arrays.asList(false, null, null, true), evaluate(call(HigherOrderFunctionKind.FORALL, A, aboveOne), null));
    Expression isNull = new LambdaFunction(new IsNull(x), List.of(x));
    assertEquals(Arrays.asList(false, null, true, false), evaluate(call(HigherOrderFunctionKind.EXISTS, A, isNull), null));
  }

  @Test
  void aggregateFoldsInElementOrderThenFinishes() {
    NamedLambdaVariable accumulator = variable("acc", DataTypes.IntegerType);
    NamedLambdaVariable x = variable("x", DataTypes.IntegerType);
    NamedLambdaVariable result = variable("acc", DataTypes.IntegerType);
    // acc * 10 + x shows the order: [1, 2] gives 12.
    Expression merge = new LambdaFunction(plus(new BinaryArithmetic(ArithmeticOperator.MULTIPLY, accumulator,
        Literal.fromJava(10)), x), List.of(accumulator, x));
    Expression aggregate = call(HigherOrderFunctionKind.AGGREGATE, A, Literal.fromJava(0), merge,
        new LambdaFunction(plus(result, K), List.of(result)));
    assertEquals(Arrays.asList(22, null, null, null), evaluate(aggregate, null));
  }

  @Test
  void mapFunctionsSeeKeysAndValues() {
    NamedLambdaVariable key = NamedLambdaVariable.unbound("k").bind(DataTypes.StringType, false);
    NamedLambdaVariable value = variable("v", DataTypes.IntegerType);
    Expression positive = new LambdaFunction(new Comparison(ComparisonOperator.GREATER_THAN, value,
        Literal.fromJava(1)), List.of(key, value));
    assertEquals(Arrays.asList(map("b", 2), null, map(), map()),
        evaluate(call(HigherOrderFunctionKind.MAP_FILTER, M, positive), null));
    Expression plusK = new LambdaFunction(plus(value, K), List.of(key, value));
    assertEquals(Arrays.asList(map("a", 11, "b", 12), null, map("c", null), map()),
        evaluate(call(HigherOrderFunctionKind.TRANSFORM_VALUES, M, plusK), null));
    Expression nullKey = new LambdaFunction(value, List.of(key, value));
    SparkException error = assertThrows(SparkException.class,
        () -> evaluate(call(HigherOrderFunctionKind.TRANSFORM_KEYS, M, nullKey), null));
    assertEquals("NULL_MAP_KEY", error.getCondition());
  }

  @Test
  void theBodyRunsOnlyOnTheSelectedRowsElements() {
    NamedLambdaVariable x = variable("x", DataTypes.IntegerType);
    Expression remainder = call(HigherOrderFunctionKind.TRANSFORM, A, new LambdaFunction(new BinaryArithmetic(
        ArithmeticOperator.REMAINDER, K, new BinaryArithmetic(ArithmeticOperator.SUBTRACT, x, Literal.fromJava(1))),
        List.of(x)));
    assertEquals("REMAINDER_BY_ZERO", assertThrows(SparkException.class,
        () -> evaluate(remainder, new int[] {0})).getCondition());
    // Row 0's element 1 would divide by zero, but row 0 is not selected.
    assertEquals(Arrays.asList(Arrays.asList(0, null), List.of()), evaluate(remainder, new int[] {2, 3}));
  }
}
