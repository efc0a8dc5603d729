package dev.ember.codegen.generated;

import dev.ember.codegen.spec.HasSource;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.SinkPartition;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/** Creates instances of one compiled kernel class, one per worker. Thread-safe (immutable). */
final class GeneratedKernelFactory implements KernelFactory, HasSource {
  private final Class<?> kernelClass;
  private final Constructor<?> constructor;
  private final Object[] references;
  private final String source;
  private final boolean batchOutput;

  GeneratedKernelFactory(Class<?> kernelClass, List<Object> references, String source, boolean batchOutput) {
    this.kernelClass = Objects.requireNonNull(kernelClass, "kernelClass is null");
    this.references = references.toArray();
    this.source = Objects.requireNonNull(source, "source is null");
    this.batchOutput = batchOutput;
    try {
      this.constructor = kernelClass.getConstructor(SinkPartition.class, BufferAllocator.class, Object[].class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("generated class " + kernelClass.getName() + " lacks its constructor", e);
    }
  }

  @Override
  public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
    Objects.requireNonNull(partition, "partition is null");
    Objects.requireNonNull(allocator, "allocator is null");
    if (batchOutput && !(partition instanceof BatchConsumer)) {
      throw new IllegalArgumentException("kernel " + kernelClass.getSimpleName()
          + " writes batches but the sink partition " + partition.getClass().getName() + " is no BatchConsumer");
    }
    try {
      return (PipelineKernel) constructor.newInstance(partition, allocator, references.clone());
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("could not create kernel " + kernelClass.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not create kernel " + kernelClass.getSimpleName(), e);
    }
  }

  @Override
  public String describe() {
    return "generated: " + kernelClass.getSimpleName();
  }

  @Override
  public String source() {
    return source;
  }

  Class<?> kernelClass() {
    return kernelClass;
  }
}
