package dev.ember.runtime.pipeline;

import org.apache.arrow.memory.BufferAllocator;

/** Creates one {@link PipelineKernel} per worker, bound to that worker's sink partition. Thread-safe. */
public interface KernelFactory {
  PipelineKernel create(SinkPartition partition, BufferAllocator allocator);

  /** One line for {@code explain()}: whether the kernel is generated (and its class) or interpreted. */
  String describe();
}
