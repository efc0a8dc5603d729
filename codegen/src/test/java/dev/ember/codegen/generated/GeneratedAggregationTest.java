package dev.ember.codegen.generated;

import static dev.ember.codegen.generated.TestBatches.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.codegen.interpreted.InterpretedKernels;
import dev.ember.codegen.spec.AccumulatorUpdate;
import dev.ember.codegen.spec.AggregateUpdate;
import dev.ember.codegen.spec.FilterStep;
import dev.ember.codegen.spec.KernelCompilationException;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.codegen.spec.ProjectStep;
import dev.ember.codegen.spec.StreamingStep;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.aggregate.AccumulatorKind;
import dev.ember.runtime.operators.aggregate.AccumulatorSpec;
import dev.ember.runtime.operators.aggregate.AggregationSpec;
import dev.ember.runtime.operators.aggregate.HashAggregateSink;
import dev.ember.runtime.operators.aggregate.HashAggregationTable;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Generated hash-aggregation updates against the interpreted kernels, through the real table and sink. */
class GeneratedAggregationTest {
  private static final DecimalType SMALL = new DecimalType(10, 2);
  private static final DecimalType WIDE = new DecimalType(30, 5);
  private static final StructType INPUT = new StructType()
      .add("k", DataTypes.StringType)
      .add("g", DataTypes.IntegerType)
      .add("v", DataTypes.LongType)
      .add("d", DataTypes.DoubleType)
      .add("m", SMALL)
      .add("w", WIDE)
      .add("b", DataTypes.BooleanType)
      .add("t", DataTypes.DateType);
  private static final Object[][] ROWS = {
      {"x", 1, 10L, 1.5, new BigDecimal("1.25"), new BigDecimal("100.00001"), true, 10},
      {"y", 1, null, Double.NaN, null, new BigDecimal("-5.00000"), false, null},
      {"x", 1, 5L, -0.0, new BigDecimal("-3.00"), null, null, 3},
      {null, 2, 7L, null, new BigDecimal("99999999.99"), new BigDecimal("1.00000"), true, 7},
      {"y", null, -2L, 2.5, new BigDecimal("0.01"), new BigDecimal("12345678901234567890.12345"), false, 1},
      {null, 2, null, 0.0, null, null, null, null},
      {"x", 1, 1L, 3.0, new BigDecimal("2.00"), new BigDecimal("0.50000"), false, 20}};

  /** Generated code that updates every accumulator per row instead of per batch. */
  private static final KernelOptions ROW_BY_ROW = new KernelOptions(true, false, ZoneOffset.UTC, false);

  private final BufferAllocator allocator = Allocators.newRoot();
  private final GeneratedKernels generated = new GeneratedKernels();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static BoundReference ref(int ordinal) {
    return new BoundReference(ordinal, INPUT.apply(ordinal).dataType(), true);
  }

  private record Aggregate(AccumulatorKind kind, Expression argument, DataType resultType) {}

  @Test
  void groupedAggregatesOfEveryKind() {
    List<Aggregate> aggregates = List.of(
        new Aggregate(AccumulatorKind.COUNT_ROWS, Literal.fromJava(1), DataTypes.LongType),
        new Aggregate(AccumulatorKind.COUNT, ref(2), DataTypes.LongType),
        new Aggregate(AccumulatorKind.SUM_LONG, ref(2), DataTypes.LongType),
        new Aggregate(AccumulatorKind.AVG_LONG, ref(2), DataTypes.DoubleType),
        new Aggregate(AccumulatorKind.SUM_DOUBLE, ref(3), DataTypes.DoubleType),
        new Aggregate(AccumulatorKind.AVG_DOUBLE, ref(3), DataTypes.DoubleType),
        new Aggregate(AccumulatorKind.SUM_DECIMAL, ref(4), new DecimalType(20, 2)),
        new Aggregate(AccumulatorKind.AVG_DECIMAL, ref(4), new DecimalType(14, 6)),
        new Aggregate(AccumulatorKind.SUM_DECIMAL, ref(5), new DecimalType(38, 5)),
        // m * m * m: decimal(21,4) then decimal(32,6), both held as 128-bit words, summed from the words.
        new Aggregate(AccumulatorKind.SUM_DECIMAL, new BinaryArithmetic(ArithmeticOperator.MULTIPLY,
            new BinaryArithmetic(ArithmeticOperator.MULTIPLY, ref(4), ref(4)), ref(4)), new DecimalType(38, 6)),
        new Aggregate(AccumulatorKind.MIN, ref(0), DataTypes.StringType),
        new Aggregate(AccumulatorKind.MAX, ref(0), DataTypes.StringType),
        new Aggregate(AccumulatorKind.MIN, ref(2), DataTypes.LongType),
        new Aggregate(AccumulatorKind.MAX, ref(3), DataTypes.DoubleType),
        new Aggregate(AccumulatorKind.MIN, ref(4), SMALL),
        new Aggregate(AccumulatorKind.MAX, ref(5), WIDE),
        new Aggregate(AccumulatorKind.MAX, ref(6), DataTypes.BooleanType),
        new Aggregate(AccumulatorKind.MIN, ref(7), DataTypes.DateType));
    List<List<Object>> rows = compare(List.of(ref(0), ref(1)), aggregates, List.of());
    assertEquals(4, rows.size(), "groups (x,1) (y,1) (null,2) (y,null): " + rows);
    // Group ("x", 1): 3 rows, v = 10, 5, 1.
    assertEquals(row("x", 1, 3L, 3L, 16L), rows.get(0).subList(0, 5));
  }

  @Test
  void globalAggregateAfterFilterAndProject() {
    // SELECT count(*), sum(v * 2), min(k) FROM t WHERE g = 1
    BoundReference v = ref(2);
    Expression doubled = new BinaryArithmetic(ArithmeticOperator.MULTIPLY, v, Literal.fromJava(2L));
    StructType projected = new StructType().add("k", DataTypes.StringType).add("v2", DataTypes.LongType);
    List<StreamingStep> steps = List.of(
        new FilterStep(new Comparison(ComparisonOperator.EQUAL_TO, ref(1), Literal.fromJava(1))),
        new ProjectStep(List.of(ref(0), doubled), projected));
    List<Aggregate> aggregates = List.of(
        new Aggregate(AccumulatorKind.COUNT_ROWS, null, DataTypes.LongType),
        new Aggregate(AccumulatorKind.SUM_LONG, new BoundReference(1, DataTypes.LongType, true), DataTypes.LongType),
        new Aggregate(AccumulatorKind.MIN, new BoundReference(0, DataTypes.StringType, true), DataTypes.StringType));
    List<List<Object>> rows = compare(List.of(), aggregates, steps);
    assertEquals(List.of(row(4L, 32L, "x")), rows);
  }

  @Test
  void statisticalAndObjectAggregatesAgreeWithTheInterpretedKernel() {
    List<Expression> keys = List.of(ref(0));
    Expression asDouble = ref(3);
    List<AccumulatorUpdate> updates = List.of(
        new AccumulatorUpdate(AccumulatorKind.COUNT, List.of(ref(2), ref(3))),
        new AccumulatorUpdate(AccumulatorKind.STDDEV_SAMP, asDouble),
        new AccumulatorUpdate(AccumulatorKind.KURTOSIS, asDouble),
        new AccumulatorUpdate(AccumulatorKind.COVAR_POP, List.of(asDouble, asDouble)),
        new AccumulatorUpdate(AccumulatorKind.BOOL_OR, ref(6)),
        new AccumulatorUpdate(AccumulatorKind.COUNT_IF, ref(6)),
        new AccumulatorUpdate(AccumulatorKind.OBJECT, List.of(ref(1))),
        new AccumulatorUpdate(AccumulatorKind.OBJECT, List.of(ref(4), ref(2))),
        new AccumulatorUpdate(AccumulatorKind.OBJECT, List.of(ref(2))),
        new AccumulatorUpdate(AccumulatorKind.OBJECT, List.of(ref(0))));
    List<AccumulatorSpec> accumulators = List.of(
        new AccumulatorSpec(AccumulatorKind.COUNT, DataTypes.LongType, DataTypes.LongType),
        new AccumulatorSpec(AccumulatorKind.STDDEV_SAMP, DataTypes.DoubleType, DataTypes.DoubleType),
        new AccumulatorSpec(AccumulatorKind.KURTOSIS, DataTypes.DoubleType, DataTypes.DoubleType),
        new AccumulatorSpec(AccumulatorKind.COVAR_POP, DataTypes.DoubleType, DataTypes.DoubleType),
        new AccumulatorSpec(AccumulatorKind.BOOL_OR, DataTypes.BooleanType, DataTypes.BooleanType),
        new AccumulatorSpec(AccumulatorKind.COUNT_IF, DataTypes.BooleanType, DataTypes.LongType),
        AccumulatorSpec.object(new dev.ember.runtime.operators.aggregate.FirstLastAggregate(
            ref(1).dataType(), false, false)),
        AccumulatorSpec.object(new dev.ember.runtime.operators.aggregate.ExtremeByAggregate(
            SMALL, DataTypes.LongType, true)),
        AccumulatorSpec.object(new dev.ember.runtime.operators.aggregate.DistinctAggregate(List.of(DataTypes.LongType),
            new AccumulatorSpec(AccumulatorKind.SUM_LONG, DataTypes.LongType, DataTypes.LongType))),
        AccumulatorSpec.object(new dev.ember.runtime.operators.aggregate.ApproxCountDistinctAggregate(
            DataTypes.StringType, 0.05)));
    StructType output = new StructType().add("key0", DataTypes.StringType);
    for (int i = 0; i < accumulators.size(); i++) {
      output = output.add("aggregate" + i, accumulators.get(i).resultType());
    }
    PipelineSpec spec = new PipelineSpec(4, INPUT, List.of(), new AggregateUpdate(keys, updates));
    List<List<Object>> rows = compareKernels(spec, new HashAggregateSink(new AggregationSpec(
        List.of(DataTypes.StringType), accumulators), output));
    assertEquals(3, rows.size(), "groups x, y and null: " + rows);
  }

  @Test
  void batchedAndRowByRowKernelsDifferOnlyInTheirLoops() {
    PipelineSpec spec = spec(List.of(ref(1)), List.of(
        new Aggregate(AccumulatorKind.COUNT_ROWS, null, DataTypes.LongType),
        new Aggregate(AccumulatorKind.SUM_LONG, ref(2), DataTypes.LongType)), List.of());
    String batched = ((GeneratedKernelFactory) generated.create(spec, KernelOptions.DEFAULT)).source();
    String rowByRow = ((GeneratedKernelFactory) generated.create(spec, ROW_BY_ROW)).source();
    assertTrue(batched.contains("accumulateBatch(batchGroups, batchRows, batchCount);"), batched);
    assertTrue(batched.contains("table.countAt(state, 0);") && batched.contains("table.sumLongAt(state, 1, "),
        batched);
    assertFalse(rowByRow.contains("accumulateBatch"), rowByRow);
    assertTrue(rowByRow.contains("accumulate(group, row);"), rowByRow);
  }

  @Test
  void computedProjectionColumnsKeepTheRowByRowUpdate() {
    // SELECT g, sum(v * 3), max(v * 3) FROM t GROUP BY g: the product lives in a field holding one row's value.
    Expression tripled = new BinaryArithmetic(ArithmeticOperator.MULTIPLY, ref(2), Literal.fromJava(3L));
    StructType projected = new StructType().add("g", DataTypes.IntegerType).add("v3", DataTypes.LongType);
    List<StreamingStep> steps = List.of(new ProjectStep(List.of(ref(1), tripled), projected));
    BoundReference product = new BoundReference(1, DataTypes.LongType, true);
    List<Aggregate> aggregates = List.of(
        new Aggregate(AccumulatorKind.SUM_LONG, product, DataTypes.LongType),
        new Aggregate(AccumulatorKind.MAX, product, DataTypes.LongType));
    List<List<Object>> rows = compare(List.of(new BoundReference(0, DataTypes.IntegerType, true)), aggregates, steps);
    assertEquals(List.of(row(1, 48L, 30L), row(2, 21L, 21L), row(null, -6L, -6L)), rows);
    String source = ((GeneratedKernelFactory) generated.create(spec(
        List.of(new BoundReference(0, DataTypes.IntegerType, true)), aggregates, steps), KernelOptions.DEFAULT)).source();
    assertFalse(source.contains("accumulateBatch"), source);
  }

  @Test
  void batchedLongSumStillFailsOnOverflowUnderAnsi() {
    // Rows 0 and 2 of group 1 hold 10 and 5; a third value of Long.MAX_VALUE in another batch overflows.
    Object[][] rows = {
        {"x", 1, 10L, 0.0, null, null, null, null},
        {"x", 1, Long.MAX_VALUE - 10, 0.0, null, null, null, null},
        {"x", 2, Long.MAX_VALUE, 0.0, null, null, null, null},
        {"x", 1, 1L, 0.0, null, null, null, null}};
    PipelineSpec spec = spec(List.of(ref(1)), List.of(
        new Aggregate(AccumulatorKind.SUM_LONG, ref(2), DataTypes.LongType)), List.of());
    HashAggregateSink sink = new HashAggregateSink(new AggregationSpec(List.of(DataTypes.IntegerType),
        List.of(new AccumulatorSpec(AccumulatorKind.SUM_LONG, DataTypes.LongType, DataTypes.LongType))),
        new StructType().add("key0", DataTypes.IntegerType).add("aggregate0", DataTypes.LongType));
    RuntimeException error = assertThrows(RuntimeException.class,
        () -> aggregate(sink, generated.create(spec, KernelOptions.DEFAULT), rows, 2));
    assertTrue(error.getMessage().startsWith("[ARITHMETIC_OVERFLOW]"), error.getMessage());
    // One row fewer fits exactly.
    List<List<Object>> sums = aggregate(sink, generated.create(spec, KernelOptions.DEFAULT),
        java.util.Arrays.copyOfRange(rows, 0, 3), 2);
    assertEquals(List.of(row(1, Long.MAX_VALUE), row(2, Long.MAX_VALUE)), sums);
  }

  @Test
  void batchedDecimalSumLeavingItsPrecisionFailsUnderAnsiAndIsNullWithout() {
    // sum(m) as decimal(11, 2): 999999999.99 is its largest value; 99999999.99 ten times fits, eleven do not.
    DecimalType sumType = new DecimalType(11, 2);
    Object[][] rows = new Object[11][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Object[] {"x", 1, null, null, new BigDecimal("99999999.99"), null, null, null};
    }
    rows[10][4] = new BigDecimal("0.01");
    PipelineSpec spec = spec(List.of(ref(1)), List.of(new Aggregate(AccumulatorKind.SUM_DECIMAL, ref(4), sumType)),
        List.of());
    HashAggregateSink ansi = decimalSumSink(sumType, true);
    assertEquals(List.of(row(1, new BigDecimal("999999999.91"))),
        aggregate(ansi, generated.create(spec, KernelOptions.DEFAULT), rows, 4));
    rows[10][4] = new BigDecimal("0.10");
    RuntimeException error = assertThrows(RuntimeException.class,
        () -> aggregate(ansi, generated.create(spec, KernelOptions.DEFAULT), rows, 4));
    assertTrue(error.getMessage().startsWith("[ARITHMETIC_OVERFLOW] Overflow in sum of decimals"), error.getMessage());
    KernelOptions legacy = new KernelOptions(false, false, ZoneOffset.UTC, true);
    assertEquals(List.of(row(1, null)),
        aggregate(decimalSumSink(sumType, false), generated.create(spec, legacy), rows, 4));
  }

  private static HashAggregateSink decimalSumSink(DecimalType sumType, boolean ansi) {
    return new HashAggregateSink(new AggregationSpec(List.of(DataTypes.IntegerType),
        List.of(new AccumulatorSpec(AccumulatorKind.SUM_DECIMAL, SMALL, sumType))),
        new StructType().add("key0", DataTypes.IntegerType).add("aggregate0", sumType), ansi);
  }

  @Test
  void literalStringKeyFallsBack() {
    List<Aggregate> aggregates = List.of(new Aggregate(AccumulatorKind.COUNT_ROWS, null, DataTypes.LongType));
    PipelineSpec spec = spec(List.of(Literal.fromJava("constant")), aggregates, List.of());
    assertThrows(KernelCompilationException.class, () -> generated.create(spec, KernelOptions.DEFAULT));
  }

  private static PipelineSpec spec(List<Expression> keys, List<Aggregate> aggregates, List<StreamingStep> steps) {
    List<AccumulatorUpdate> updates = new ArrayList<>();
    for (Aggregate aggregate : aggregates) {
      updates.add(new AccumulatorUpdate(aggregate.kind(), aggregate.argument()));
    }
    return new PipelineSpec(4, INPUT, steps, new AggregateUpdate(keys, updates));
  }

  private List<List<Object>> compare(List<Expression> keys, List<Aggregate> aggregates, List<StreamingStep> steps) {
    PipelineSpec spec = spec(keys, aggregates, steps);
    List<DataType> keyTypes = new ArrayList<>();
    StructType output = new StructType();
    for (int i = 0; i < keys.size(); i++) {
      keyTypes.add(keys.get(i).dataType());
      output = output.add("key" + i, keys.get(i).dataType());
    }
    List<AccumulatorSpec> accumulators = new ArrayList<>();
    for (int i = 0; i < aggregates.size(); i++) {
      Aggregate aggregate = aggregates.get(i);
      DataType input = aggregate.argument() == null ? DataTypes.NullType : aggregate.argument().dataType();
      accumulators.add(new AccumulatorSpec(aggregate.kind(), input, aggregate.resultType()));
      output = output.add("aggregate" + i, aggregate.resultType());
    }
    return compareKernels(spec, new HashAggregateSink(new AggregationSpec(keyTypes, accumulators), output));
  }

  private List<List<Object>> compareKernels(PipelineSpec spec, HashAggregateSink sink) {
    List<List<Object>> interpreted = aggregate(sink,
        InterpretedKernels.create(spec, new KernelOptions(true, true)));
    List<List<Object>> raw = aggregate(sink, generated.create(spec, new KernelOptions(true, false)));
    List<List<Object>> checked = aggregate(sink, generated.create(spec, new KernelOptions(true, true)));
    List<List<Object>> rowByRow = aggregate(sink, generated.create(spec, ROW_BY_ROW));
    assertEquals(interpreted, raw, "raw generated vs interpreted");
    assertEquals(interpreted, checked, "checked generated vs interpreted");
    assertEquals(interpreted, rowByRow, "generated row by row vs interpreted");
    return raw;
  }

  private List<List<Object>> aggregate(HashAggregateSink sink, KernelFactory factory) {
    return aggregate(sink, factory, ROWS, 3);
  }

  /** Aggregates {@code rows} in two batches split at {@code split}, so the table sees keys across batches. */
  private List<List<Object>> aggregate(HashAggregateSink sink, KernelFactory factory, Object[][] input, int split) {
    HashAggregationTable table = sink.createPartition(allocator);
    PipelineKernel kernel = factory.create(table, allocator);
    try (ColumnBatch first = TestBatches.batch(allocator, INPUT, java.util.Arrays.copyOfRange(input, 0, split));
        ColumnBatch second = TestBatches.batch(allocator, INPUT, java.util.Arrays.copyOfRange(input, split, input.length))) {
      kernel.process(first);
      kernel.process(second);
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
    kernel.finish();
    try (BatchSource source = sink.finish(List.of(table), allocator);
        QueryResult result = QueryResult.drain(source, allocator)) {
      List<List<Object>> rows = new ArrayList<>();
      for (ColumnBatch batch : result.batches()) {
        rows.addAll(TestBatches.rows(batch));
      }
      return rows;
    }
  }
}
