package dev.ember.api.execution;

import dev.ember.api.cache.CachedData;
import dev.ember.api.rows.BatchRows;
import dev.ember.codegen.CompiledQuery;
import dev.ember.codegen.QueryCompiler;
import dev.ember.codegen.QueryCompilerSettings;
import dev.ember.planner.analysis.Analyzer;
import dev.ember.planner.analysis.AnalyzerSettings;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.optimizer.Optimizer;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.planner.physical.PhysicalPlanner;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.sql.Row;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One query's way from the user's plan to rows: analyze, optimize, choose operators, compile the
 * pipelines, run them. Each phase is computed once, on first use.
 */
public final class QueryExecution {
  /** Rows of {@code spark.range} per morsel: big enough to amortise a morsel, small enough to share work. */
  private static final int RANGE_MORSEL_ROWS = 1 << 20;

  private final EngineContext engine;
  private final QuerySettings settings;
  private final LogicalPlan logical;
  private final dev.ember.planner.analysis.FunctionRegistry functions;
  private final CachedData computing;
  private long plannedCacheVersion;
  private LogicalPlan analyzed;
  private LogicalPlan optimized;
  private PhysicalPlan physical;
  private CompiledQuery compiled;
  private CompiledQuery compiledForExplain;

  public QueryExecution(EngineContext engine, QuerySettings settings, LogicalPlan logical) {
    this(engine, settings, logical, dev.ember.planner.analysis.FunctionRegistry.builtin(), null);
  }

  /**
   * A query resolving function names with {@code functions} (the built-ins and the session's UDFs).
   *
   * @param computing the cache entry this query fills, which it must not read; null for other queries
   */
  public QueryExecution(EngineContext engine, QuerySettings settings, LogicalPlan logical,
      dev.ember.planner.analysis.FunctionRegistry functions, CachedData computing) {
    this.functions = Objects.requireNonNull(functions, "functions is null");
    this.engine = Objects.requireNonNull(engine, "engine is null");
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.logical = Objects.requireNonNull(logical, "logical is null");
    this.computing = computing;
  }

  public LogicalPlan logical() {
    return logical;
  }

  public synchronized LogicalPlan analyzed() {
    if (analyzed == null) {
      analyzed = new Analyzer(new AnalyzerSettings(settings.caseSensitive(), settings.ansiEnabled()), functions)
          .analyze(logical);
    }
    return analyzed;
  }

  public synchronized LogicalPlan optimized() {
    long cacheVersion = engine.cacheManager().version();
    if (optimized != null && cacheVersion != plannedCacheVersion) {
      // A Dataset persisted or unpersisted since: plan again, reading (or no longer reading) its cache.
      optimized = null;
      physical = null;
      compiled = null;
      compiledForExplain = null;
    }
    if (optimized == null) {
      plannedCacheVersion = cacheVersion;
      // Tests set ember.optimizer.checkInvariants, so every rule's output is checked on real queries too.
      optimized = Optimizer.standard(settings.disabledRules(), Boolean.getBoolean("ember.optimizer.checkInvariants"))
          .optimize(withCachedData());
    }
    return optimized;
  }

  /** The analyzed plan, reading persisted Datasets from their caches. */
  public synchronized LogicalPlan withCachedData() {
    return engine.cacheManager().useCachedData(analyzed(), computing);
  }

  public synchronized PhysicalPlan physical() {
    LogicalPlan optimizedPlan = optimized();
    if (physical == null) {
      physical = new PhysicalPlanner().plan(optimizedPlan);
    }
    return physical;
  }

  public synchronized CompiledQuery compiled() {
    PhysicalPlan physicalPlan = physical();
    if (compiled == null) {
      compiled = new QueryCompiler(engine.generatedKernels())
          .compile(physicalPlan, compilerSettings(settings.backgroundCompilation()));
    }
    return compiled;
  }

  /** Compiled with every kernel compiled first, so that {@code explain()} shows the generated code. */
  private synchronized CompiledQuery compiledForExplain() {
    if (compiledForExplain == null) {
      compiledForExplain = settings.backgroundCompilation()
          ? new QueryCompiler(engine.generatedKernels()).compile(physical(), compilerSettings(false))
          : compiled();
    }
    return compiledForExplain;
  }

  private QueryCompilerSettings compilerSettings(boolean backgroundCompilation) {
    return new QueryCompilerSettings(settings.kernelOptions(), settings.codegenEnabled(), settings.scanSettings(),
        RANGE_MORSEL_ROWS, backgroundCompilation, settings.sortSpill(), settings.codegenFallback());
  }

  /** The schema of the result, from the analyzed plan. */
  public StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (AttributeReference attribute : analyzed().output()) {
      fields.add(new StructField(attribute.name(), attribute.dataType(), attribute.nullable()));
    }
    return StructType.of(fields);
  }

  /** Runs the query and returns every result row, in the result's order. */
  public List<Row> collectRows() {
    return collectRows(false);
  }

  /** Every result row for {@code show()}: maps iterate in their column's entry order, as Spark prints them. */
  public List<Row> collectDisplayRows() {
    return collectRows(true);
  }

  private List<Row> collectRows(boolean display) {
    CompiledQuery query = compiled();
    List<Row> rows = new ArrayList<>();
    try (BufferAllocator allocator = engine.newQueryAllocator("query")) {
      BatchSource output = engine.executor().run(query.root(), allocator);
      try (QueryResult result = QueryResult.drain(output, allocator)) {
        for (ColumnBatch batch : result.batches()) {
          rows.addAll(display ? BatchRows.toDisplayRows(batch, settings.sessionZone())
              : BatchRows.toRows(batch, settings.sessionZone()));
        }
      }
    }
    return rows;
  }

  /** Runs the query and moves its result batches, in order, into {@code target}'s ownership. */
  public List<ColumnBatch> collectBatchesInto(BufferAllocator target) {
    Objects.requireNonNull(target, "target is null");
    CompiledQuery query = compiled();
    List<ColumnBatch> moved = new ArrayList<>();
    try (BufferAllocator allocator = engine.newQueryAllocator("cache fill")) {
      BatchSource output = engine.executor().run(query.root(), allocator);
      try (QueryResult result = QueryResult.drain(output, allocator)) {
        for (ColumnBatch batch : result.batches()) {
          moved.add(transferred(batch, target));
        }
      }
    } catch (RuntimeException e) {
      moved.forEach(ColumnBatch::close);
      throw e;
    }
    return moved;
  }

  private static ColumnBatch transferred(ColumnBatch batch, BufferAllocator target) {
    List<org.apache.arrow.vector.FieldVector> vectors = new ArrayList<>();
    for (org.apache.arrow.vector.FieldVector vector : batch.vectors()) {
      org.apache.arrow.vector.util.TransferPair transfer = vector.getTransferPair(target);
      transfer.transfer();
      vectors.add((org.apache.arrow.vector.FieldVector) transfer.getTo());
    }
    return new ColumnBatch(batch.schema(), vectors, batch.rowCount());
  }

  /** Runs the query and returns its rows as an iterator that converts one batch at a time. */
  public ResultRowIterator rowIterator() {
    CompiledQuery query = compiled();
    BufferAllocator allocator = engine.newQueryAllocator("iterator");
    try {
      return new ResultRowIterator(allocator, engine.executor().run(query.root(), allocator), settings.sessionZone());
    } catch (RuntimeException e) {
      allocator.close();
      throw e;
    }
  }

  /** The settings this query was planned with (session time zone, case sensitivity …). */
  public QuerySettings settings() {
    return settings;
  }

  /**
   * Runs the query with its result rows going into the sink {@code rootSink} makes for the result's
   * schema (a file write) instead of being collected. Compiled for this run only: the root sink
   * differs from run to run.
   */
  public void runInto(Function<StructType, PipelineSink> rootSink) {
    Objects.requireNonNull(rootSink, "rootSink is null");
    CompiledQuery query = new QueryCompiler(engine.generatedKernels())
        .compile(physical(), compilerSettings(settings.backgroundCompilation()), rootSink);
    try (BufferAllocator allocator = engine.newQueryAllocator("write")) {
      engine.executor().run(query.root(), allocator).close();
    }
  }

  /** The text of {@code explain(mode)}, as Spark lays it out. */
  public String explainString(String mode) {
    String normalized = mode.toLowerCase(Locale.ROOT);
    switch (normalized) {
      case "simple":
      case "formatted":
      case "cost":
        return "== Physical Plan ==\n" + physical().treeString() + "\n";
      case "extended":
        return "== Parsed Logical Plan ==\n" + logical.treeString()
            + "\n== Analyzed Logical Plan ==\n" + schemaLine() + "\n" + analyzed().treeString()
            + "\n== Optimized Logical Plan ==\n" + optimized().treeString()
            + "\n== Physical Plan ==\n" + physical().treeString()
            + "\n== Pipelines ==\n" + compiledForExplain().explainPipelines() + "\n";
      case "codegen":
        return compiledForExplain().explainCodegen();
      default:
        throw new IllegalArgumentException("Unknown explain mode: " + mode
            + ". Accepted explain modes are 'simple', 'extended', 'codegen', 'cost', 'formatted'.");
    }
  }

  private String schemaLine() {
    List<String> parts = new ArrayList<>();
    for (StructField field : schema().fields()) {
      parts.add(field.name() + ": " + field.dataType().simpleString());
    }
    return String.join(", ", parts);
  }
}
