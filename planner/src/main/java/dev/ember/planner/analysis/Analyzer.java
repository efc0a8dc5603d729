package dev.ember.planner.analysis;

import dev.ember.planner.logical.LogicalPlan;
import java.util.List;
import java.util.Objects;

/**
 * Turns the unresolved plan the API builds into a resolved, type-checked one, as Spark's analyzer
 * does: names bound to input columns, {@code *} expanded, functions looked up, unnamed columns named,
 * implicit casts inserted; then every remaining problem reported with Spark's error.
 *
 * <p>Two batches run to a fixed point: resolution, then type coercion (so generated names are
 * chosen before any implicit cast exists). {@link CheckAnalysis} runs once at the end.
 */
public final class Analyzer {
  /** Far above what any real plan needs; reaching it means two rules undo each other. */
  static final int MAXIMUM_ITERATIONS = 100;

  private final List<RuleBatch> batches;
  private final boolean ansiEnabled;

  public Analyzer(AnalyzerSettings settings) {
    this(settings, FunctionRegistry.builtin());
  }

  public Analyzer(AnalyzerSettings settings, FunctionRegistry functions) {
    Objects.requireNonNull(settings, "settings is null");
    Objects.requireNonNull(functions, "functions is null");
    ColumnResolver resolver = new ColumnResolver(settings.caseSensitive());
    this.ansiEnabled = settings.ansiEnabled();
    this.batches = List.of(
        new RuleBatch("Resolution", List.of(
            // First: a lambda's parameters shadow columns of the same name.
            new ResolveLambdaParameterNames(resolver),
            new ResolveStar(resolver),
            new ResolveDatasetColumns(),
            new ResolveReferences(resolver),
            new ResolveMissingReferences(resolver),
            new ResolveFunctions(functions),
            new ComputeCurrentTime(),
            new DateArithmeticAsFunctions(),
            new IntervalArithmeticAsFunctions(),
            new IntervalAggregatesAsDecimalSums(),
            new ResolveWindowFrames(),
            new ResolveExtractValues(settings.caseSensitive()),
            new ConvertGlobalAggregates(),
            new ResolveAliases(),
            new ExtractWindowExpressions()), MAXIMUM_ITERATIONS),
        new RuleBatch("Type coercion", List.of(
            // First, so operators and functions above a conditional see its coerced type.
            new CoerceConditionalTypes(),
            new PromoteStrings(),
            new DivideAsFractional(),
            new WidenOperandTypes(),
            new WidenUnionTypes(),
            new CoerceNullOperands(),
            new CoerceAggregateInputs(),
            new CoerceFunctionArguments(),
            new ExtractGenerators()), MAXIMUM_ITERATIONS));
  }

  /**
   * @throws dev.ember.sql.AnalysisException with Spark's condition and message when the plan is invalid
   */
  public LogicalPlan analyze(LogicalPlan plan) {
    Objects.requireNonNull(plan, "plan is null");
    LogicalPlan current = plan;
    for (RuleBatch batch : batches) {
      current = batch.execute(current);
    }
    return CheckAnalysis.check(current, ansiEnabled);
  }
}
