package dev.ember.runtime.pipeline;

import dev.ember.sql.types.StructType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Where a pipeline ends: an operator that must see all of its input before producing output (hash
 * aggregate, sort, limit, result collection). Later: a hash-join build side, a window.
 *
 * <p>Lifecycle: the scheduler asks for one partition per worker, runs the workers, then calls
 * {@link #finish} once with all partitions. {@code finish} takes ownership of the partitions (it
 * closes them) and returns a source over the sink's output, owned by the caller.
 */
public interface PipelineSink {
  /** The schema of the batches the sink outputs. */
  StructType outputSchema();

  SinkPartition createPartition(BufferAllocator allocator);

  BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator);

  /**
   * The most workers the scheduler may run this pipeline on: 1 makes one worker read the morsels in
   * order, as a single partition of Spark's would.
   */
  default int maxWorkers() {
    return Integer.MAX_VALUE;
  }

  /** One line for {@code explain()}. */
  String describe();
}
