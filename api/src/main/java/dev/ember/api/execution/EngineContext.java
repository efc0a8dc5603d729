package dev.ember.api.execution;

import dev.ember.api.cache.CacheManager;
import dev.ember.api.sources.LocalDataStore;
import dev.ember.codegen.generated.GeneratedKernels;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.scheduler.PipelineExecutor;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a session owns for running queries: the root Arrow allocator every query allocates from, the
 * worker pool, and the generated-kernel cache shared by all its queries. Closing it fails loudly if a
 * query leaked Arrow memory.
 */
public final class EngineContext implements AutoCloseable {
  private final int parallelism;
  private final BufferAllocator rootAllocator;
  private final PipelineExecutor executor;
  private final GeneratedKernels generatedKernels;
  private final CacheManager cacheManager;
  private final LocalDataStore localData;

  public EngineContext(int parallelism, long memoryLimitBytes) {
    this.parallelism = parallelism;
    this.rootAllocator = Allocators.newRoot(memoryLimitBytes);
    this.executor = new PipelineExecutor(parallelism);
    this.generatedKernels = new GeneratedKernels();
    this.cacheManager = new CacheManager(rootAllocator.newChildAllocator("cache", 0, rootAllocator.getLimit()));
    this.localData = new LocalDataStore(rootAllocator.newChildAllocator("local data", 0, rootAllocator.getLimit()));
  }

  /** The session's persisted Datasets, whose batches it owns. */
  public CacheManager cacheManager() {
    return cacheManager;
  }

  /** The batches of the session's DataFrames built from local rows ({@code createDataFrame}). */
  public LocalDataStore localData() {
    return localData;
  }

  public int parallelism() {
    return parallelism;
  }

  /** A child allocator for one query; the query closes it when its results are released. */
  public BufferAllocator newQueryAllocator(String name) {
    return rootAllocator.newChildAllocator(name, 0, rootAllocator.getLimit());
  }

  public PipelineExecutor executor() {
    return executor;
  }

  public GeneratedKernels generatedKernels() {
    return generatedKernels;
  }

  @Override
  public void close() {
    try {
      executor.close();
    } finally {
      try {
        cacheManager.close();
      } finally {
        try {
          localData.close();
        } finally {
          rootAllocator.close();
        }
      }
    }
  }
}
