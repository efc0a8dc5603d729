package dev.ember.runtime.pipeline;

import dev.ember.runtime.batch.ColumnBatch;

/**
 * Receives the batches a pipeline produces, for sinks that collect whole batches (result collection,
 * sort input, limit). One instance per worker; not thread-safe.
 */
public interface BatchConsumer {
  /**
   * Takes ownership of {@code batch}. Returns {@code false} when this consumer needs no more input
   * (a limit is satisfied), so the worker can stop early; the batch is still owned by the consumer.
   */
  boolean accept(ColumnBatch batch);
}
