package dev.ember.codegen.interpreted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import dev.ember.codegen.TestBatches;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.TryEval;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TRY_CAST and try evaluation in the interpreted kernel, with ANSI on and off (results as Spark 4.2 gives them). */
class TryEvaluationTest {
  private static final KernelOptions ANSI = new KernelOptions(true, true);
  private static final KernelOptions LEGACY = new KernelOptions(false, true);
  private static final StructType SCHEMA = StructType.fromDDL("i INT, s STRING, d DOUBLE");
  private static final Expression I = new BoundReference(0, DataTypes.IntegerType, true);
  private static final Expression S = new BoundReference(1, DataTypes.StringType, true);
  private static final Expression D = new BoundReference(2, DataTypes.DoubleType, true);

  private BufferAllocator allocator;
  private ColumnBatch batch;

  @BeforeEach
  void setUp() {
    allocator = Allocators.newRoot();
    batch = TestBatches.batch(allocator, SCHEMA,
        new Object[] {300, 7, null, Integer.MAX_VALUE},
        new Object[] {"12", "x", null, "1.5"},
        new Object[] {1e20, 3.7, null, Double.NaN});
  }

  @AfterEach
  void tearDown() {
    batch.close();
    allocator.close(); // fails when a vector leaked, also on the row-by-row path
  }

  private List<Object> evaluate(KernelOptions options, Expression expression) {
    try (FieldVector result = new VectorizedEvaluator(options, allocator).evaluate(expression, batch, null)) {
      return TestBatches.values(result);
    }
  }

  @Test
  void tryCastGivesNullWhereTheAnsiCastFailsWhateverTheSetting() {
    for (KernelOptions options : List.of(ANSI, LEGACY)) {
      assertEquals(Arrays.asList(null, (byte) 7, null, null), evaluate(options, Cast.tryCast(I, DataTypes.ByteType)));
      assertEquals(Arrays.asList(12, null, null, null), evaluate(options, Cast.tryCast(S, DataTypes.IntegerType)));
      assertEquals(Arrays.asList(null, 3L, null, null), evaluate(options, Cast.tryCast(D, DataTypes.LongType)));
      assertEquals(Arrays.asList(new BigDecimal("12.0"), null, null, new BigDecimal("1.5")),
          evaluate(options, Cast.tryCast(S, DataTypes.createDecimalType(3, 1))));
    }
    // The legacy cast wraps where TRY_CAST gives null.
    assertEquals(Arrays.asList((byte) 44, (byte) 7, null, (byte) -1),
        evaluate(LEGACY, new Cast(I, DataTypes.ByteType, true, true)));
  }

  @Test
  void tryEvaluationNullsTheOperationsErrorsOnlyRowByRow() {
    Expression plusOne = new TryEval(new BinaryArithmetic(ArithmeticOperator.ADD, I,
        new Literal(1, DataTypes.IntegerType)));
    for (KernelOptions options : List.of(ANSI, LEGACY)) {
      assertEquals(Arrays.asList(301, 8, null, null), evaluate(options, plusOne));
    }
    Expression failingInput = new TryEval(new BinaryArithmetic(ArithmeticOperator.ADD,
        new Cast(I, DataTypes.ByteType, true, true), new Literal((byte) 1, DataTypes.ByteType)));
    assertThrows(SparkException.class, () -> evaluate(ANSI, failingInput), "an input's error is raised");
    // With ANSI off the input wraps (300 is 44, 2147483647 is -1) and only the addition is under try.
    assertEquals(Arrays.asList((byte) 45, (byte) 8, null, (byte) 0), evaluate(LEGACY, failingInput));
    Expression byteOverflow = new TryEval(new BinaryArithmetic(ArithmeticOperator.ADD,
        new Literal((byte) 127, DataTypes.ByteType), new Cast(I, DataTypes.ByteType, true, true)));
    // 127 + 44 and 127 + 7 overflow a tinyint even with ANSI off; 127 + -1 does not.
    assertEquals(Arrays.asList(null, null, null, (byte) 126), evaluate(LEGACY, byteOverflow));
  }
}
