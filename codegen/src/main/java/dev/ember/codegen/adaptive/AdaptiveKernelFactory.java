package dev.ember.codegen.adaptive;

import dev.ember.codegen.spec.KernelCompilationException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.SinkPartition;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs a pipeline with its interpreted kernels while its generated kernel compiles in the background,
 * and moves each worker to the generated kernel at the next batch once the class is ready. Compiling a
 * new pipeline costs tens to hundreds of milliseconds (more in a fresh JVM, where Janino itself must
 * load); a small query is over before that, so waiting for the compiler would only make it slower,
 * while a large one still spends nearly all its time in generated code.
 *
 * <p>Switching mid-stream is safe because kernels keep no state between batches: each batch's output
 * goes to the worker's sink partition before {@code process} returns, and both kernels compute the
 * same values (the interpreted kernels are the generated ones' test oracle). If compilation fails the
 * pipeline stays interpreted, as an eager compilation failure would leave it.
 */
public final class AdaptiveKernelFactory implements KernelFactory {
  private final KernelFactory interpreted;
  private final CompletableFuture<KernelFactory> generated;

  public AdaptiveKernelFactory(KernelFactory interpreted, CompletableFuture<KernelFactory> generated) {
    this.interpreted = Objects.requireNonNull(interpreted, "interpreted is null");
    this.generated = Objects.requireNonNull(generated, "generated is null");
  }

  @Override
  public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
    KernelFactory ready = readyGenerated();
    if (ready != null) {
      return ready.create(partition, allocator);
    }
    return new SwitchingKernel(interpreted.create(partition, allocator), partition, allocator);
  }

  /** The generated kernels if they compiled; null while compiling or after a failed compilation. */
  KernelFactory readyGenerated() {
    if (!generated.isDone() || generated.isCompletedExceptionally()) {
      return null;
    }
    return generated.join();
  }

  /** Why the pipeline runs interpreted for good, or null while compiling or once generated. */
  public String failure() {
    if (!generated.isCompletedExceptionally()) {
      return null;
    }
    try {
      generated.join();
      return null;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return cause instanceof KernelCompilationException ? cause.getMessage() : String.valueOf(cause);
    }
  }

  @Override
  public String describe() {
    KernelFactory ready = readyGenerated();
    if (ready != null) {
      return ready.describe();
    }
    return interpreted.describe() + (generated.isDone() ? "" : ", generated kernel compiling");
  }

  /** One worker's kernel: interpreted until the generated class is ready, then generated. */
  private final class SwitchingKernel implements PipelineKernel {
    private final SinkPartition partition;
    private final BufferAllocator allocator;
    private PipelineKernel current;
    private boolean switched;

    SwitchingKernel(PipelineKernel first, SinkPartition partition, BufferAllocator allocator) {
      this.current = first;
      this.partition = partition;
      this.allocator = allocator;
    }

    @Override
    public boolean process(ColumnBatch batch) {
      if (!switched) {
        KernelFactory ready = readyGenerated();
        if (ready != null) {
          current.finish();
          current = ready.create(partition, allocator);
          switched = true;
        }
      }
      return current.process(batch);
    }

    @Override
    public void finish() {
      current.finish();
    }
  }
}
