package dev.ember.codegen.pipeline;

import dev.ember.codegen.spec.AccumulatorUpdate;
import dev.ember.codegen.spec.AggregateUpdate;
import dev.ember.codegen.spec.BatchOutput;
import dev.ember.codegen.spec.FilterStep;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.codegen.spec.ProjectStep;
import dev.ember.codegen.spec.SinkStep;
import dev.ember.codegen.spec.StreamingStep;
import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.logical.RangeRelation;
import dev.ember.planner.physical.FilterExec;
import dev.ember.planner.physical.HashAggregateExec;
import dev.ember.planner.physical.HashJoinExec;
import dev.ember.planner.physical.NestedLoopJoinExec;
import dev.ember.planner.physical.InMemoryTableScanExec;
import dev.ember.planner.physical.LimitExec;
import dev.ember.planner.physical.OffsetExec;
import dev.ember.planner.physical.ReplicateRowsExec;
import dev.ember.planner.physical.SinglePartitionExec;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.ProjectExec;
import dev.ember.planner.physical.RangeExec;
import dev.ember.planner.physical.ScanExec;
import dev.ember.planner.physical.SharedResults;
import dev.ember.planner.physical.SortExec;
import dev.ember.planner.physical.TakeOrderedExec;
import dev.ember.planner.physical.UnionExec;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.runtime.operators.aggregate.AccumulatorSpec;
import dev.ember.runtime.operators.aggregate.AggregationSpec;
import dev.ember.runtime.operators.aggregate.HashAggregateSink;
import dev.ember.runtime.operators.collect.CollectSink;
import dev.ember.runtime.operators.collect.LimitSink;
import dev.ember.runtime.operators.collect.OffsetSink;
import dev.ember.runtime.operators.collect.SingleStreamSink;
import dev.ember.runtime.operators.replicate.ReplicateRowsSink;
import dev.ember.runtime.operators.sort.SortKey;
import dev.ember.runtime.operators.sort.SortSink;
import dev.ember.runtime.operators.sort.SortSpillSettings;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.sources.RangeSource;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Cuts a physical plan into pipelines. Filters and projections stream, so they fuse into the pipeline
 * of their input; a hash aggregate, sort, top-N or limit must see all its input, so it ends the
 * pipeline with its sink and its output starts the next one. The root pipeline ends in a collect sink
 * unless the root operator is itself a sink whose output is the result:
 *
 * <pre>
 *   Sort(HashAggregate(Filter(Scan)))   becomes   1: Scan -> Filter -> aggregate update -> HashAggregateSink
 *                                                 2: pipeline 1 -> Project(results) -> SortSink
 *                                                 (pipeline 2 is the root: the sort's output is the result)
 * </pre>
 *
 * A hash aggregate's result expressions are a projection at the start of the downstream pipeline,
 * bound against the merged table's columns (grouping values, then aggregate values). Ids follow
 * execution order: upstream pipelines get smaller ids.
 */
public final class PipelineBuilder {
  private final ScanSettings scanSettings;
  private final int rangeMorselRows;
  private final boolean ansiEnabled;
  private final SortSpillSettings sortSpill;
  private final Function<PipelineSpec, KernelFactory> kernels;
  private final List<BuiltPipeline> built = new ArrayList<>();
  private final JoinPipelines joins = new JoinPipelines(this);
  /** Aggregates built so far that an equal aggregate elsewhere in the plan reads again instead of recomputing. */
  private final Map<AggregateKey, BuiltAggregate> sharedAggregates = new HashMap<>();

  /** What makes two hash aggregates compute the same table; their result expressions may differ. */
  private record AggregateKey(List<Expression> grouping, List<Alias> aggregates, PhysicalPlan child) {}

  private record BuiltAggregate(Pipeline upstream, List<AttributeReference> tableColumns) {}

  /**
   * @param kernels chooses the kernel factory of each pipeline, called once per pipeline in
   *     execution order
   */
  public PipelineBuilder(ScanSettings scanSettings, int rangeMorselRows, Function<PipelineSpec, KernelFactory> kernels) {
    this(scanSettings, rangeMorselRows, true, kernels);
  }

  /** @param ansiEnabled whether sinks raise Spark's ANSI errors (aggregate overflow) or give null */
  public PipelineBuilder(ScanSettings scanSettings, int rangeMorselRows, boolean ansiEnabled,
      Function<PipelineSpec, KernelFactory> kernels) {
    this(scanSettings, rangeMorselRows, ansiEnabled, SortSpillSettings.DEFAULT, kernels);
  }

  /** @param sortSpill when and where full sorts spill sorted runs to disk */
  public PipelineBuilder(ScanSettings scanSettings, int rangeMorselRows, boolean ansiEnabled,
      SortSpillSettings sortSpill, Function<PipelineSpec, KernelFactory> kernels) {
    this.ansiEnabled = ansiEnabled;
    this.sortSpill = Objects.requireNonNull(sortSpill, "sortSpill is null");
    this.scanSettings = Objects.requireNonNull(scanSettings, "scanSettings is null");
    if (rangeMorselRows <= 0) {
      throw new IllegalArgumentException("rangeMorselRows must be positive, got " + rangeMorselRows);
    }
    this.rangeMorselRows = rangeMorselRows;
    this.kernels = Objects.requireNonNull(kernels, "kernels is null");
  }

  /** The pipelines of {@code plan}. A builder builds one plan. */
  public PipelineGraph build(PhysicalPlan plan) {
    Objects.requireNonNull(plan, "plan is null");
    checkUnused();
    OpenPipeline open = open(plan);
    Pipeline root;
    if (open.steps.isEmpty() && open.input instanceof Pipeline.UpstreamInput upstream) {
      root = upstream.upstream();
    } else {
      StructType schema = open.schema();
      root = close(open, new BatchOutput(schema), new CollectSink(schema));
    }
    return new PipelineGraph(built, root);
  }

  /**
   * The pipelines of {@code plan} with the rows of its result going into the sink {@code rootSink}
   * makes for the result's schema (a file write) instead of being collected. The root pipeline always
   * ends in that sink, so a plan whose root is itself a sink (a sort) gets one more pipeline reading
   * its output. The sink's partitions must be {@code BatchConsumer}s.
   */
  public PipelineGraph build(PhysicalPlan plan, Function<StructType, PipelineSink> rootSink) {
    Objects.requireNonNull(plan, "plan is null");
    Objects.requireNonNull(rootSink, "rootSink is null");
    checkUnused();
    OpenPipeline open = open(plan);
    StructType schema = open.schema();
    Pipeline root = close(open, new BatchOutput(schema), rootSink.apply(schema));
    return new PipelineGraph(built, root);
  }

  private void checkUnused() {
    if (!built.isEmpty()) {
      throw new IllegalStateException("a PipelineBuilder builds one plan; create a new one");
    }
  }

  /** A pipeline still being built: its input and the steps fused so far. */
  static final class OpenPipeline {
    /** Replaced only by a source that also filters (a join key filter), before the pipeline closes. */
    Pipeline.Input input;
    String sourceDescription;
    final StructType inputSchema;
    final List<StreamingStep> steps = new ArrayList<>();
    /** Build sides of the joins probed in this pipeline: they run before it. */
    final List<Pipeline> buildSides = new ArrayList<>();
    List<AttributeReference> columns;

    OpenPipeline(Pipeline.Input input, String sourceDescription, List<AttributeReference> columns) {
      this.input = input;
      this.sourceDescription = sourceDescription;
      this.inputSchema = schemaOf(columns);
      this.columns = columns;
    }

    StructType schema() {
      return schemaOf(columns);
    }
  }

  OpenPipeline open(PhysicalPlan plan) {
    if (plan instanceof ScanExec scan) {
      return new OpenPipeline(
          new Pipeline.SourceInput(scan.source().createBatchSource(scan.columns(), scanSettings)),
          "Scan " + scan.source().formatName() + " " + scan.source().describe(), scan.output());
    } else if (plan instanceof InMemoryTableScanExec cached) {
      return new OpenPipeline(
          new Pipeline.SourceInput(cached.source().createBatchSource(cached.columns(), scanSettings)),
          "InMemoryTableScan " + cached.source().describe(), cached.output());
    } else if (plan instanceof RangeExec rangeExec) {
      RangeRelation range = rangeExec.range();
      return new OpenPipeline(
          new Pipeline.SourceInput(new RangeSource(range.start(), range.end(), range.step(), rangeMorselRows,
              range.id().name())),
          range.nodeString(), range.output());
    } else if (plan instanceof FilterExec filter) {
      OpenPipeline open = open(filter.child());
      open.steps.add(new FilterStep(Binder.bind(filter.condition(), open.columns, nextId())));
      return open;
    } else if (plan instanceof ProjectExec project) {
      OpenPipeline open = open(project.child());
      project(open, project.projectList(), project.output());
      return open;
    } else if (plan instanceof HashAggregateExec aggregate) {
      return aggregate(aggregate);
    } else if (plan instanceof SortExec sort) {
      return sorted(sort.child(), sort.order(), -1);
    } else if (plan instanceof TakeOrderedExec takeOrdered) {
      return sorted(takeOrdered.child(), takeOrdered.order(), takeOrdered.limit());
    } else if (plan instanceof HashJoinExec join) {
      return joins.join(join.nodeString(), join.joinType(), join.buildSide(), join.buildPlan(), join.probePlan(),
          join.buildKeys(), join.probeKeys(), join.nullSafe(), join.condition().orElse(null), join.output());
    } else if (plan instanceof NestedLoopJoinExec join) {
      return joins.join(join.nodeString(), join.joinType(), join.buildSide(), join.buildPlan(), join.probePlan(),
          List.of(), List.of(), List.of(), join.condition().orElse(null), join.output());
    } else if (plan instanceof UnionExec union) {
      return union(union);
    } else if (plan instanceof dev.ember.planner.physical.WindowExec window) {
      return WindowPipelines.window(this, window);
    } else if (plan instanceof dev.ember.planner.physical.GenerateExec generate) {
      return generate(generate);
    } else if (plan instanceof LimitExec limit) {
      OpenPipeline open = open(limit.child());
      StructType schema = open.schema();
      return downstreamOf(close(open, new BatchOutput(schema), new LimitSink(schema, limit.limit())), open.columns);
    } else if (plan instanceof OffsetExec offset) {
      OpenPipeline open = open(offset.child());
      StructType schema = open.schema();
      return downstreamOf(close(open, new BatchOutput(schema), new OffsetSink(schema, offset.offset())), open.columns);
    } else if (plan instanceof SinglePartitionExec single) {
      OpenPipeline open = open(single.child());
      StructType schema = open.schema();
      return downstreamOf(close(open, new BatchOutput(schema), new SingleStreamSink(schema)), open.columns);
    } else if (plan instanceof ReplicateRowsExec replicate) {
      OpenPipeline open = open(replicate.child());
      StructType schema = open.schema();
      return downstreamOf(close(open, new BatchOutput(schema), new ReplicateRowsSink(schema)), replicate.output());
    }
    throw new IllegalArgumentException("no pipeline form for " + plan.nodeString());
  }

  /**
   * Each input runs in its own pipeline, writing the union's columns (names, types, nullability) to a
   * collect sink; the next pipeline reads their outputs one after another, left before right, so the
   * rows keep Spark's order.
   */
  private OpenPipeline union(UnionExec union) {
    StructType schema = schemaOf(union.output());
    List<Pipeline> inputs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (PhysicalPlan child : union.children()) {
      Pipeline input = close(open(child), new BatchOutput(schema), new CollectSink(schema));
      inputs.add(input);
      ids.add(Integer.toString(input.id()));
    }
    return new OpenPipeline(new Pipeline.ConcatenatedInput(inputs), "Union of pipelines " + String.join(", ", ids),
        union.output());
  }

  /**
   * The child's columns and the generator's collection are projected at the end of the child's
   * pipeline, which ends in a {@code GenerateSink}; the next pipeline reads the generated rows.
   */
  private OpenPipeline generate(dev.ember.planner.physical.GenerateExec generate) {
    OpenPipeline open = open(generate.child());
    List<AttributeReference> childColumns = open.columns;
    Alias collection = Alias.of(generate.generator().child(), "_generator_input");
    List<Expression> projectList = new ArrayList<>(childColumns);
    projectList.add(collection);
    List<AttributeReference> projected = new ArrayList<>(childColumns);
    projected.add(collection.toAttribute());
    project(open, projectList, projected);
    StructType outputSchema = schemaOf(generate.output());
    dev.ember.runtime.operators.generate.Explode explode = new dev.ember.runtime.operators.generate.Explode(
        generate.generator().withPosition(), generate.generator().outer(), outputSchema);
    Pipeline upstream = close(open, new BatchOutput(open.schema()),
        new dev.ember.runtime.operators.generate.GenerateSink(explode));
    return downstreamOf(upstream, generate.output());
  }

  void project(OpenPipeline open, List<Expression> projectList, List<AttributeReference> output) {
    List<Expression> bound = Binder.bindAll(projectList, open.columns, nextId());
    open.steps.add(new ProjectStep(bound, schemaOf(output)));
    open.columns = output;
  }

  /**
   * An aggregate equal to one built before (see {@link SharedResults}) reads that pipeline's table
   * again: the scheduler runs the pipeline once and hands each reader its own view of the result.
   */
  private OpenPipeline aggregate(HashAggregateExec aggregate) {
    AggregateKey key = new AggregateKey(aggregate.groupingExpressions(), aggregate.aggregates(), aggregate.child());
    boolean shareable = SharedResults.canShare(aggregate);
    BuiltAggregate built = shareable ? sharedAggregates.get(key) : null;
    if (built == null) {
      built = buildAggregate(aggregate);
      if (shareable) {
        sharedAggregates.put(key, built);
      }
    }
    OpenPipeline downstream = downstreamOf(built.upstream(), built.tableColumns());
    if (!isIdentity(aggregate.resultExpressions(), built.tableColumns())) {
      project(downstream, aggregate.resultExpressions(), aggregate.output());
    }
    return downstream;
  }

  private BuiltAggregate buildAggregate(HashAggregateExec aggregate) {
    OpenPipeline open = open(aggregate.child());
    int id = nextId();
    List<Expression> keys = Binder.bindAll(aggregate.groupingExpressions(), open.columns, id);
    List<AccumulatorUpdate> updates = new ArrayList<>();
    List<AccumulatorSpec> accumulators = new ArrayList<>();
    for (Alias alias : aggregate.aggregates()) {
      AggregateCall call = (AggregateCall) alias.child();
      AccumulatorSpec accumulator = AccumulatorKinds.spec(call);
      List<Expression> arguments = Binder.bindAll(call.arguments(), open.columns, id);
      updates.add(new AccumulatorUpdate(accumulator.kind(), arguments));
      accumulators.add(accumulator);
    }
    List<AttributeReference> tableColumns = new ArrayList<>(aggregate.groupingAttributes());
    aggregate.aggregates().forEach(alias -> tableColumns.add(alias.toAttribute()));
    List<DataType> keyTypes = keys.stream().map(Expression::dataType).toList();
    HashAggregateSink sink = new HashAggregateSink(new AggregationSpec(keyTypes, accumulators), schemaOf(tableColumns),
        ansiEnabled);
    return new BuiltAggregate(close(open, new AggregateUpdate(keys, updates), sink), List.copyOf(tableColumns));
  }

  private static boolean isIdentity(List<Expression> expressions, List<AttributeReference> columns) {
    if (expressions.size() != columns.size()) {
      return false;
    }
    for (int i = 0; i < expressions.size(); i++) {
      if (!(expressions.get(i) instanceof AttributeReference attribute) || !attribute.equals(columns.get(i))) {
        return false;
      }
    }
    return true;
  }

  private OpenPipeline sorted(PhysicalPlan child, List<SortOrder> order, long limit) {
    OpenPipeline open = open(child);
    List<SortKey> keys = new ArrayList<>();
    for (SortOrder key : order) {
      if (!(key.child() instanceof AttributeReference attribute)) {
        throw new IllegalStateException("sort key " + key + " is not a column; the planner projects keys first");
      }
      int column = Binder.ordinalOf(attribute, open.columns);
      if (column < 0) {
        throw new IllegalStateException("cannot bind sort key " + attribute + " in pipeline " + nextId()
            + ": the input has only " + Binder.describe(open.columns));
      }
      keys.add(new SortKey(column, key.ascending(), key.nullsFirst()));
    }
    StructType schema = open.schema();
    return downstreamOf(close(open, new BatchOutput(schema), new SortSink(schema, keys, limit, sortSpill)), open.columns);
  }

  OpenPipeline downstreamOf(Pipeline upstream, List<AttributeReference> columns) {
    return new OpenPipeline(new Pipeline.UpstreamInput(upstream), "pipeline " + upstream.id(), columns);
  }

  Pipeline close(OpenPipeline open, SinkStep sinkStep, PipelineSink sink) {
    PipelineSpec spec = new PipelineSpec(nextId(), open.inputSchema, open.steps, sinkStep);
    Pipeline pipeline = new Pipeline(spec.pipelineId(), open.input, kernels.apply(spec), sink, open.buildSides);
    built.add(new BuiltPipeline(spec, open.sourceDescription, pipeline));
    return pipeline;
  }

  /** The id the pipeline being built will get: pipelines close in execution order. */
  int nextId() {
    return built.size() + 1;
  }

  static StructType schemaOf(List<AttributeReference> columns) {
    return StructType.of(columns.stream()
        .map(column -> new StructField(column.name(), column.dataType(), column.nullable()))
        .toList());
  }
}
