package dev.ember.codegen.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.codegen.interpreted.InterpretedKernels;
import dev.ember.codegen.spec.AccumulatorUpdate;
import dev.ember.codegen.spec.AggregateUpdate;
import dev.ember.codegen.spec.BatchOutput;
import dev.ember.codegen.spec.FilterStep;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.codegen.spec.ProjectStep;
import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.BoundReference;
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
import dev.ember.runtime.operators.aggregate.AccumulatorKind;
import dev.ember.runtime.operators.aggregate.HashAggregateSink;
import dev.ember.runtime.operators.collect.CollectSink;
import dev.ember.runtime.operators.collect.LimitSink;
import dev.ember.runtime.operators.sort.SortSink;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.sql.types.DataTypes;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineBuilderTest {
  private static final ScanSettings SCAN = new ScanSettings(ZoneOffset.UTC, 1 << 20);

  private static PipelineBuilder builder() {
    return new PipelineBuilder(SCAN, 1000, spec -> InterpretedKernels.create(spec, KernelOptions.DEFAULT));
  }

  private static final AttributeReference ID = AttributeReference.create("id", DataTypes.LongType, false);

  private static RangeExec range(long end) {
    return new RangeExec(new RangeRelation(0, end, 1, 1, ID));
  }

  @Test
  void sortOverAggregateOverFilterCutsAtEachBreaker() {
    Literal three = new Literal(3L, DataTypes.LongType);
    Alias key = Alias.of(new BinaryArithmetic(ArithmeticOperator.REMAINDER, ID, three), "k");
    Alias count = Alias.of(new AggregateCall(AggregateFunction.COUNT, new Literal(1, DataTypes.IntegerType), false),
        "count(1)");
    Alias sum = Alias.of(new AggregateCall(AggregateFunction.SUM, ID, false), "sum(id)");
    Alias total = Alias.of(new BinaryArithmetic(ArithmeticOperator.ADD, sum.toAttribute(), three), "total");
    PhysicalPlan filter = new FilterExec(new Comparison(ComparisonOperator.GREATER_THAN, ID, three), range(100));
    HashAggregateExec aggregate = new HashAggregateExec(List.of(key), List.of(count, sum),
        List.of(key.toAttribute(), count.toAttribute(), total), filter);
    PhysicalPlan plan = new SortExec(List.of(SortOrder.ascending(total.toAttribute())), aggregate);

    PipelineGraph graph = builder().build(plan);

    assertEquals(2, graph.pipelines().size(), "the sort's output is the result: no collect pipeline");
    PipelineSpec first = graph.pipelines().get(0).spec();
    assertEquals(1, first.pipelineId());
    assertEquals(List.of(new FilterStep(new Comparison(ComparisonOperator.GREATER_THAN,
        new BoundReference(0, DataTypes.LongType, false), three))), first.steps());
    AggregateUpdate update = assertInstanceOf(AggregateUpdate.class, first.sink());
    assertEquals(List.of(new BinaryArithmetic(ArithmeticOperator.REMAINDER,
        new BoundReference(0, DataTypes.LongType, false), three)), update.keys());
    assertEquals(List.of(AccumulatorKind.COUNT_ROWS, AccumulatorKind.SUM_LONG),
        update.accumulators().stream().map(AccumulatorUpdate::kind).toList());
    assertInstanceOf(HashAggregateSink.class, graph.pipelines().get(0).pipeline().sink());
    assertEquals("[k, count(1), sum(id)]",
        List.of(graph.pipelines().get(0).pipeline().sink().outputSchema().fieldNames()).toString());

    PipelineSpec second = graph.pipelines().get(1).spec();
    assertEquals(2, second.pipelineId());
    ProjectStep results = assertInstanceOf(ProjectStep.class, second.steps().get(0));
    // Result expressions bind against the merged table: k, count(1), sum(id).
    assertEquals(new BinaryArithmetic(ArithmeticOperator.ADD, new BoundReference(2, DataTypes.LongType, true), three),
        results.expressions().get(2));
    assertEquals("[k, count(1), total]", List.of(results.outputSchema().fieldNames()).toString());
    assertEquals(new BatchOutput(results.outputSchema()), second.sink());
    Pipeline root = graph.root();
    assertSame(graph.pipelines().get(1).pipeline(), root);
    assertInstanceOf(SortSink.class, root.sink());
    assertSame(graph.pipelines().get(0).pipeline(),
        assertInstanceOf(Pipeline.UpstreamInput.class, root.input()).upstream());
  }

  @Test
  void streamingRootEndsInACollectSink() {
    Alias doubled = Alias.of(new BinaryArithmetic(ArithmeticOperator.MULTIPLY, ID, new Literal(2L, DataTypes.LongType)),
        "doubled");
    PipelineGraph graph = builder().build(new ProjectExec(List.of(doubled), range(10)));
    assertEquals(1, graph.pipelines().size());
    assertInstanceOf(CollectSink.class, graph.root().sink());
    assertEquals("doubled", graph.pipelines().get(0).spec().sinkInputSchema().apply(0).name());
  }

  @Test
  void limitEndsItsPipelineAndStreamingAboveItStartsAnother() {
    Alias plusOne = Alias.of(new BinaryArithmetic(ArithmeticOperator.ADD, ID, new Literal(1L, DataTypes.LongType)),
        "next");
    PipelineGraph graph = builder().build(new ProjectExec(List.of(plusOne), new LimitExec(5, range(10))));
    assertEquals(2, graph.pipelines().size());
    assertInstanceOf(LimitSink.class, graph.pipelines().get(0).pipeline().sink());
    assertInstanceOf(CollectSink.class, graph.root().sink());
    assertTrue(graph.pipelines().get(1).sourceDescription().contains("pipeline 1"));
  }

  @Test
  void anAttributeMissingFromTheInputFailsLoudly() {
    AttributeReference stranger = AttributeReference.create("stranger", DataTypes.LongType, true);
    Expression condition = new Comparison(ComparisonOperator.EQUAL_TO, stranger, ID);
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> builder().build(new FilterExec(condition, range(10))));
    assertTrue(error.getMessage().contains("stranger#"), error.getMessage());
    assertTrue(error.getMessage().contains("pipeline 1"), error.getMessage());
  }

  @Test
  void aCustomRootSinkEndsTheRootPipelineEvenAfterASort() {
    PhysicalPlan plan = new SortExec(List.of(SortOrder.ascending(ID)), range(10));
    CollectSink custom = new CollectSink(dev.ember.sql.types.StructType.of(List.of(
        new dev.ember.sql.types.StructField("id", DataTypes.LongType, false))));

    PipelineGraph graph = builder().build(plan, schema -> {
      assertEquals(List.of("id"), List.of(schema.fieldNames()));
      return custom;
    });

    assertEquals(2, graph.pipelines().size(), "one more pipeline reads the sort's output into the custom sink");
    assertInstanceOf(SortSink.class, graph.pipelines().get(0).pipeline().sink());
    assertSame(custom, graph.root().sink());
    assertInstanceOf(Pipeline.UpstreamInput.class, graph.root().input());
    assertEquals(new BatchOutput(custom.outputSchema()), graph.pipelines().get(1).spec().sink());
  }

  @Test
  void aCustomRootSinkReplacesTheCollectSink() {
    CollectSink custom = new CollectSink(dev.ember.sql.types.StructType.of(List.of(
        new dev.ember.sql.types.StructField("id", DataTypes.LongType, false))));
    PipelineGraph graph = builder().build(range(10), schema -> custom);
    assertEquals(1, graph.pipelines().size());
    assertSame(custom, graph.root().sink());
  }
}
