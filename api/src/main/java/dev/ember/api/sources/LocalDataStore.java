package dev.ember.api.sources;

import java.lang.ref.Cleaner;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The Arrow memory of a session's DataFrames built from local data ({@code createDataFrame}). Each
 * one's batches are freed when its table source can no longer be reached (no Dataset refers to it any
 * more), or at the latest when the session stops and closes this store.
 */
public final class LocalDataStore implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  private final BufferAllocator allocator;
  private final Set<LocalRowsTableSource.Data> live = new HashSet<>();
  private boolean closed;

  /** @param allocator owned by the store from now on; closed by {@link #close()} */
  public LocalDataStore(BufferAllocator allocator) {
    this.allocator = Objects.requireNonNull(allocator, "allocator is null");
  }

  /** Keeps {@code data} until {@code owner} becomes unreachable or the store closes. */
  synchronized void register(Object owner, LocalRowsTableSource.Data data) {
    if (closed) {
      throw new IllegalStateException("Cannot call methods on a stopped SparkSession.");
    }
    live.add(data);
    // The action must not refer to the owner, or the owner would never become unreachable.
    CLEANER.register(owner, () -> release(data));
  }

  BufferAllocator allocator() {
    return allocator;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Bytes the local data's batches hold now. */
  public long allocatedBytes() {
    return allocator.getAllocatedMemory();
  }

  private synchronized void release(LocalRowsTableSource.Data data) {
    if (live.remove(data)) {
      data.release();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      List.copyOf(live).forEach(LocalRowsTableSource.Data::release);
      live.clear();
    } finally {
      allocator.close();
    }
  }
}
