package dev.ember.codegen.generated;

import static dev.ember.codegen.generated.TestBatches.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.codegen.spec.BatchOutput;
import dev.ember.codegen.spec.FilterStep;
import dev.ember.codegen.spec.HasSource;
import dev.ember.codegen.spec.KernelCompilationException;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.codegen.spec.ProjectStep;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider's contract: source, caching, size limits, fallbacks, memory ownership. */
class GeneratedKernelsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/generated/filter-project-output.java.txt");
  private static final StructType INPUT = new StructType()
      .add("a", DataTypes.IntegerType)
      .add("s", DataTypes.StringType)
      .add("d", DataTypes.DoubleType, false);
  private static final BoundReference A = new BoundReference(0, DataTypes.IntegerType, true);
  private static final BoundReference S = new BoundReference(1, DataTypes.StringType, true);
  private static final BoundReference D = new BoundReference(2, DataTypes.DoubleType, false);

  private final BufferAllocator allocator = Allocators.newRoot();
  private final GeneratedKernels kernels = new GeneratedKernels();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** WHERE a > 1 AND NOT s = 'x' SELECT a + 10 AS b, s, d * 2.0 AS e, then hand batches on. */
  private static PipelineSpec smallPipeline(int id, Object limit, String excluded) {
    StructType output = new StructType().add("b", DataTypes.IntegerType).add("s", DataTypes.StringType)
        .add("e", DataTypes.DoubleType, false);
    return new PipelineSpec(id, INPUT,
        List.of(new FilterStep(new And(new Comparison(ComparisonOperator.GREATER_THAN, A, Literal.fromJava(limit)),
                new Not(new Comparison(ComparisonOperator.EQUAL_TO, S, Literal.fromJava(excluded))))),
            new ProjectStep(List.of(new BinaryArithmetic(ArithmeticOperator.ADD, A, Literal.fromJava(10)), S,
                new BinaryArithmetic(ArithmeticOperator.MULTIPLY, D, Literal.fromJava(2.0))), output)),
        new BatchOutput(output));
  }

  private static final Object[][] ROWS = {{1, "a", 1.0}, {2, "x", 2.0}, {3, null, 3.0}, {null, "b", 4.0},
      {5, "é", -0.5}};

  @Test
  void runsAFusedPipelineInBothMemoryModes() {
    for (boolean checked : new boolean[] {false, true}) {
      List<List<Object>> rows = KernelRunner.run(kernels, smallPipeline(3, 1, "x"), new KernelOptions(true, checked),
          allocator, ROWS, new Object[0][], ROWS);
      // Row 3 has a null s: NOT (null = 'x') is null, so the row is dropped, as in SQL.
      assertEquals(List.of(row(15, "é", -1.0), row(15, "é", -1.0)), rows, "checked=" + checked);
    }
  }

  @Test
  void sourceMatchesTheGoldenFile() throws IOException {
    KernelFactory factory = kernels.create(smallPipeline(3, 1, "x"), KernelOptions.DEFAULT);
    String source = ((HasSource) factory).source();
    if (Boolean.getBoolean("ember.golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, source, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), source,
        "generated source changed; rerun with -Dember.golden.update=true if intended");
    assertEquals("generated: EmberPipeline3", factory.describe());
    assertTrue(source.contains("public final class EmberPipeline3 implements PipelineKernel"));
  }

  @Test
  void identicalPipelinesCompileOnce() {
    KernelFactory first = kernels.create(smallPipeline(3, 1, "x"), KernelOptions.DEFAULT);
    KernelFactory again = kernels.create(smallPipeline(3, 1, "x"), KernelOptions.DEFAULT);
    assertEquals(1, kernels.compilations());
    // Another pipeline id and another string literal (passed at run time) reuse the class too.
    KernelFactory renamed = kernels.create(smallPipeline(9, 1, "zz"), KernelOptions.DEFAULT);
    assertEquals(1, kernels.compilations());
    assertSame(((GeneratedKernelFactory) first).kernelClass(), ((GeneratedKernelFactory) renamed).kernelClass());
    assertTrue(((HasSource) renamed).source().contains("class EmberPipeline9 "));
    assertEquals(List.of(row(15, "é", -1.0)), KernelRunner.run(again, INPUT, allocator, ROWS));
    assertEquals(List.of(row(12, "x", 4.0), row(15, "é", -1.0)), KernelRunner.run(renamed, INPUT, allocator, ROWS));
    // A different number literal is part of the code: a new class.
    KernelFactory other = kernels.create(smallPipeline(3, 2, "x"), KernelOptions.DEFAULT);
    assertEquals(2, kernels.compilations());
    assertNotSame(((GeneratedKernelFactory) first).kernelClass(), ((GeneratedKernelFactory) other).kernelClass());
  }

  @Test
  void aHugeExpressionIsRejectedForTheJitLimit() {
    // A balanced tree of 512 additions (BinaryArithmetic.dataType() is exponential in a deep chain).
    Expression sum = balancedSum(9);
    StructType output = new StructType().add("sum", DataTypes.IntegerType);
    PipelineSpec spec = new PipelineSpec(5, INPUT, List.of(new ProjectStep(List.of(sum), output)),
        new BatchOutput(output));
    KernelCompilationException e = assertThrows(KernelCompilationException.class,
        () -> kernels.create(spec, KernelOptions.DEFAULT));
    assertTrue(e.getMessage().contains("EmberPipeline5.project0Column0 ") && e.getMessage().contains("bytes of bytecode"),
        e.getMessage());
    assertEquals(0, kernels.compilations());
  }

  private static Expression balancedSum(int depth) {
    return depth == 0 ? A
        : new BinaryArithmetic(ArithmeticOperator.ADD, balancedSum(depth - 1), balancedSum(depth - 1));
  }

  @Test
  void manyColumnsAreSplitIntoMethodsBelowTheLimit() {
    List<Expression> columns = new ArrayList<>();
    StructType output = new StructType();
    for (int i = 0; i < 300; i++) {
      columns.add(new BinaryArithmetic(ArithmeticOperator.MULTIPLY, A, Literal.fromJava(i)));
      output = output.add("c" + i, DataTypes.IntegerType);
    }
    PipelineSpec spec = new PipelineSpec(6, INPUT, List.of(new ProjectStep(columns, output)), new BatchOutput(output));
    KernelFactory factory = kernels.create(spec, KernelOptions.DEFAULT);
    assertTrue(((HasSource) factory).source().contains("private void writeRow_1(int row, int outputRow)"));
    List<List<Object>> rows = KernelRunner.run(factory, INPUT, allocator, new Object[][] {{2, "a", 1.0}});
    assertEquals(598, rows.get(0).get(299));
  }

  @Test
  void unsupportedExpressionsFallBack() {
    StructType output = new StructType().add("x", DataTypes.DateType);
    PipelineSpec spec = new PipelineSpec(8, INPUT,
        // No engine casts an int to a date (the analyzer rejects it); the generator leaves it to the interpreter.
        List.of(new ProjectStep(List.of(new dev.ember.planner.expressions.Cast(A, DataTypes.DateType, true, true)),
            output)), new BatchOutput(output));
    assertThrows(KernelCompilationException.class, () -> kernels.create(spec, KernelOptions.DEFAULT));
  }

  @Test
  void aFailingBatchReleasesItsOutputAndTheKernelStaysUsable() {
    StructType output = new StructType().add("b", DataTypes.IntegerType);
    PipelineSpec spec = new PipelineSpec(2, INPUT, List.of(new ProjectStep(
        List.of(new BinaryArithmetic(ArithmeticOperator.ADD, A, Literal.fromJava(1))), output)),
        new BatchOutput(output));
    for (boolean checked : new boolean[] {false, true}) {
      KernelFactory factory = kernels.create(spec, new KernelOptions(true, checked));
      try (TestBatches.CollectingPartition partition = new TestBatches.CollectingPartition()) {
        PipelineKernel kernel = factory.create(partition, allocator);
        try (ColumnBatch bad = TestBatches.batch(allocator, INPUT, new Object[] {1, "a", 1.0},
            new Object[] {Integer.MAX_VALUE, "b", 2.0})) {
          long before = allocator.getAllocatedMemory();
          SparkException e = assertThrows(SparkException.class, () -> kernel.process(bad));
          assertEquals("ARITHMETIC_OVERFLOW", e.getCondition());
          assertEquals(before, allocator.getAllocatedMemory(), "output vectors of the failed batch leaked");
        }
        try (ColumnBatch good = TestBatches.batch(allocator, INPUT, new Object[] {4, "c", 1.0})) {
          assertTrue(kernel.process(good));
        }
        assertEquals(List.of(row(5)), partition.rows());
      }
    }
  }

  @Test
  void processReportsWhenTheConsumerWantsNoMore() {
    KernelFactory factory = kernels.create(smallPipeline(3, 0, "x"), KernelOptions.DEFAULT);
    try (TestBatches.CollectingPartition partition = new TestBatches.CollectingPartition(1)) {
      PipelineKernel kernel = factory.create(partition, allocator);
      try (ColumnBatch batch = TestBatches.batch(allocator, INPUT, ROWS)) {
        assertFalse(kernel.process(batch));
      }
      // Batches where no row survives are released, not handed on.
      try (ColumnBatch none = TestBatches.batch(allocator, INPUT, new Object[] {null, "a", 1.0})) {
        assertTrue(kernel.process(none));
      }
      assertEquals(1, partition.batches.size());
    }
  }

  @Test
  void projectionsOfProjectionsAndFiltersOnComputedColumns() {
    // SELECT c + 1 FROM (SELECT a * 2 AS c, s FROM t) WHERE c > 4
    StructType inner = new StructType().add("c", DataTypes.IntegerType).add("s", DataTypes.StringType);
    BoundReference c = new BoundReference(0, DataTypes.IntegerType, true);
    StructType outer = new StructType().add("c1", DataTypes.IntegerType).add("s", DataTypes.StringType)
        .add("k", DataTypes.LongType, false);
    PipelineSpec spec = new PipelineSpec(11, INPUT, List.of(
        new ProjectStep(List.of(new BinaryArithmetic(ArithmeticOperator.MULTIPLY, A, Literal.fromJava(2)), S), inner),
        new FilterStep(new Comparison(ComparisonOperator.GREATER_THAN, c, Literal.fromJava(4))),
        new ProjectStep(List.of(new BinaryArithmetic(ArithmeticOperator.ADD, c, Literal.fromJava(1)),
            new BoundReference(1, DataTypes.StringType, true), Literal.fromJava(7L)), outer)),
        new BatchOutput(outer));
    Differential differential = new Differential(kernels, allocator);
    List<List<Object>> rows = differential.run(spec, true, ROWS);
    assertEquals(List.of(row(7, null, 7L), row(11, "é", 7L)), rows);
  }
}
