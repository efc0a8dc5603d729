package dev.ember.codegen.adaptive;

import dev.ember.codegen.spec.KernelCompilationException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.SinkPartition;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs a pipeline with its interpreted kernels, starts compiling its generated kernel in the background
 * once the pipeline has shown it has work to do, and moves each worker to the generated kernel at the
 * next batch once the class is ready. Compiling a new pipeline costs tens to hundreds of milliseconds
 * (more in a fresh JVM, where Janino itself must load); a small query is over before that, so waiting
 * for the compiler would only make it slower, while a large one still spends nearly all its time in
 * generated code.
 *
 * <p>Compilation starts only when the pipeline's workers together have processed
 * {@code rowsBeforeCompiling} rows. A pipeline over a few hundred rows (a small CSV, the output of an
 * aggregation) is done long before its class could be ready; compiling it anyway would load Janino and
 * take a core from the query, which in a short program costs more than the whole query (a third of the
 * process's CPU time on the README's example, RESULTS.md "Cold start (2026-11-24, session 4)").
 *
 * <p>Switching mid-stream is safe because kernels keep no state between batches: each batch's output
 * goes to the worker's sink partition before {@code process} returns, and both kernels compute the
 * same values (the interpreted kernels are the generated ones' test oracle). If compilation fails the
 * pipeline stays interpreted, as an eager compilation failure would leave it.
 */
public final class AdaptiveKernelFactory implements KernelFactory {
  /** Rows after which a pipeline is worth compiling: a few batches, a few milliseconds of interpreted work. */
  public static final long DEFAULT_ROWS_BEFORE_COMPILING = 100_000;

  private final KernelFactory interpreted;
  private final Supplier<CompletableFuture<KernelFactory>> compilation;
  private final long rowsBeforeCompiling;
  private final AtomicLong rowsProcessed = new AtomicLong();
  /** The started compilation; null until the pipeline has processed enough rows. */
  private final AtomicReference<CompletableFuture<KernelFactory>> generated = new AtomicReference<>();

  /**
   * @param compilation starts compiling the generated kernel (on a background thread) and returns its
   *     future; called at most once, when the workers have processed {@code rowsBeforeCompiling} rows
   * @param rowsBeforeCompiling 0 starts compiling when the factory is created
   */
  public AdaptiveKernelFactory(KernelFactory interpreted, Supplier<CompletableFuture<KernelFactory>> compilation,
      long rowsBeforeCompiling) {
    this.interpreted = Objects.requireNonNull(interpreted, "interpreted is null");
    this.compilation = Objects.requireNonNull(compilation, "compilation is null");
    if (rowsBeforeCompiling < 0) {
      throw new IllegalArgumentException("rowsBeforeCompiling must not be negative, got " + rowsBeforeCompiling);
    }
    this.rowsBeforeCompiling = rowsBeforeCompiling;
    if (rowsBeforeCompiling == 0) {
      startCompiling();
    }
  }

  /** A factory whose compilation has already started. */
  public AdaptiveKernelFactory(KernelFactory interpreted, CompletableFuture<KernelFactory> generated) {
    this(interpreted, supplying(Objects.requireNonNull(generated, "generated is null")), 0);
  }

  private static Supplier<CompletableFuture<KernelFactory>> supplying(CompletableFuture<KernelFactory> generated) {
    return () -> generated;
  }

  @Override
  public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
    KernelFactory ready = readyGenerated();
    if (ready != null) {
      return ready.create(partition, allocator);
    }
    return new SwitchingKernel(interpreted.create(partition, allocator), partition, allocator);
  }

  /** Whether the generated kernel has started compiling (it may be done already). */
  public boolean compilationStarted() {
    return generated.get() != null;
  }

  private void countRows(int rows) {
    if (generated.get() == null && rowsProcessed.addAndGet(rows) >= rowsBeforeCompiling) {
      startCompiling();
    }
  }

  private void startCompiling() {
    CompletableFuture<KernelFactory> started = new CompletableFuture<>();
    if (generated.compareAndSet(null, started)) {
      // The placeholder is published first so that only one worker starts the compiler.
      try {
        compilation.get().whenComplete((factory, failure) -> {
          if (failure != null) {
            started.completeExceptionally(failure);
          } else {
            started.complete(factory);
          }
        });
      } catch (RuntimeException e) {
        started.completeExceptionally(e);
      }
    }
  }

  /** The generated kernels if they compiled; null before or while compiling, or after a failed compilation. */
  KernelFactory readyGenerated() {
    CompletableFuture<KernelFactory> future = generated.get();
    if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
      return null;
    }
    return future.join();
  }

  /** Why the pipeline runs interpreted for good, or null before, while or after a successful compilation. */
  public String failure() {
    CompletableFuture<KernelFactory> future = generated.get();
    if (future == null || !future.isCompletedExceptionally()) {
      return null;
    }
    try {
      future.join();
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
    CompletableFuture<KernelFactory> future = generated.get();
    if (future == null) {
      return interpreted.describe() + ", generated kernel compiled after " + rowsBeforeCompiling + " rows";
    }
    return interpreted.describe() + (future.isDone() ? "" : ", generated kernel compiling");
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
        } else if (batch != null) {
          countRows(batch.rowCount());
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
