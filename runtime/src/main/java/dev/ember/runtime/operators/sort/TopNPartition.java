package dev.ember.runtime.operators.sort;

import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.StructType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * One worker's best {@code limit} rows so far, kept as input arrives so memory stays in proportion to
 * the limit, not to the input.
 *
 * <p>A bounded max-heap (worst kept row on top) of row references, each a block id and a row in that
 * block, lives in an off-heap buffer. An arriving batch becomes a {@link RowBlock}; each row that
 * beats the heap's top replaces it. A block none of whose rows are referenced any more is freed at
 * once; when the rows kept only because their block is kept (dead rows) outnumber {@code limit}, the
 * referenced rows are compacted into one new block. So a worker holds at most about {@code 2 * limit}
 * rows plus the arriving batch.
 *
 * <p>Ties: a worker sees its rows in source order (morsels in increasing index order), so an arriving
 * row never beats an equal kept row, and equal rows are evicted latest first; the final merge breaks
 * ties by source position. Hence the result equals the full sort's first {@code limit} rows.
 */
final class TopNPartition implements SinkPartition, BatchConsumer {
  private static final int INITIAL_HEAP_CAPACITY = 1024;

  private final StructType schema;
  private final List<SortKey> keys;
  private final int limit;
  private final BufferAllocator allocator;
  private final long compactionThreshold;

  /** By block id; {@code null} marks a free id, reused before the list grows. */
  private final List<RowBlock> blocks = new ArrayList<>();
  private final ArrayDeque<Integer> freeIds = new ArrayDeque<>();
  /** Rows of all kept blocks, referenced or not. */
  private long keptRows;

  /** Entries: block id in the high 32 bits, row in the low 32. */
  private ArrowBuf heap;
  private int heapCapacity;
  private int heapSize;

  private int morselIndex;
  private long rowInMorsel;

  TopNPartition(StructType schema, List<SortKey> keys, int limit, BufferAllocator allocator) {
    this.schema = schema;
    this.keys = keys;
    this.limit = limit;
    this.allocator = allocator;
    // Compacting copies at most limit rows and frees more than limit dead ones: amortized O(1) a row.
    this.compactionThreshold = limit;
  }

  @Override
  public void beginMorsel(int morselIndex) {
    this.morselIndex = morselIndex;
    this.rowInMorsel = 0;
  }

  @Override
  public boolean accept(ColumnBatch batch) {
    if (batch.rowCount() == 0 || limit == 0) {
      batch.close();
      return limit > 0;
    }
    long firstPosition = RowBlock.position(morselIndex, rowInMorsel);
    rowInMorsel += batch.rowCount();
    RowBlock block = RowBlock.arrived(batch, keys, firstPosition, allocator);
    int id = register(block);
    try {
      for (int row = 0; row < block.rowCount(); row++) {
        offer(block, id, row);
      }
    } finally {
      if (block.liveRows == 0) {
        release(id);
      }
    }
    if (keptRows - heapSize > compactionThreshold) {
      compact();
    }
    return true;
  }

  private void offer(RowBlock block, int id, int row) {
    if (heapSize < limit) {
      ensureHeapCapacity(heapSize + 1);
      put(heapSize, entry(id, row));
      siftUp(heapSize++);
      block.liveRows++;
      return;
    }
    long top = get(0);
    RowBlock topBlock = blocks.get(blockId(top));
    // The arriving row comes after every kept row, so it must be strictly better to replace one.
    if (RowBlock.compare(block, row, topBlock, rowOf(top)) >= 0) {
      return;
    }
    put(0, entry(id, row));
    block.liveRows++;
    siftDown(0);
    if (--topBlock.liveRows == 0 && topBlock != block) {
      release(blockId(top));
    }
  }

  private int register(RowBlock block) {
    keptRows += block.rowCount();
    Integer free = freeIds.poll();
    if (free != null) {
      blocks.set(free, block);
      return free;
    }
    blocks.add(block);
    return blocks.size() - 1;
  }

  private void release(int id) {
    RowBlock block = blocks.set(id, null);
    keptRows -= block.rowCount();
    freeIds.push(id);
    block.close();
  }

  /** Copies the referenced rows into one new block and frees all others; the heap keeps its order. */
  private void compact() {
    List<FieldVector> vectors = new ArrayList<>();
    ArrowBuf positions = null;
    RowBlock compacted;
    try {
      positions = OperatorMemory.allocate(allocator, 8L * heapSize, SortSink.TOP_N);
      vectors.addAll(ColumnBatch.allocateVectors(schema, allocator, heapSize));
      for (int column = 0; column < schema.length(); column++) {
        FieldVector target = vectors.get(column);
        for (int i = 0; i < heapSize; i++) {
          long entry = get(i);
          NestedValues.copy(blocks.get(blockId(entry)).batch().vector(column), rowOf(entry), target, i);
        }
        target.setValueCount(heapSize);
      }
      for (int i = 0; i < heapSize; i++) {
        long entry = get(i);
        MemoryUtil.putLong(positions.memoryAddress() + ((long) i << 3), blocks.get(blockId(entry)).position(rowOf(entry)));
      }
    } catch (OutOfMemoryException e) {
      closeAll(vectors, positions);
      throw OperatorMemory.refused(allocator, e, SortSink.TOP_N);
    } catch (RuntimeException e) {
      closeAll(vectors, positions);
      throw e;
    }
    compacted = RowBlock.compacted(new ColumnBatch(schema, vectors, heapSize), keys, positions, allocator);
    for (RowBlock block : blocks) {
      if (block != null) {
        block.close();
      }
    }
    blocks.clear();
    freeIds.clear();
    keptRows = 0;
    compacted.liveRows = heapSize;
    int id = register(compacted);
    for (int i = 0; i < heapSize; i++) {
      put(i, entry(id, i));
    }
  }

  private static void closeAll(List<FieldVector> vectors, ArrowBuf positions) {
    vectors.forEach(FieldVector::close);
    if (positions != null) {
      positions.close();
    }
  }

  /**
   * For the sink's finish: the kept rows as one block (in no particular order), or {@code null} when
   * there are none. The partition no longer owns the block; it still has to be closed.
   */
  RowBlock takeRows() {
    if (heapSize == 0) {
      return null;
    }
    compact();
    RowBlock rows = blocks.get(0);
    blocks.clear();
    keptRows = 0;
    heapSize = 0;
    return rows;
  }

  // ---- the heap: worst kept row at the root ------------------------------------------------------

  private static long entry(int blockId, int row) {
    return ((long) blockId << 32) | (row & 0xFFFFFFFFL);
  }

  private static int blockId(long entry) {
    return (int) (entry >>> 32);
  }

  private static int rowOf(long entry) {
    return (int) entry;
  }

  private long get(int index) {
    return MemoryUtil.getLong(heap.memoryAddress() + ((long) index << 3));
  }

  private void put(int index, long entry) {
    MemoryUtil.putLong(heap.memoryAddress() + ((long) index << 3), entry);
  }

  private int compareEntries(long left, long right) {
    return RowBlock.compare(blocks.get(blockId(left)), rowOf(left), blocks.get(blockId(right)), rowOf(right));
  }

  private void siftUp(int index) {
    long entry = get(index);
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      long parentEntry = get(parent);
      if (compareEntries(entry, parentEntry) <= 0) {
        break;
      }
      put(index, parentEntry);
      index = parent;
    }
    put(index, entry);
  }

  private void siftDown(int index) {
    long entry = get(index);
    while (true) {
      int child = 2 * index + 1;
      if (child >= heapSize) {
        break;
      }
      long childEntry = get(child);
      if (child + 1 < heapSize) {
        long rightEntry = get(child + 1);
        if (compareEntries(rightEntry, childEntry) > 0) {
          child++;
          childEntry = rightEntry;
        }
      }
      if (compareEntries(childEntry, entry) <= 0) {
        break;
      }
      put(index, childEntry);
      index = child;
    }
    put(index, entry);
  }

  private void ensureHeapCapacity(int size) {
    if (size <= heapCapacity) {
      return;
    }
    int capacity = (int) Math.min(limit, Math.max((long) heapCapacity * 2, INITIAL_HEAP_CAPACITY));
    ArrowBuf grown = OperatorMemory.allocate(allocator, 8L * capacity, SortSink.TOP_N);
    if (heap != null) {
      MemoryUtil.copyMemory(heap.memoryAddress(), grown.memoryAddress(), 8L * heapSize);
      heap.close();
    }
    heap = grown;
    heapCapacity = capacity;
  }

  @Override
  public void close() {
    for (RowBlock block : blocks) {
      if (block != null) {
        block.close();
      }
    }
    blocks.clear();
    freeIds.clear();
    if (heap != null) {
      heap.close();
      heap = null;
    }
  }
}
