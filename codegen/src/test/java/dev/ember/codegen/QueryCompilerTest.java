package dev.ember.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.codegen.spec.HasSource;
import dev.ember.codegen.spec.InvalidKernelSourceException;
import dev.ember.codegen.spec.KernelCompilationException;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.logical.RangeRelation;
import dev.ember.planner.physical.FilterExec;
import dev.ember.planner.physical.HashAggregateExec;
import dev.ember.planner.physical.LimitExec;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.ProjectExec;
import dev.ember.planner.physical.RangeExec;
import dev.ember.planner.physical.ScanExec;
import dev.ember.planner.physical.SortExec;
import dev.ember.planner.physical.TakeOrderedExec;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.planner.sources.TableSource;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.scheduler.PipelineExecutor;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryCompilerTest {
  private static final QueryCompilerSettings SETTINGS = new QueryCompilerSettings(
      new KernelOptions(true, true), true, new ScanSettings(ZoneOffset.UTC, 1 << 20), 7);

  private BufferAllocator allocator;

  @BeforeEach
  void setUp() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void tearDown() {
    allocator.close(); // fails when any buffer leaked
  }

  private List<List<Object>> run(PhysicalPlan plan, int parallelism) {
    CompiledQuery query = new QueryCompiler().compile(plan, SETTINGS);
    try (PipelineExecutor executor = new PipelineExecutor(parallelism);
        QueryResult result = QueryResult.drain(executor.run(query.root(), allocator), allocator)) {
      return TestBatches.rows(result);
    }
  }

  private static final AttributeReference ID = AttributeReference.create("id", DataTypes.LongType, false);

  private static RangeExec range(long start, long end) {
    return new RangeExec(new RangeRelation(start, end, 1, 1, ID));
  }

  private static Literal longLiteral(long value) {
    return new Literal(value, DataTypes.LongType);
  }

  /** range(0, 100) where id % 2 = 0, grouped by id % 3: count, sum, min, max, avg; sorted by key. */
  private static PhysicalPlan groupedEvens() {
    Expression even = new Comparison(ComparisonOperator.EQUAL_TO,
        new BinaryArithmetic(ArithmeticOperator.REMAINDER, ID, longLiteral(2)), longLiteral(0));
    Alias key = Alias.of(new BinaryArithmetic(ArithmeticOperator.REMAINDER, ID, longLiteral(3)), "k");
    Alias count = Alias.of(new AggregateCall(AggregateFunction.COUNT, new Literal(1, DataTypes.IntegerType), false),
        "count(1)");
    Alias sum = Alias.of(new AggregateCall(AggregateFunction.SUM, ID, false), "sum(id)");
    Alias min = Alias.of(new AggregateCall(AggregateFunction.MIN, ID, false), "min(id)");
    Alias max = Alias.of(new AggregateCall(AggregateFunction.MAX, ID, false), "max(id)");
    Alias avg = Alias.of(new AggregateCall(AggregateFunction.AVG, ID, false), "avg(id)");
    HashAggregateExec aggregate = new HashAggregateExec(List.of(key), List.of(count, sum, min, max, avg),
        List.of(key.toAttribute(), count.toAttribute(), sum.toAttribute(), min.toAttribute(), max.toAttribute(),
            avg.toAttribute()),
        new FilterExec(even, range(0, 100)));
    return new SortExec(List.of(SortOrder.ascending(key.toAttribute())), aggregate);
  }

  private static List<List<Object>> expectedGroupedEvens() {
    List<List<Object>> expected = new ArrayList<>();
    for (long k = 0; k < 3; k++) {
      long count = 0;
      long sum = 0;
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (long id = 0; id < 100; id++) {
        if (id % 2 == 0 && id % 3 == k) {
          count++;
          sum += id;
          min = Math.min(min, id);
          max = Math.max(max, id);
        }
      }
      expected.add(Arrays.asList(k, count, sum, min, max, (double) sum / count));
    }
    return expected;
  }

  @Test
  void filterAggregateSortGivesTheSameRowsWithOneOrTwoWorkers() {
    assertEquals(expectedGroupedEvens(), run(groupedEvens(), 1));
    assertEquals(expectedGroupedEvens(), run(groupedEvens(), 2));
  }

  @Test
  void limitKeepsTheFirstRowsInSourceOrder() {
    Alias doubled = Alias.of(new BinaryArithmetic(ArithmeticOperator.MULTIPLY, ID, longLiteral(2)), "doubled");
    PhysicalPlan plan = new LimitExec(5, new ProjectExec(List.of(doubled), range(0, 100)));
    List<List<Object>> expected = List.of(List.of(0L), List.of(2L), List.of(4L), List.of(6L), List.of(8L));
    assertEquals(expected, run(plan, 1));
    assertEquals(expected, run(plan, 2));
  }

  @Test
  void globalAggregateOfEmptyInputGivesOneRow() {
    Alias count = Alias.of(new AggregateCall(AggregateFunction.COUNT, new Literal(1, DataTypes.IntegerType), false),
        "count(1)");
    Alias sum = Alias.of(new AggregateCall(AggregateFunction.SUM, ID, false), "sum(id)");
    PhysicalPlan plan = new HashAggregateExec(List.of(), List.of(count, sum),
        List.of(count.toAttribute(), sum.toAttribute()),
        new FilterExec(new Comparison(ComparisonOperator.LESS_THAN, ID, longLiteral(0)), range(0, 50)));
    assertEquals(List.of(Arrays.asList(0L, null)), run(plan, 2));
  }

  @Test
  void overflowInAPipelineFailsTheQueryWithSparksError() {
    Alias huge = Alias.of(new BinaryArithmetic(ArithmeticOperator.ADD, ID, longLiteral(Long.MAX_VALUE)), "huge");
    PhysicalPlan plan = new ProjectExec(List.of(huge), range(0, 20));
    SparkException error = assertThrows(SparkException.class, () -> run(plan, 2));
    assertEquals("ARITHMETIC_OVERFLOW", error.getCondition());
  }

  @Test
  void scanGroupsStringsAndTakesTopN() {
    StructType schema = StructType.fromDDL("name STRING, score INT");
    FakeTable table = new FakeTable(schema, List.of(
        new Object[][] {{"ann", "bob", "ann", null}, {10, 3, null, 4}},
        new Object[][] {{"cy", "bob", "ann"}, {1, 9, 5}}));
    List<AttributeReference> output = List.of(
        AttributeReference.create("name", DataTypes.StringType, true),
        AttributeReference.create("score", DataTypes.IntegerType, true));
    ScanExec scan = new ScanExec(table, output, List.of(0, 1));
    AttributeReference name = output.get(0);
    Alias total = Alias.of(new AggregateCall(AggregateFunction.SUM, output.get(1), false), "total");
    Alias scored = Alias.of(new AggregateCall(AggregateFunction.COUNT, output.get(1), false), "scored");
    HashAggregateExec aggregate = new HashAggregateExec(List.of(name), List.of(total, scored),
        List.of(name, total.toAttribute(), scored.toAttribute()), scan);
    PhysicalPlan plan = new TakeOrderedExec(2, List.of(SortOrder.descending(total.toAttribute())), aggregate);
    List<List<Object>> expected = List.of(Arrays.asList("ann", 15L, 2L), Arrays.asList("bob", 12L, 2L));
    assertEquals(expected, run(plan, 1));
    assertEquals(expected, run(plan, 2));
  }

  @Test
  void castFromStringFailsWithCastInvalidInput() {
    StructType schema = StructType.fromDDL("text STRING");
    FakeTable table = new FakeTable(schema, List.<Object[][]>of(new Object[][] {{"12", "x1"}}));
    AttributeReference text = AttributeReference.create("text", DataTypes.StringType, true);
    Alias number = Alias.of(Cast.implicit(text, DataTypes.IntegerType), "n");
    PhysicalPlan plan = new ProjectExec(List.of(number), new ScanExec(table, List.of(text), List.of(0)));
    SparkException error = assertThrows(SparkException.class, () -> run(plan, 1));
    assertEquals("CAST_INVALID_INPUT", error.getCondition());
  }

  @Test
  void failedCodegenFallsBackToInterpretedAndIsExplained() {
    QueryCompiler compiler = new QueryCompiler((spec, options) -> {
      if (spec.pipelineId() == 1) {
        throw new KernelCompilationException("method too large");
      }
      return new SourcedKernels(spec.pipelineId());
    });
    CompiledQuery query = compiler.compile(groupedEvens(), SETTINGS);
    assertEquals(List.of(1, 2), query.specs().stream().map(spec -> spec.pipelineId()).toList());
    assertEquals("method too large", query.fallbacks().get(1));
    String pipelines = query.explainPipelines();
    assertTrue(pipelines.startsWith("Pipeline 1: source=Range (0, 100, step=1, splits=1) steps=[Filter "), pipelines);
    assertTrue(pipelines.contains("kernel=interpreted (vectorized) (codegen failed: method too large)"), pipelines);
    // The results are the table columns as they are, so no projection is fused.
    assertTrue(pipelines.contains("Pipeline 2: source=pipeline 1 steps=[] sink=Sort"), pipelines);
    assertTrue(pipelines.contains("kernel=generated test kernel 2"), pipelines);
    String codegen = query.explainCodegen();
    assertTrue(codegen.contains("== Pipeline 1: interpreted (vectorized) =="), codegen);
    assertTrue(codegen.contains("== Pipeline 2: generated test kernel 2 ==\nclass Pipeline2 {}\n"), codegen);

    CompiledQuery disabled = compiler.compile(groupedEvens(),
        new QueryCompilerSettings(SETTINGS.kernelOptions(), false, SETTINGS.scanSettings(), 7));
    assertTrue(disabled.fallbacks().isEmpty());
    assertTrue(disabled.explainPipelines().lines().allMatch(line -> line.endsWith("kernel=interpreted (vectorized)")));
  }

  @Test
  void withoutFallbackSourceThatDoesNotCompileFailsTheQuery() {
    QueryCompiler compiler = new QueryCompiler((spec, options) -> {
      if (spec.pipelineId() == 2) {
        throw new InvalidKernelSourceException("Janino could not compile EmberPipeline2: bad", null);
      }
      if (spec.pipelineId() == 1) {
        throw new KernelCompilationException("method too large");
      }
      return new SourcedKernels(spec.pipelineId());
    });
    QueryCompilerSettings noFallback = new QueryCompilerSettings(SETTINGS.kernelOptions(), true,
        SETTINGS.scanSettings(), 7, false, SETTINGS.sortSpill(), false);
    InvalidKernelSourceException error = assertThrows(InvalidKernelSourceException.class,
        () -> compiler.compile(groupedEvens(), noFallback));
    assertTrue(error.getMessage().startsWith("The generated kernel of pipeline 2 does not compile and "
        + "spark.sql.codegen.fallback is false: Janino could not compile EmberPipeline2: bad"), error.getMessage());

    CompiledQuery withFallback = compiler.compile(groupedEvens(), SETTINGS);
    assertEquals(Map.of(1, "method too large", 2, "Janino could not compile EmberPipeline2: bad"),
        withFallback.fallbacks());
  }

  /** Stands in for a generated kernel factory; never run. */
  private record SourcedKernels(int pipelineId) implements KernelFactory, HasSource {
    @Override
    public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
      throw new UnsupportedOperationException("explain-only test kernel");
    }

    @Override
    public String describe() {
      return "generated test kernel " + pipelineId;
    }

    @Override
    public String source() {
      return "class Pipeline" + pipelineId + " {}";
    }
  }

  /** A table of in-memory batches, built anew (from Java values) for each morsel that is opened. */
  private static final class FakeTable implements TableSource {
    private final StructType schema;
    private final List<Object[][]> batches;

    FakeTable(StructType schema, List<Object[][]> batches) {
      this.schema = schema;
      this.batches = batches;
    }

    @Override
    public StructType schema() {
      return schema;
    }

    @Override
    public String formatName() {
      return "memory";
    }

    @Override
    public String describe() {
      return batches.size() + " batches";
    }

    @Override
    public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
      StructField[] fields = new StructField[columns.length];
      for (int i = 0; i < columns.length; i++) {
        fields[i] = schema.apply(columns[i]);
      }
      StructType projected = new StructType(fields);
      List<Morsel> morsels = new ArrayList<>();
      for (int i = 0; i < batches.size(); i++) {
        int index = i;
        morsels.add(() -> "batch " + index);
      }
      return new BatchSource() {
        @Override
        public StructType schema() {
          return projected;
        }

        @Override
        public List<Morsel> morsels() {
          return morsels;
        }

        @Override
        public BatchStream open(Morsel morsel, BufferAllocator allocator) {
          Object[][] data = batches.get(morsels.indexOf(morsel));
          Object[][] selected = new Object[columns.length][];
          for (int i = 0; i < columns.length; i++) {
            selected[i] = data[columns[i]];
          }
          return new BatchStream() {
            private boolean done;

            @Override
            public ColumnBatch next() {
              if (done) {
                return null;
              }
              done = true;
              return TestBatches.batch(allocator, projected, selected);
            }

            @Override
            public void close() {}
          };
        }
      };
    }
  }
}
