package dev.ember.runtime.operators.join;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.runtime.operators.aggregate.KeyHash;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A join's build side, read by every probing worker at once: the build rows (Arrow batches, as the
 * build pipeline produced them), numbered 0, 1, 2 … across batches, and a hash index over their keys.
 *
 * <p>The index is open addressing over distinct keys with linear probing: a slot holds the hash's
 * high 32 bits as a tag and the first row of that key + 1; the rows of one key form a chain through
 * {@code next}. Rows whose key has a null {@code =} component are kept (a full outer join emits them)
 * but in no chain. A table without keys (a nested-loop join) chains every row in order.
 *
 * <p>{@link #markMatched} is the only write while probing: racing workers all store the same byte,
 * and the scheduler's hand-over after the probe pipeline makes the marks visible to the reader of
 * {@link #matched}. Every buffer is reserved through {@link OperatorMemory}, so a build side too large
 * for the query's memory limit fails with {@code UNABLE_TO_ACQUIRE_MEMORY} naming the join.
 */
public final class JoinHashTable implements AutoCloseable {
  private static final long TAG_MASK = 0xFFFFFFFF00000000L;

  private final StructType schema;
  private final boolean keyless;
  private final List<ColumnBatch> batches = new ArrayList<>();
  private final List<ArrowBuf> keyBuffers = new ArrayList<>();
  private final int rowCount;
  /** Per row: its batch (high 32 bits) and row in the batch (low 32 bits). */
  private ArrowBuf locations;
  /** Per row: the next row with the same key, or -1. */
  private ArrowBuf next;
  /** Per row: the absolute address of its padded key, or 0 when it can match nothing. */
  private ArrowBuf keyAddresses;
  private ArrowBuf keyLengths;
  private ArrowBuf slots;
  private int slotMask;
  private ArrowBuf matched;

  private JoinHashTable(StructType schema, boolean keyless, int rowCount) {
    this.schema = schema;
    this.keyless = keyless;
    this.rowCount = rowCount;
  }

  /** Links the rows of every partition into one table; the partitions' batches and keys move into it. */
  static JoinHashTable build(List<JoinBuildPartition> partitions, StructType schema, boolean keyless,
      BufferAllocator allocator, String operator) {
    long total = 0;
    for (JoinBuildPartition partition : partitions) {
      total += partition.rowCount();
    }
    if (total > Integer.MAX_VALUE / 2) {
      throw new IllegalStateException("the " + operator + " supports at most " + Integer.MAX_VALUE / 2
          + " build rows, got " + total);
    }
    JoinHashTable table = new JoinHashTable(schema, keyless, (int) total);
    try {
      table.allocate(allocator, operator);
      table.link(partitions);
      return table;
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
  }

  private void allocate(BufferAllocator allocator, String operator) {
    long rows = Math.max(1, rowCount);
    locations = OperatorMemory.allocate(allocator, 8 * rows, operator);
    matched = OperatorMemory.allocateZeroed(allocator, rows, operator);
    if (!keyless) {
      next = OperatorMemory.allocate(allocator, 4 * rows, operator);
      keyAddresses = OperatorMemory.allocateZeroed(allocator, 8 * rows, operator);
      keyLengths = OperatorMemory.allocateZeroed(allocator, 4 * rows, operator);
      int slotCount = Integer.highestOneBit((int) Math.max(2, rows * 2 - 1)) << 1;
      slots = OperatorMemory.allocateZeroed(allocator, 8L * slotCount, operator);
      slotMask = slotCount - 1;
    }
  }

  private void link(List<JoinBuildPartition> partitions) {
    int row = 0;
    for (JoinBuildPartition partition : partitions) {
      long entries = keyless ? 0 : partition.rowEntriesAddress();
      int localRow = 0;
      ArrowBuf keys = partition.takeKeyData();
      keyBuffers.add(keys);
      for (ColumnBatch batch : partition.takeBatches()) {
        int batchIndex = batches.size();
        batches.add(batch);
        for (int inBatch = 0; inBatch < batch.rowCount(); inBatch++, localRow++, row++) {
          MemoryUtil.putLong(locations.memoryAddress() + 8L * row, ((long) batchIndex << 32) | inBatch);
          if (!keyless) {
            long entry = entries + (long) localRow * JoinBuildPartition.ROW_ENTRY_BYTES;
            long offset = MemoryUtil.getLong(entry);
            MemoryUtil.putInt(next.memoryAddress() + 4L * row, -1);
            if (offset >= 0) {
              long address = keys.memoryAddress() + offset;
              int length = (int) MemoryUtil.getLong(entry + 8);
              MemoryUtil.putLong(keyAddresses.memoryAddress() + 8L * row, address);
              MemoryUtil.putInt(keyLengths.memoryAddress() + 4L * row, length);
              insert(row, address, length, MemoryUtil.getLong(entry + 16));
            }
          }
        }
      }
    }
  }

  private void insert(int row, long keyAddress, int length, long hash) {
    long tag = hash & TAG_MASK;
    int index = (int) hash & slotMask;
    while (true) {
      long slotAddress = slots.memoryAddress() + ((long) index << 3);
      long slot = MemoryUtil.getLong(slotAddress);
      if (slot == 0) {
        MemoryUtil.putLong(slotAddress, tag | (row + 1L));
        return;
      }
      int head = (int) slot - 1;
      if ((slot & TAG_MASK) == tag && sameKey(head, keyAddress, length)) {
        // The new row becomes the chain's head: the order within a key is not observable in Spark.
        MemoryUtil.putInt(next.memoryAddress() + 4L * row, head);
        MemoryUtil.putLong(slotAddress, tag | (row + 1L));
        return;
      }
      index = (index + 1) & slotMask;
    }
  }

  private boolean sameKey(int row, long keyAddress, int length) {
    return MemoryUtil.getInt(keyLengths.memoryAddress() + 4L * row) == length
        && KeyHash.equal(MemoryUtil.getLong(keyAddresses.memoryAddress() + 8L * row), keyAddress, length);
  }

  /** The first row whose key equals the encoder's finished key, or -1; every row when keyless. */
  public int findFirst(JoinKeyEncoder key) {
    if (keyless) {
      return rowCount > 0 ? 0 : -1;
    }
    if (key.unmatchable()) {
      return -1;
    }
    key.finishKey();
    int length = key.paddedLength();
    long hash = KeyHash.hash(key.address(), length);
    long tag = hash & TAG_MASK;
    int index = (int) hash & slotMask;
    while (true) {
      long slot = MemoryUtil.getLong(slots.memoryAddress() + ((long) index << 3));
      if (slot == 0) {
        return -1;
      }
      int head = (int) slot - 1;
      if ((slot & TAG_MASK) == tag && sameKey(head, key.address(), length)) {
        return head;
      }
      index = (index + 1) & slotMask;
    }
  }

  /** The next row with the same key as {@code row} (the next row when keyless), or -1. */
  public int nextMatch(int row) {
    if (keyless) {
      return row + 1 < rowCount ? row + 1 : -1;
    }
    return MemoryUtil.getInt(next.memoryAddress() + 4L * row);
  }

  public void markMatched(int row) {
    MemoryUtil.putByte(matched.memoryAddress() + row, (byte) 1);
  }

  public boolean matched(int row) {
    return MemoryUtil.getByte(matched.memoryAddress() + row) != 0;
  }

  public int rowCount() {
    return rowCount;
  }

  /** The build rows' columns (the join's build-side output). */
  public StructType schema() {
    return schema;
  }

  public int batchIndex(int row) {
    return (int) (MemoryUtil.getLong(locations.memoryAddress() + 8L * row) >>> 32);
  }

  public int rowInBatch(int row) {
    return (int) MemoryUtil.getLong(locations.memoryAddress() + 8L * row);
  }

  public ColumnBatch batch(int index) {
    return batches.get(index);
  }

  public int batchCount() {
    return batches.size();
  }

  @Override
  public void close() {
    batches.forEach(ColumnBatch::close);
    batches.clear();
    keyBuffers.forEach(buffer -> {
      if (buffer != null) {
        buffer.close();
      }
    });
    keyBuffers.clear();
    for (ArrowBuf buffer : new ArrowBuf[] {locations, next, keyAddresses, keyLengths, slots, matched}) {
      if (buffer != null) {
        buffer.close();
      }
    }
    locations = null;
    next = null;
    keyAddresses = null;
    keyLengths = null;
    slots = null;
    matched = null;
  }
}
