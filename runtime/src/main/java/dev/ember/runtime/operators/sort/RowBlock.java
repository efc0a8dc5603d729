package dev.ember.runtime.operators.sort;

import dev.ember.runtime.batch.ColumnBatch;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A batch a top-N partition keeps, with its extracted sort keys and each row's source position
 * (morsel index in the high 32 bits, row within the morsel in the low 32), the tie-breaker that makes
 * top-N as stable as the full sort. Owns the batch.
 */
final class RowBlock implements AutoCloseable {
  private static final long MAX_ROWS_PER_MORSEL = 1L << 32;

  private final ColumnBatch batch;
  private final SortColumn[] keys;
  /** Position of row 0 when the rows are consecutive in one morsel (an arriving batch). */
  private final long firstPosition;
  /** One position per row for a compacted block, else {@code null}. */
  private final ArrowBuf positions;
  private final long positionsAddress;
  /** Rows of this block the partition's heap still refers to. */
  int liveRows;

  private RowBlock(ColumnBatch batch, SortColumn[] keys, long firstPosition, ArrowBuf positions) {
    this.batch = batch;
    this.keys = keys;
    this.firstPosition = firstPosition;
    this.positions = positions;
    this.positionsAddress = positions == null ? 0 : positions.memoryAddress();
  }

  /** The position of row {@code rowInMorsel} of morsel {@code morselIndex}. */
  static long position(int morselIndex, long rowInMorsel) {
    if (rowInMorsel >= MAX_ROWS_PER_MORSEL) {
      throw new IllegalStateException("top-N supports at most " + MAX_ROWS_PER_MORSEL + " rows per morsel, morsel "
          + morselIndex + " has more");
    }
    return ((long) morselIndex << 32) | rowInMorsel;
  }

  /** Rows that arrived together, consecutive in one morsel from {@code firstPosition}. Takes the batch. */
  static RowBlock arrived(ColumnBatch batch, List<SortKey> keys, long firstPosition, BufferAllocator allocator) {
    try {
      return new RowBlock(batch, extractKeys(batch, keys, allocator), firstPosition, null);
    } catch (RuntimeException e) {
      batch.close();
      throw e;
    }
  }

  /** Rows gathered from other blocks, with one position each. Takes the batch and the positions. */
  static RowBlock compacted(ColumnBatch batch, List<SortKey> keys, ArrowBuf positions, BufferAllocator allocator) {
    try {
      return new RowBlock(batch, extractKeys(batch, keys, allocator), 0, positions);
    } catch (RuntimeException e) {
      batch.close();
      positions.close();
      throw e;
    }
  }

  private static SortColumn[] extractKeys(ColumnBatch batch, List<SortKey> keys, BufferAllocator allocator) {
    SortColumn[] columns = new SortColumn[keys.size()];
    try {
      for (int k = 0; k < columns.length; k++) {
        columns[k] = SortColumn.extract(List.of(batch), batch.rowCount(), keys.get(k), allocator, SortSink.TOP_N);
      }
      return columns;
    } catch (RuntimeException e) {
      closeAll(columns);
      throw e;
    }
  }

  ColumnBatch batch() {
    return batch;
  }

  int rowCount() {
    return batch.rowCount();
  }

  long position(int row) {
    return positions == null ? firstPosition + row : MemoryUtil.getLong(positionsAddress + ((long) row << 3));
  }

  /**
   * The sort order of row {@code left} of {@code leftBlock} against row {@code right} of
   * {@code rightBlock}: by the keys, then by source position. Never 0 for different rows.
   */
  static int compare(RowBlock leftBlock, int left, RowBlock rightBlock, int right) {
    SortColumn[] leftKeys = leftBlock.keys;
    SortColumn[] rightKeys = rightBlock.keys;
    for (int k = 0; k < leftKeys.length; k++) {
      int result = leftKeys[k].compare(left, rightKeys[k], right);
      if (result != 0) {
        return result;
      }
    }
    return Long.compare(leftBlock.position(left), rightBlock.position(right));
  }

  private static void closeAll(SortColumn[] columns) {
    for (SortColumn column : columns) {
      if (column != null) {
        column.close();
      }
    }
  }

  @Override
  public void close() {
    // The keys may point into the batch's buffers: close them first.
    closeAll(keys);
    if (positions != null) {
      positions.close();
    }
    batch.close();
  }
}
