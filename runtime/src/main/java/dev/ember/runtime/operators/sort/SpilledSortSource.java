package dev.ember.runtime.operators.sort;

import dev.ember.runtime.memory.Resources;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The output of a sort that spilled: one morsel, whose stream merges the run files as it is read
 * (the sorted order is one sequence, so it cannot be cut into independent morsels). Owns the spill
 * directories and deletes them on {@link #close()}, whether or not the stream was read to the end.
 */
final class SpilledSortSource implements BatchSource {
  private static final Morsel MERGE = () -> "merge of sorted runs spilled to disk";

  private final StructType schema;
  private final List<SortKey> keys;
  private final List<Path> runs;
  private final List<SpillDirectory> directories;
  private final long limit;
  private SortedRunsMerge merge;
  private boolean opened;
  private boolean closed;

  SpilledSortSource(StructType schema, List<SortKey> keys, List<Path> runs, List<SpillDirectory> directories,
      long limit) {
    this.schema = schema;
    this.keys = keys;
    this.runs = List.copyOf(runs);
    this.directories = List.copyOf(directories);
    this.limit = limit;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public List<Morsel> morsels() {
    return List.of(MERGE);
  }

  @Override
  public synchronized BatchStream open(Morsel morsel, BufferAllocator allocator) {
    if (morsel != MERGE) {
      throw new IllegalArgumentException("morsel " + morsel.describe() + " does not belong to this source");
    }
    if (opened || closed) {
      throw new IllegalStateException(MERGE.describe() + " was already opened or the source is closed");
    }
    opened = true;
    merge = new SortedRunsMerge(schema, keys, runs, limit, false, allocator);
    SortedRunsMerge opened = merge;
    return new BatchStream() {
      @Override
      public ColumnBatch next() {
        return opened.next();
      }

      @Override
      public void close() {
        closeMerge();
      }
    };
  }

  private synchronized void closeMerge() {
    if (merge != null) {
      SortedRunsMerge open = merge;
      merge = null;
      open.close();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeMerge();
    } finally {
      Resources.closeAll(directories);
    }
  }
}
