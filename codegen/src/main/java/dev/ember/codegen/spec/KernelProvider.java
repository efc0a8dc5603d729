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
   * The kernels for {@code spec} if they can be had without compiling (already compiled for an equal
   * pipeline), else null. The default knows no cache.
   *
   * @throws KernelCompilationException when it is already clear that no kernel can be built
   */
  default KernelFactory createIfCompiled(PipelineSpec spec, KernelOptions options) {
    return null;
  }
}
