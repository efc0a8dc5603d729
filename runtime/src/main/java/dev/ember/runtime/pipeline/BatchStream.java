package dev.ember.runtime.pipeline;

import dev.ember.runtime.batch.ColumnBatch;

/**
 * The batches of one morsel, one at a time. Used by one thread.
 *
 * <p>Each returned batch belongs to the caller, who closes it. Batches may be empty (zero rows);
 * consumers must accept that. {@link #close()} may come before the end (a satisfied limit).
 */
public interface BatchStream extends AutoCloseable {
  /** The next batch, or {@code null} at the end of the morsel. */
  ColumnBatch next();

  @Override
  void close();
}
