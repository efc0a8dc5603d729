package dev.ember.codegen.spec;

import dev.ember.runtime.pipeline.KernelFactory;

/**
 * Turns a bound pipeline body into the factory that creates one kernel per worker. Two implementations:
 * the Janino-generated kernels and the interpreted, vectorized fallback. Implementations must be
 * thread-safe; the query compiler may call them for several pipelines.
 */
@FunctionalInterface
public interface KernelProvider {
  /**
   * @throws KernelCompilationException when this provider cannot build a kernel for {@code spec}
   *     (an unsupported expression, a method too large to compile); the caller falls back to the
   *     interpreted kernels for that pipeline
   */
  KernelFactory create(PipelineSpec spec, KernelOptions options);

  /**
   * What this provider already has for pipelines equal to {@code spec}: their compiled kernels, and
   * whether an equal pipeline was planned before (a query that runs again). The default knows nothing.
   *
   * @throws KernelCompilationException when it is already clear that no kernel can be built
   */
  default Cached cached(PipelineSpec spec, KernelOptions options) {
    return Cached.NOTHING;
  }

  /** The kernels of an equal pipeline compiled before, or null; whether an equal pipeline was planned before. */
  record Cached(KernelFactory compiled, boolean plannedBefore) {
    public static final Cached NOTHING = new Cached(null, false);
  }
}
