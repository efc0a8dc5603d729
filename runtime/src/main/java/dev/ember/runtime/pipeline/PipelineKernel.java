package dev.ember.runtime.pipeline;

import dev.ember.runtime.batch.ColumnBatch;

/**
 * The fused body of one pipeline for one worker thread: everything between the source and the sink
 * (filters, projections, and the sink's per-row update such as a hash-aggregate update), compiled
 * into one class by codegen or run by the interpreted fallback. Not thread-safe: the scheduler
 * creates one kernel per worker through a {@link KernelFactory}.
 *
 * <p>Contract: {@link #process} borrows the input batch (the caller closes it afterwards) and must not
 * keep references into its vectors once it returns. Empty batches may arrive. Output goes to the
 * worker's {@link SinkPartition} the kernel was created with.
 */
public interface PipelineKernel {
  /** Processes one batch. Returns {@code false} when the sink wants no more input. */
  boolean process(ColumnBatch batch);

  /** This worker's input is exhausted: flush any partly built output batch into the partition. */
  void finish();
}
