package dev.ember.codegen.interpreted;

import dev.ember.codegen.spec.KernelOptions;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.SinkPartition;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/** The interpreted, vectorized kernels: no compiler, every pipeline supported. */
public final class InterpretedKernels {
  private InterpretedKernels() {}

  /** A factory of {@link InterpretedKernel}s for {@code spec}. Thread-safe: the spec is immutable. */
  public static KernelFactory create(PipelineSpec spec, KernelOptions options) {
    Objects.requireNonNull(spec, "spec is null");
    Objects.requireNonNull(options, "options is null");
    return new KernelFactory() {
      @Override
      public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
        return new InterpretedKernel(spec, options, partition, allocator);
      }

      @Override
      public String describe() {
        return "interpreted (vectorized)";
      }
    };
  }
}
