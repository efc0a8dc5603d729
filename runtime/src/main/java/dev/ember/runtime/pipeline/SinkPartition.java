package dev.ember.runtime.pipeline;

/**
 * A sink's per-worker state: a hash table of partial aggregates, a list of batches to sort. Touched by
 * one worker while the pipeline runs, then handed to {@link PipelineSink#finish} which combines them.
 * Closing releases every buffer the partition still owns.
 */
public interface SinkPartition extends AutoCloseable {
  /**
   * The worker is about to feed the batches of morsel {@code morselIndex} (the morsel's position in
   * its source's {@code morsels()} list). Sinks that must keep source order (collect, limit) tag the
   * batches that follow with it; a worker takes morsels in increasing index order.
   */
  default void beginMorsel(int morselIndex) {}

  @Override
  void close();
}
