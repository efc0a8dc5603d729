package dev.ember.runtime.io;

import dev.ember.runtime.batch.ColumnBatch;

/**
 * Writes batches of one schema into one output file (a part file of a dataset). One instance per
 * file, used by one worker thread.
 *
 * <p>Contract: {@link #write} borrows the batch (the caller closes it). {@link #close()} completes the
 * file (footer, flush) and releases buffers; after a failure the caller calls {@link #abort()}
 * instead, which releases everything and may leave a partial file, which the commit protocol deletes
 * with the staging directory. Neither makes the file visible to readers: publishing is the commit
 * protocol's job.
 */
public interface BatchFileWriter extends AutoCloseable {
  void write(ColumnBatch batch);

  @Override
  void close();

  void abort();
}
