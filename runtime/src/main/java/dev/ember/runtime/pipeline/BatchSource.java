package dev.ember.runtime.pipeline;

import dev.ember.sql.types.StructType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Where a pipeline's batches come from: a file scan, a row range, or the result of an earlier
 * pipeline (a hash aggregate's groups, a sort's output). Later: a hash-join probe side.
 *
 * <p>Thread safety: {@link #morsels()} is called once, by the scheduler; {@link #open} is called
 * concurrently by several workers, each with its own morsel and its own allocator.
 *
 * <p>Ownership: a source that holds materialized batches owns them until {@link #close()}.
 */
public interface BatchSource extends AutoCloseable {
  StructType schema();

  /** The work, cut into independent pieces. May be empty. */
  List<Morsel> morsels();

  /** Opens a stream over one morsel; batches are allocated from {@code allocator}. */
  BatchStream open(Morsel morsel, BufferAllocator allocator);

  /** Releases whatever the source holds (materialized batches); a file source holds nothing. */
  @Override
  default void close() {}
}
