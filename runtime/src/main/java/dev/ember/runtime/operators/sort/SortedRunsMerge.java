package dev.ember.runtime.operators.sort;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;

/**
 * Merges sorted run files into one sorted stream with a binary heap of the runs' current rows: by the
 * keys, then by source position, so the result is exactly the in-memory sort's. Holds one batch per
 * run (plus the batches the output batch being built still refers to), so memory does not grow with
 * the input. Used by one thread; closing it early (a satisfied limit) frees everything.
 */
final class SortedRunsMerge implements BatchStream {
  private final StructType schema;
  /** The schema of the output: the sorted schema, or the run schema when merging into a new run. */
  private final StructType outputSchema;
  private final List<SortKey> keys;
  private final BufferAllocator allocator;
  private final List<Cursor> cursors = new ArrayList<>();
  /** Indexes into {@link #cursors}; the run with the smallest current row first. */
  private final int[] heap;
  private int heapSize;
  /** Batches that rows of the output batch being built may still come from. */
  private final List<ColumnBatch> retired = new ArrayList<>();
  private long remaining;

  /**
   * {@code limit} -1 merges everything, else stops after {@code limit} rows. With {@code keepPositions}
   * the output keeps the position column, so that it can be written as a longer run.
   */
  SortedRunsMerge(StructType schema, List<SortKey> keys, List<Path> runs, long limit, boolean keepPositions,
      BufferAllocator allocator) {
    this.schema = schema;
    this.keys = keys;
    this.allocator = allocator;
    this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
    this.heap = new int[runs.size()];
    StructType runSchema = SortRunFile.withPosition(schema);
    this.outputSchema = keepPositions ? runSchema : schema;
    try {
      for (Path run : runs) {
        Cursor cursor = new Cursor(new SortRunFile.Reader(run, runSchema, allocator));
        cursors.add(cursor);
        if (cursor.advanceBatch()) {
          heap[heapSize++] = cursors.size() - 1;
        }
      }
      for (int i = heapSize / 2 - 1; i >= 0; i--) {
        siftDown(i);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public ColumnBatch next() {
    int rowCount = (int) Math.min(SortSink.BATCH_ROWS, remaining);
    ColumnBatch[] from = new ColumnBatch[rowCount];
    int[] fromRows = new int[rowCount];
    int out = 0;
    while (out < rowCount && heapSize > 0) {
      Cursor top = cursors.get(heap[0]);
      from[out] = top.batch;
      fromRows[out++] = top.row++;
      if (top.row == top.batch.rowCount()) {
        retired.add(top.batch);
        if (!top.advanceBatch()) {
          heap[0] = heap[--heapSize];
        }
      }
      siftDown(0);
    }
    if (out == 0) {
      return null;
    }
    try {
      remaining -= out;
      return SortedOutput.gather(outputSchema, from, fromRows, out, allocator, SortSink.FULL_SORT);
    } finally {
      closeRetired();
    }
  }

  private void siftDown(int index) {
    int moving = heap[index];
    while (true) {
      int child = 2 * index + 1;
      if (child >= heapSize) {
        break;
      }
      if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
        child++;
      }
      if (!before(heap[child], moving)) {
        break;
      }
      heap[index] = heap[child];
      index = child;
    }
    if (index < heapSize) {
      heap[index] = moving;
    }
  }

  /** Whether run {@code left}'s current row sorts before run {@code right}'s; never equal for two rows. */
  private boolean before(int left, int right) {
    Cursor a = cursors.get(left);
    Cursor b = cursors.get(right);
    for (int k = 0; k < a.keys.length; k++) {
      int result = a.keys[k].compare(a.row, b.keys[k], b.row);
      if (result != 0) {
        return result < 0;
      }
    }
    return a.positions.get(a.row) < b.positions.get(b.row);
  }

  private void closeRetired() {
    retired.forEach(ColumnBatch::close);
    retired.clear();
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (Cursor cursor : cursors) {
      try {
        cursor.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    cursors.clear();
    heapSize = 0;
    closeRetired();
    if (failure != null) {
      throw failure;
    }
  }

  /** One run's reader and its current batch, with the batch's extracted keys. */
  private final class Cursor implements AutoCloseable {
    private final SortRunFile.Reader reader;
    private ColumnBatch batch;
    private SortColumn[] keys = new SortColumn[0];
    private BigIntVector positions;
    private int row;

    Cursor(SortRunFile.Reader reader) {
      this.reader = reader;
    }

    /**
     * Moves to the run's next non-empty batch; false at the end of the run. The previous batch is not
     * closed here: output rows may still refer to it (see {@link #retired}).
     */
    boolean advanceBatch() {
      closeKeys();
      batch = null;
      ColumnBatch next;
      while ((next = reader.next(SortSink.FULL_SORT)) != null && next.rowCount() == 0) {
        next.close();
      }
      if (next == null) {
        return false;
      }
      batch = next;
      row = 0;
      positions = (BigIntVector) next.vector(schema.length());
      keys = new SortColumn[SortedRunsMerge.this.keys.size()];
      for (int k = 0; k < keys.length; k++) {
        keys[k] = SortColumn.extract(List.of(next), next.rowCount(), SortedRunsMerge.this.keys.get(k), allocator,
            SortSink.FULL_SORT);
      }
      return true;
    }

    private void closeKeys() {
      for (SortColumn key : keys) {
        if (key != null) {
          key.close();
        }
      }
      keys = new SortColumn[0];
    }

    @Override
    public void close() {
      closeKeys();
      try {
        if (batch != null && !retired.contains(batch)) {
          batch.close();
        }
        batch = null;
      } finally {
        reader.close();
      }
    }
  }
}
