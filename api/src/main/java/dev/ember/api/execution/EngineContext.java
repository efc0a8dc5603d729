package dev.ember.api.execution;

import dev.ember.api.cache.CacheManager;
import dev.ember.codegen.generated.GeneratedKernels;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.scheduler.PipelineExecutor;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a session owns for running queries: the root Arrow allocator every query allocates from, the
 * worker pool, and the generated-kernel cache shared by all its queries. Closing it fails loudly if a
 * query leaked Arrow memory.
 *
 * <p>The root allocator is made when the first query (or the cache) needs memory, not with the
 * session: its limit may come from the machine's memory, which {@link StartupPreloader} looks up
 * while the session starts, and Arrow's own start (its allocator classes and logging) then happens
 * after the work that can overlap that lookup.
 */
public final class EngineContext implements AutoCloseable {
  private final int parallelism;
  private final LongSupplier memoryLimitBytes;
  private final PipelineExecutor executor;
  private final GeneratedKernels generatedKernels;
  /** Both made together on first use, under this object's lock; null before. */
  private BufferAllocator rootAllocator;
  private CacheManager cacheManager;

  public EngineContext(int parallelism, long memoryLimitBytes) {
    this(parallelism, () -> memoryLimitBytes);
  }

  /** @param memoryLimitBytes asked once, when the first query or the cache needs memory */
  public EngineContext(int parallelism, LongSupplier memoryLimitBytes) {
    this.parallelism = parallelism;
    this.memoryLimitBytes = Objects.requireNonNull(memoryLimitBytes, "memoryLimitBytes is null");
    this.executor = new PipelineExecutor(parallelism);
    this.generatedKernels = new GeneratedKernels();
  }

  private synchronized BufferAllocator rootAllocator() {
    if (rootAllocator == null) {
      BufferAllocator root = Allocators.newRoot(memoryLimitBytes.getAsLong());
      cacheManager = new CacheManager(root.newChildAllocator("cache", 0, root.getLimit()));
      rootAllocator = root;
    }
    return rootAllocator;
  }

  /** The session's persisted Datasets, whose batches it owns. */
  public synchronized CacheManager cacheManager() {
    rootAllocator();
    return cacheManager;
  }

  public int parallelism() {
    return parallelism;
  }

  /** A child allocator for one query; the query closes it when its results are released. */
  public BufferAllocator newQueryAllocator(String name) {
    BufferAllocator root = rootAllocator();
    return root.newChildAllocator(name, 0, root.getLimit());
  }

  public PipelineExecutor executor() {
    return executor;
  }

  public GeneratedKernels generatedKernels() {
    return generatedKernels;
  }

  @Override
  public synchronized void close() {
    try {
      executor.close();
    } finally {
      if (rootAllocator != null) {
        try {
          cacheManager.close();
        } finally {
          rootAllocator.close();
        }
      }
    }
  }
}
