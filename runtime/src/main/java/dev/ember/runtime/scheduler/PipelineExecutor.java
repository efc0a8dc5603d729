package dev.ember.runtime.scheduler;

import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.sources.ConcatenatedSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.runtime.memory.Resources;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * Runs pipelines morsel-driven: each worker owns one sink partition and one kernel and pulls the next
 * morsel from a shared counter, so fast workers take more. Morsels are handed out in increasing
 * index order, which order-keeping sinks rely on (see {@code LimitSink}).
 *
 * <p>Ownership: {@link #run} takes ownership of the pipeline's sources (a {@code SourceInput}'s source
 * and every upstream pipeline's output) and closes them when the pipeline is done, also on failure;
 * the returned source belongs to the caller. On failure every partition is closed too, so nothing
 * allocated for the run outlives it.
 *
 * <p>Errors: the first exception of any worker cancels the others (they stop between batches) and is
 * rethrown on the caller's thread; a {@link RuntimeException} or {@link Error} unchanged, so a
 * {@link SparkException} keeps its error condition.
 */
public final class PipelineExecutor implements AutoCloseable {
  private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

  private final int parallelism;
  private final ExecutorService pool;

  public PipelineExecutor(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
    this.pool = parallelism == 1 ? null : Executors.newFixedThreadPool(parallelism, workerThreads());
  }

  private static ThreadFactory workerThreads() {
    return task -> {
      // Numbered JVM-wide, so names stay unique when several executors live in one JVM (tests).
      Thread thread = new Thread(task, "ember-worker-" + THREAD_NUMBERS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  public int parallelism() {
    return parallelism;
  }

  /**
   * Runs the upstream pipelines, then this one; returns the sink's output, owned by the caller. A
   * pipeline that several others read runs once, each reader getting its own view of the output.
   */
  public BatchSource run(Pipeline pipeline, BufferAllocator allocator) {
    Objects.requireNonNull(pipeline, "pipeline is null");
    Objects.requireNonNull(allocator, "allocator is null");
    try (SharedOutputs shared = SharedOutputs.of(pipeline)) {
      return run(pipeline, allocator, shared);
    }
  }

  private BatchSource run(Pipeline pipeline, BufferAllocator allocator, SharedOutputs shared) {
    BatchSource ready = shared.take(pipeline);
    if (ready != null) {
      return ready;
    }
    BatchSource source;
    if (pipeline.input() instanceof Pipeline.SourceInput sourceInput) {
      source = sourceInput.source();
    } else if (pipeline.input() instanceof Pipeline.UpstreamInput upstreamInput) {
      source = run(upstreamInput.upstream(), allocator, shared);
    } else if (pipeline.input() instanceof Pipeline.ConcatenatedInput concatenated) {
      source = runAll(concatenated.upstreams(), allocator, shared);
    } else {
      throw new IllegalStateException("unknown pipeline input " + pipeline.input());
    }
    // Build sides run first; their outputs (hash tables) stay open while this pipeline probes them.
    List<BatchSource> builtSides = new ArrayList<>();
    try (source) {
      for (Pipeline buildSide : pipeline.buildSides()) {
        builtSides.add(run(buildSide, allocator, shared));
      }
      return shared.distribute(pipeline, runOn(pipeline, source, allocator));
    } finally {
      Resources.closeAll(builtSides);
    }
  }

  /** Runs each upstream in order; on failure closes the outputs already produced. */
  private BatchSource runAll(List<Pipeline> upstreams, BufferAllocator allocator, SharedOutputs shared) {
    List<BatchSource> outputs = new ArrayList<>(upstreams.size());
    try {
      for (Pipeline upstream : upstreams) {
        outputs.add(run(upstream, allocator, shared));
      }
    } catch (RuntimeException | Error e) {
      for (BatchSource output : outputs) {
        try {
          output.close();
        } catch (RuntimeException closeFailure) {
          e.addSuppressed(closeFailure);
        }
      }
      throw e;
    }
    return new ConcatenatedSource(outputs);
  }

  private BatchSource runOn(Pipeline pipeline, BatchSource source, BufferAllocator allocator) {
    PipelineSink sink = pipeline.sink();
    List<Morsel> morsels = source.morsels();
    int workers = Math.max(1, Math.min(Math.min(parallelism, morsels.size()), sink.maxWorkers()));
    List<SinkPartition> partitions = new ArrayList<>(workers);
    try {
      List<Worker> pipelineWorkers = new ArrayList<>(workers);
      RunState state = new RunState(morsels);
      for (int i = 0; i < workers; i++) {
        SinkPartition partition = sink.createPartition(allocator);
        partitions.add(partition);
        PipelineKernel kernel = pipeline.kernels().create(partition, allocator);
        pipelineWorkers.add(new Worker(state, source, partition, kernel, allocator, sink.describe()));
      }
      if (workers == 1) {
        pipelineWorkers.get(0).run();
      } else {
        runInPool(pipelineWorkers, state);
      }
      state.rethrowFailure(pipeline);
    } catch (RuntimeException | Error e) {
      closeAll(partitions, e);
      throw e;
    }
    return sink.finish(partitions, allocator);
  }

  private void runInPool(List<Worker> workers, RunState state) {
    List<Future<?>> futures = new ArrayList<>(workers.size());
    for (Worker worker : workers) {
      futures.add(pool.submit(worker));
    }
    boolean interrupted = false;
    // Wait for every worker, even after a failure: partitions may be closed only once no worker uses them.
    for (Future<?> future : futures) {
      while (true) {
        try {
          future.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          state.fail(new SparkException("the query was interrupted", e));
        } catch (ExecutionException e) {
          state.fail(e.getCause());
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeAll(List<SinkPartition> partitions, Throwable failure) {
    for (SinkPartition partition : partitions) {
      try {
        partition.close();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** What the workers of one pipeline run share: the morsel counter and the first failure. */
  private static final class RunState {
    private final List<Morsel> morsels;
    private final AtomicInteger nextMorsel = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    RunState(List<Morsel> morsels) {
      this.morsels = morsels;
    }

    /** The next morsel's index, or -1 when none is left or the run failed. */
    int takeMorsel() {
      if (failure.get() != null) {
        return -1;
      }
      int index = nextMorsel.getAndIncrement();
      return index < morsels.size() ? index : -1;
    }

    boolean cancelled() {
      return failure.get() != null;
    }

    void fail(Throwable cause) {
      if (!failure.compareAndSet(null, cause) && failure.get() != cause) {
        failure.get().addSuppressed(cause);
      }
    }

    void rethrowFailure(Pipeline pipeline) {
      Throwable cause = failure.get();
      if (cause == null) {
        return;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new SparkException("pipeline " + pipeline.id() + " failed: " + cause, cause);
    }
  }

  /** One worker: pulls morsels until none is left, the sink is satisfied, or another worker failed. */
  private static final class Worker implements Runnable {
    private final RunState state;
    private final BatchSource source;
    private final SinkPartition partition;
    private final PipelineKernel kernel;
    private final BufferAllocator allocator;
    private final String operator;

    Worker(RunState state, BatchSource source, SinkPartition partition, PipelineKernel kernel, BufferAllocator allocator,
        String operator) {
      this.operator = operator;
      this.state = state;
      this.source = source;
      this.partition = partition;
      this.kernel = kernel;
      this.allocator = allocator;
    }

    @Override
    public void run() {
      try {
        boolean wantsMore = true;
        for (int index = state.takeMorsel(); index >= 0 && wantsMore; index = wantsMore ? state.takeMorsel() : -1) {
          wantsMore = processMorsel(index);
        }
        if (!state.cancelled()) {
          kernel.finish();
        }
      } catch (OutOfMemoryException e) {
        // Arrow refused a vector allocation (an output batch, a batch a sink keeps): name the operator.
        state.fail(OperatorMemory.refused(allocator, e, "pipeline feeding " + operator));
      } catch (RuntimeException | Error e) {
        state.fail(e);
      }
    }

    /** Streams one morsel through the kernel; false when the sink wants no more input from this worker. */
    private boolean processMorsel(int index) {
      partition.beginMorsel(index);
      try (BatchStream stream = source.open(state.morsels.get(index), allocator)) {
        for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
          boolean wantsMore;
          try {
            wantsMore = kernel.process(batch);
          } finally {
            batch.close();
          }
          if (!wantsMore) {
            return false;
          }
          if (state.cancelled()) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
