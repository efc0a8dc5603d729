package dev.ember.api.cache;

import dev.ember.planner.logical.LogicalPlan;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A session's persisted Datasets. Queries replace every subtree equal to a persisted plan (the
 * analyzed plan of the Dataset, which derived Datasets contain unchanged) by an
 * {@link dev.ember.planner.logical.InMemoryRelation} reading the cached batches. The batches live in
 * this manager's allocator until {@code unpersist} or the session's end.
 */
public final class CacheManager implements AutoCloseable {
  private final BufferAllocator allocator;
  private final List<CachedData> entries = new ArrayList<>();
  private long version;

  /** @param allocator owned by the manager from now on; closed by {@link #close()} */
  public CacheManager(BufferAllocator allocator) {
    this.allocator = Objects.requireNonNull(allocator, "allocator is null");
  }

  /**
   * Persists {@code plan} unless it already is (Spark then keeps the first level, too).
   *
   * @param materializer runs a plan without the entry itself and moves its batches into the given allocator
   */
  public synchronized void persist(LogicalPlan plan, StorageLevel level,
      BiFunction<CachedData, BufferAllocator, List<ColumnBatch>> materializer) {
    if (lookup(plan).isPresent()) {
      return;
    }
    CachedData data = new CachedData(plan, level);
    data.materializeWith(() -> materializer.apply(data, allocator));
    entries.add(data);
    version++;
  }

  /** Changes whenever a plan is persisted or unpersisted, so planned queries know to look again. */
  public synchronized long version() {
    return version;
  }

  public synchronized Optional<CachedData> lookup(LogicalPlan plan) {
    return entries.stream().filter(entry -> entry.plan().equals(plan)).findFirst();
  }

  /** Forgets {@code plan} and frees its batches; nothing happens when it is not persisted. */
  public synchronized void unpersist(LogicalPlan plan) {
    lookup(plan).ifPresent(entry -> {
      entries.remove(entry);
      entry.release();
      version++;
    });
  }

  /**
   * {@code plan} with each subtree equal to a persisted plan (other than {@code excluded}, which is
   * being computed) read from the cache instead.
   */
  public LogicalPlan useCachedData(LogicalPlan plan, CachedData excluded) {
    List<CachedData> candidates;
    synchronized (this) {
      if (entries.isEmpty()) {
        return plan;
      }
      candidates = List.copyOf(entries);
    }
    return plan.transformDown(node -> {
      for (CachedData entry : candidates) {
        if (entry != excluded && entry.plan().equals(node)) {
          return entry.relation();
        }
      }
      return node;
    });
  }

  @Override
  public synchronized void close() {
    try {
      entries.forEach(CachedData::release);
      entries.clear();
    } finally {
      allocator.close();
    }
  }
}
