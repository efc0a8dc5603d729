package dev.ember.codegen;

import dev.ember.codegen.adaptive.AdaptiveKernelFactory;
import dev.ember.codegen.adaptive.BackgroundCompiler;
import dev.ember.codegen.interpreted.InterpretedKernels;
import dev.ember.codegen.pipeline.PipelineBuilder;
import dev.ember.codegen.pipeline.PipelineGraph;
import dev.ember.codegen.spec.InvalidKernelSourceException;
import dev.ember.codegen.spec.KernelCompilationException;
import dev.ember.codegen.spec.KernelProvider;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.planner.physical.PhysicalPlan;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.sql.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Compiles a physical plan into runnable pipelines: cuts it ({@link PipelineBuilder}) and gives each
 * pipeline a kernel, generated when codegen is enabled and the generated provider can build it,
 * interpreted otherwise. A pipeline whose generated kernel fails to compile falls back to the
 * interpreted kernel alone; the reason is kept for {@code explain()}. With background compilation, a
 * pipeline whose class is not compiled yet starts interpreted, starts compiling once it has processed
 * enough rows to be worth it, and moves to the generated kernel when the class is ready
 * ({@link AdaptiveKernelFactory}). Without fallback ({@code spark.sql.codegen.fallback=false}), generated
 * source that does not compile fails the query when it is compiled before the query runs; a kernel
 * compiled in the background still falls back, as the query is already running interpreted.
 */
public final class QueryCompiler {
  private final KernelProvider generated;

  /** @param generated the generated-kernel provider; null runs everything interpreted */
  public QueryCompiler(KernelProvider generated) {
    this.generated = generated;
  }

  /** A compiler without code generation. */
  public QueryCompiler() {
    this(null);
  }

  public CompiledQuery compile(PhysicalPlan plan, QueryCompilerSettings settings) {
    return compile(plan, settings, null);
  }

  /**
   * Compiles {@code plan} so that its result rows go into the sink {@code rootSink} makes for the
   * result's schema (a file write) rather than into a collect sink; null collects as usual.
   */
  public CompiledQuery compile(PhysicalPlan plan, QueryCompilerSettings settings,
      Function<StructType, PipelineSink> rootSink) {
    Objects.requireNonNull(plan, "plan is null");
    Objects.requireNonNull(settings, "settings is null");
    Map<Integer, String> fallbacks = new LinkedHashMap<>();
    PipelineBuilder builder = new PipelineBuilder(settings.scanSettings(), settings.rangeMorselRows(),
        settings.kernelOptions().ansiEnabled(), settings.sortSpill(), spec -> kernelsFor(spec, settings, fallbacks));
    PipelineGraph graph = rootSink == null ? builder.build(plan) : builder.build(plan, rootSink);
    return new CompiledQuery(graph.pipelines(), graph.root(), fallbacks);
  }

  private KernelFactory kernelsFor(PipelineSpec spec, QueryCompilerSettings settings, Map<Integer, String> fallbacks) {
    if (settings.codegenEnabled() && generated != null) {
      try {
        if (settings.backgroundCompilation()) {
          KernelProvider.Cached cached = generated.cached(spec, settings.kernelOptions());
          if (cached.compiled() != null) {
            return cached.compiled();
          }
          // A pipeline planned before belongs to a query that runs again (a loop, a notebook cell run
          // once more): its class will be used again, so it is worth compiling however few its rows.
          return new AdaptiveKernelFactory(
              InterpretedKernels.create(spec, settings.kernelOptions()),
              () -> BackgroundCompiler.submit(() -> generated.create(spec, settings.kernelOptions())),
              cached.plannedBefore() ? 0 : AdaptiveKernelFactory.DEFAULT_ROWS_BEFORE_COMPILING);
        }
        return generated.create(spec, settings.kernelOptions());
      } catch (KernelCompilationException e) {
        if (!settings.codegenFallback() && e instanceof InvalidKernelSourceException) {
          throw new InvalidKernelSourceException("The generated kernel of pipeline " + spec.pipelineId()
              + " does not compile and spark.sql.codegen.fallback is false: " + e.getMessage(), e);
        }
        fallbacks.put(spec.pipelineId(), String.valueOf(e.getMessage()));
      }
    }
    return InterpretedKernels.create(spec, settings.kernelOptions());
  }
}
