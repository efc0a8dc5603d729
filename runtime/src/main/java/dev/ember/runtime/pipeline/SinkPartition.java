package dev.ember.runtime.pipeline;

/**
 * A sink's per-worker state: a hash table of partial aggregates, a list of batches to sort. Touched by
 * one worker while the pipeline runs, then handed to {@link PipelineSink#finish} which combines them.
 * Closing releases every buffer the partition still owns.
 */
public interface SinkPartition extends AutoCloseable {
  @Override
  void close();
}
