package dev.ember.codegen.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.codegen.CompiledQuery;
import dev.ember.codegen.QueryCompiler;
import dev.ember.codegen.QueryCompilerSettings;
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
import dev.ember.planner.physical.SortExec;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.runtime.scheduler.PipelineExecutor;
import dev.ember.sql.types.DataTypes;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whole queries through the query compiler and executor: generated kernels give the interpreted rows. */
class GeneratedQueryTest {
  private static final AttributeReference ID = AttributeReference.create("id", DataTypes.LongType, false);

  private final BufferAllocator allocator = Allocators.newRoot();
  private final GeneratedKernels generated = new GeneratedKernels();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static QueryCompilerSettings settings(boolean checked) {
    return new QueryCompilerSettings(new KernelOptions(true, checked), true, new ScanSettings(ZoneOffset.UTC, 1 << 20),
        1000);
  }

  private List<List<Object>> run(QueryCompiler compiler, PhysicalPlan plan, boolean checked, boolean expectGenerated) {
    CompiledQuery query = compiler.compile(plan, settings(checked));
    if (expectGenerated) {
      assertEquals(java.util.Map.of(), query.fallbacks(), "pipelines fell back to interpreted");
      assertTrue(query.explainCodegen().contains("EmberPipeline"), query.explainCodegen());
    }
    try (PipelineExecutor executor = new PipelineExecutor(2);
        QueryResult result = QueryResult.drain(executor.run(query.root(), allocator), allocator)) {
      List<List<Object>> rows = new ArrayList<>();
      for (ColumnBatch batch : result.batches()) {
        rows.addAll(TestBatches.rows(batch));
      }
      return rows;
    }
  }

  private void assertSameRows(PhysicalPlan plan) {
    List<List<Object>> interpreted = run(new QueryCompiler(), plan, true, false);
    assertEquals(interpreted, run(new QueryCompiler(generated), plan, false, true));
    assertEquals(interpreted, run(new QueryCompiler(generated), plan, true, true));
  }

  private static Literal longLiteral(long value) {
    return new Literal(value, DataTypes.LongType);
  }

  private static RangeExec range(long end) {
    return new RangeExec(new RangeRelation(0, end, 1, 1, ID));
  }

  @Test
  void filterGroupSortOverManyMorsels() {
    Expression odd = new Comparison(ComparisonOperator.EQUAL_TO,
        new BinaryArithmetic(ArithmeticOperator.REMAINDER, ID, longLiteral(2)), longLiteral(1));
    Alias key = Alias.of(new BinaryArithmetic(ArithmeticOperator.REMAINDER, ID, longLiteral(7)), "k");
    Alias count = Alias.of(new AggregateCall(AggregateFunction.COUNT, new Literal(1, DataTypes.IntegerType), false),
        "count(1)");
    Alias sum = Alias.of(new AggregateCall(AggregateFunction.SUM, ID, false), "sum(id)");
    Alias average = Alias.of(new AggregateCall(AggregateFunction.AVG,
        Cast.implicit(ID, DataTypes.DoubleType), false), "avg(id)");
    Alias max = Alias.of(new AggregateCall(AggregateFunction.MAX, ID, false), "max(id)");
    HashAggregateExec aggregate = new HashAggregateExec(List.of(key), List.of(count, sum, average, max),
        List.of(key.toAttribute(), count.toAttribute(), sum.toAttribute(), average.toAttribute(), max.toAttribute()),
        new FilterExec(odd, range(50_000)));
    PhysicalPlan plan = new SortExec(List.of(SortOrder.ascending(key.toAttribute())), aggregate);
    assertSameRows(plan);
    List<List<Object>> rows = run(new QueryCompiler(generated), plan, false, true);
    assertEquals(7, rows.size());
    long total = 0;
    for (List<Object> row : rows) {
      total += (Long) row.get(1);
    }
    assertEquals(25_000, total);
  }

  @Test
  void projectAndLimit() {
    Alias doubled = Alias.of(new BinaryArithmetic(ArithmeticOperator.MULTIPLY, ID, longLiteral(3)), "tripled");
    Alias text = Alias.of(new Cast(ID, DataTypes.StringType, true, true), "text");
    assertSameRows(new LimitExec(25, new ProjectExec(List.of(doubled, text), range(10_000))));
  }

  @Test
  void outputColumnsReadingTheSameInputCompile() {
    // A join's build side keeps its key column and the key computed from it: two output columns, one input.
    Alias sameAgain = Alias.of(ID, "id_again");
    Alias filtered = Alias.of(new BinaryArithmetic(ArithmeticOperator.MULTIPLY, ID, longLiteral(2)), "doubled");
    PhysicalPlan plan = new LimitExec(40, new FilterExec(new Comparison(ComparisonOperator.GREATER_THAN, ID,
        longLiteral(5)), new ProjectExec(List.of(ID, sameAgain, filtered, ID), range(1_000))));
    assertSameRows(plan);
    assertEquals(List.of(6L, 6L, 12L, 6L), run(new QueryCompiler(generated), plan, false, true).get(0));
  }
}
