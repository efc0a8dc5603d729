package dev.ember.runtime.operators.join;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.runtime.operators.ParallelTasks;
import dev.ember.runtime.operators.aggregate.CompactKeyLayout;
import dev.ember.runtime.operators.aggregate.KeyHash;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
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
 * the rows' next links. Rows whose key has a null {@code =} component are kept (a full outer join emits them)
 * but in no chain. A table without keys (a nested-loop join) chains every row in order.
 *
 * <p>With a {@link CompactKeyLayout} (every key component fixed-width, all in two words) a slot holds
 * the key itself: its word(s), then the null mask (high 32 bits) and the first row + 1 (low 32 bits).
 * A probe with the key in registers ({@link #findFirst(long, long, int)}) then reads one slot and
 * compares words: no key bytes, hashing of memory or per-row key arrays. A null mask takes the
 * place of the serialized null tags, so {@code <=>} nulls match each other; keys with a null
 * {@code =} component are never inserted, so a probe key with one finds nothing.
 *
 * <p>A large build side of compact keys ({@link JoinBuildOptions}) is linked range by range of slots
 * ({@link #linkPartitioned}), on as many threads as the build had workers. Others may be linked by two
 * threads: each owns half of the slots and links the keys whose home slot lies there. Either way no slot
 * is written by two threads and every chain is the one a single thread builds (rows of a key, last row first).
 * A large table may also keep a {@link JoinBloomFilter} (off by default), which every {@code findFirst}
 * reads before the slots: most probes whose key is absent then touch one word of a small array and no slot.
 *
 * <p>{@link #markMatched} is the only write while probing: racing workers all store the same byte,
 * and the scheduler's hand-over after the probe pipeline makes the marks visible to the reader of
 * {@link #matched}. Every buffer is reserved through {@link OperatorMemory}, so a build side too large
 * for the query's memory limit fails with {@code UNABLE_TO_ACQUIRE_MEMORY} naming the join.
 */
public final class JoinHashTable implements AutoCloseable {
  private static final long TAG_MASK = 0xFFFFFFFF00000000L;
  private static final int ROW_RECORD_BYTES = 16;
  private static final int NEXT_OFFSET = 8;
  /** Slots per range of a partitioned link: 256 KiB of one-word compact slots. */
  private static final int PARTITION_SLOTS_SHIFT = 14;
  private static final int PARTITION_SLOTS = 1 << PARTITION_SLOTS_SHIFT;

  private final StructType schema;
  private final boolean keyless;
  /** Where key components sit in a slot's words, or null when slots hold tags of serialized keys. */
  private final CompactKeyLayout compactLayout;
  /** Bytes per compact slot: one or two key words, then the null mask and row. */
  private final int slotStride;
  private final int metaOffset;
  private final boolean secondWord;
  private long slotsAddress;
  private final List<ColumnBatch> batches = new ArrayList<>();
  private final List<ArrowBuf> keyBuffers = new ArrayList<>();
  private final int rowCount;
  /**
   * Per row, {@value #ROW_RECORD_BYTES} bytes: its batch (high 32 bits) and row in the batch (low 32
   * bits), then the next row with the same key or -1. Side by side, so a probe that found a row reads
   * where it is and whether more rows follow with one cache miss.
   */
  private ArrowBuf rowRecords;
  private long rowRecordsAddress;
  /** Per row: the absolute address of its padded key, or 0 when it can match nothing. */
  private ArrowBuf keyAddresses;
  private ArrowBuf keyLengths;
  private ArrowBuf slots;
  private int slotCount;
  private int slotMask;
  /** Whether the keys are linked range by range of slots ({@link #linkPartitioned}). */
  private boolean linkByRange;
  /** Checked before the slots when the table is large; null for small tables. */
  private JoinBloomFilter bloomFilter;
  /**
   * Per key component, the bitmap of its values when a scan filters on it and their range is small;
   * null (or a null entry) otherwise.
   */
  private KeyBitmap[] keyBitmaps;
  /** Rows a two-thread build linked after both threads (their probe crossed a half's end), for tests. */
  private int deferredRowCount;
  private ArrowBuf matched;

  private JoinHashTable(StructType schema, boolean keyless, CompactKeyLayout compactLayout, int rowCount) {
    this.schema = schema;
    this.keyless = keyless;
    this.compactLayout = keyless ? null : compactLayout;
    this.rowCount = rowCount;
    this.secondWord = this.compactLayout != null && this.compactLayout.usesSecondWord();
    this.metaOffset = secondWord ? 16 : 8;
    this.slotStride = this.compactLayout == null ? 8 : metaOffset + 8;
  }

  /**
   * Links the rows of every partition into one table; the partitions' batches and keys move into it.
   * {@code compactLayout} (null: serialized keys) must be the one the partitions encoded with.
   */
  static JoinHashTable build(List<JoinBuildPartition> partitions, StructType schema, boolean keyless,
      CompactKeyLayout compactLayout, BufferAllocator allocator, String operator) {
    return build(partitions, schema, keyless, compactLayout, JoinBuildOptions.SINGLE_THREAD_NO_FILTER, allocator,
        operator);
  }

  /** As above, linking on two threads and keeping a Bloom filter when {@code options} say so for its size. */
  static JoinHashTable build(List<JoinBuildPartition> partitions, StructType schema, boolean keyless,
      CompactKeyLayout compactLayout, JoinBuildOptions options, BufferAllocator allocator, String operator) {
    long total = 0;
    for (JoinBuildPartition partition : partitions) {
      total += partition.rowCount();
    }
    if (total > Integer.MAX_VALUE / 2) {
      throw new IllegalStateException("the " + operator + " supports at most " + Integer.MAX_VALUE / 2
          + " build rows, got " + total);
    }
    JoinHashTable table = new JoinHashTable(schema, keyless, compactLayout, (int) total);
    try {
      table.allocate(allocator, operator, !keyless && total >= options.bloomFilterMinRows(), options.partitionMinRows());
      table.link(partitions, options, allocator, operator);
      return table;
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
  }

  private void allocate(BufferAllocator allocator, String operator, boolean withBloomFilter, int partitionMinRows) {
    long rows = Math.max(1, rowCount);
    rowRecords = OperatorMemory.allocate(allocator, ROW_RECORD_BYTES * rows, operator);
    rowRecordsAddress = rowRecords.memoryAddress();
    matched = OperatorMemory.allocateZeroed(allocator, rows, operator);
    if (!keyless) {
      if (compactLayout == null) {
        keyAddresses = OperatorMemory.allocateZeroed(allocator, 8 * rows, operator);
        keyLengths = OperatorMemory.allocateZeroed(allocator, 4 * rows, operator);
      }
      slotCount = Integer.highestOneBit((int) Math.max(2, rows * 2 - 1)) << 1;
      linkByRange = compactLayout != null && rows >= partitionMinRows && slotCount > PARTITION_SLOTS;
      // Linked range by range, each range is zeroed just before it is linked, while it is in the cache.
      slots = linkByRange
          ? OperatorMemory.allocate(allocator, (long) slotStride * slotCount, operator)
          : OperatorMemory.allocateZeroed(allocator, (long) slotStride * slotCount, operator);
      slotsAddress = slots.memoryAddress();
      slotMask = slotCount - 1;
      if (withBloomFilter) {
        bloomFilter = new JoinBloomFilter(slotCount, allocator, operator);
      }
    }
  }

  /** A batch's rows: their batch, first row number, entries in their partition and key data. */
  private record RowRun(int batchIndex, int firstRow, int rowCount, long entries, long keyData) {}

  private void link(List<JoinBuildPartition> partitions, JoinBuildOptions options, BufferAllocator allocator,
      String operator) {
    List<RowRun> runs = new ArrayList<>();
    int row = 0;
    for (JoinBuildPartition partition : partitions) {
      long entries = keyless ? 0 : partition.rowEntriesAddress();
      int localRow = 0;
      ArrowBuf keys = partition.takeKeyData();
      keyBuffers.add(keys);
      long keyData = keys == null ? 0 : keys.memoryAddress();
      for (ColumnBatch batch : partition.takeBatches()) {
        int batchIndex = batches.size();
        batches.add(batch);
        runs.add(new RowRun(batchIndex, row, batch.rowCount(),
            entries + (long) localRow * JoinBuildPartition.ROW_ENTRY_BYTES, keyData));
        row += batch.rowCount();
        localRow += batch.rowCount();
      }
    }
    if (linkByRange) {
      linkPartitioned(runs, options.threads(), allocator, operator);
      return;
    }
    boolean twoThreads = !keyless && rowCount >= options.twoThreadsMinRows();
    // Sixteen slots per filter word: each half of the slots then owns whole filter words.
    if (!twoThreads || slotCount < 2 << JoinBloomFilter.SLOTS_PER_WORD_SHIFT) {
      writePositions(runs, 0, rowCount);
      linkKeys(runs, 0, slotCount, true, null);
      return;
    }
    // First each thread writes where half the rows are (and ends their chains), so that no cache line
    // of the row records is written by both threads at once.
    int middleRow = rowCount >>> 1;
    ParallelTasks.both(() -> writePositions(runs, 0, middleRow), () -> writePositions(runs, middleRow, rowCount),
        "ember-join-build-positions");
    // Then each thread links the keys whose home slot is in its half of the slots and writes no slot
    // outside that half; a key whose probe would cross into the other half waits for a pass after both.
    // Every key's rows are linked by one thread in row order, so chains are those of a one-thread build.
    int middleSlot = slotCount >>> 1;
    DeferredRows deferredFirst = new DeferredRows();
    DeferredRows deferredSecond = new DeferredRows();
    ParallelTasks.both(() -> linkKeys(runs, 0, middleSlot, false, deferredFirst),
        () -> linkKeys(runs, middleSlot, slotCount, false, deferredSecond), "ember-join-build-second-half");
    for (DeferredRows deferred : List.of(deferredFirst, deferredSecond)) {
      deferredRowCount += deferred.size;
      for (int index = 0; index < deferred.size; index++) {
        linkDeferred((int) deferred.rows[index], deferred.entries[index]);
      }
    }
  }

  /**
   * Links a large table of compact keys in two steps, so that no step jumps around all of the slots:
   * the keys are first copied into one run per range of {@value #PARTITION_SLOTS} slots (where their
   * home slot lies), then each run is linked into its range, which fits in a core's cache. Linking
   * straight from the rows misses the cache on nearly every row once the slots outgrow it (1.5 M
   * keys: 64 MiB of slots). Threads split the rows for the copy and take whole ranges for the link.
   *
   * <p>Each range's run holds its rows in row order and a key's rows all share one home slot, so every
   * key's rows are linked by one thread in row order: the chains are those of a one-thread build. A
   * key whose probe would leave its range is linked after all ranges, in range and row order.
   */
  private void linkPartitioned(List<RowRun> runs, int threads, BufferAllocator allocator, String operator) {
    int chunks = Math.max(1, threads);
    int[] chunkStart = new int[chunks + 1];
    for (int chunk = 0; chunk <= chunks; chunk++) {
      chunkStart[chunk] = (int) ((long) rowCount * chunk / chunks);
    }
    ParallelTasks.run(threads, chunks, chunk -> writePositions(runs, chunkStart[chunk], chunkStart[chunk + 1]),
        "ember-join-build-positions");
    int rangeCount = slotCount / PARTITION_SLOTS;
    int[][] counts = new int[chunks][rangeCount];
    ParallelTasks.run(threads, chunks, chunk -> countHomes(runs, chunkStart[chunk], chunkStart[chunk + 1],
        counts[chunk]), "ember-join-build-count");
    // Range by range, each chunk's rows after those of the chunks before it: runs in row order.
    int[] rangeStart = new int[rangeCount + 1];
    int[][] nextRecord = new int[chunks][rangeCount];
    int records = 0;
    for (int range = 0; range < rangeCount; range++) {
      rangeStart[range] = records;
      for (int chunk = 0; chunk < chunks; chunk++) {
        nextRecord[chunk][range] = records;
        records += counts[chunk][range];
      }
    }
    rangeStart[rangeCount] = records;
    // A record is laid out as a slot: the key's word(s), then the null mask and row + 1.
    try (ArrowBuf keyRuns = OperatorMemory.allocate(allocator, Math.max(1, (long) slotStride * records), operator)) {
      long base = keyRuns.memoryAddress();
      ParallelTasks.run(threads, chunks, chunk -> copyKeys(runs, chunkStart[chunk], chunkStart[chunk + 1],
          nextRecord[chunk], base), "ember-join-build-copy");
      DeferredRows[] deferred = new DeferredRows[rangeCount];
      ParallelTasks.run(threads, rangeCount, range -> deferred[range] = linkRun(base,
          rangeStart[range], rangeStart[range + 1], (range + 1) * PARTITION_SLOTS), "ember-join-build-link");
      for (DeferredRows rows : deferred) {
        if (rows != null) {
          deferredRowCount += rows.size;
          for (int index = 0; index < rows.size; index++) {
            linkRecord(rows.entries[index], slotCount, true);
          }
        }
      }
    }
  }

  /** Counts the linkable rows of {@code [from, to)} per range of slots their home slot is in. */
  private void countHomes(List<RowRun> runs, int from, int to, int[] counts) {
    for (RowRun run : runs) {
      int start = Math.max(from, run.firstRow());
      int end = Math.min(to, run.firstRow() + run.rowCount());
      long entry = run.entries() + (long) (start - run.firstRow()) * JoinBuildPartition.ROW_ENTRY_BYTES;
      for (int row = start; row < end; row++, entry += JoinBuildPartition.ROW_ENTRY_BYTES) {
        long nulls = MemoryUtil.getLong(entry + 16);
        if (nulls >= 0) {
          long hash = KeyHash.hashWords(MemoryUtil.getLong(entry), MemoryUtil.getLong(entry + 8), (int) nulls);
          counts[((int) hash & slotMask) >>> PARTITION_SLOTS_SHIFT]++;
        }
      }
    }
  }

  /**
   * Copies the keys of the linkable rows of {@code [from, to)} to their ranges' runs: word(s), then
   * the null mask (high 32 bits) and row + 1 (low 32 bits), as a slot holds them.
   */
  private void copyKeys(List<RowRun> runs, int from, int to, int[] nextRecord, long base) {
    for (RowRun run : runs) {
      int start = Math.max(from, run.firstRow());
      int end = Math.min(to, run.firstRow() + run.rowCount());
      long entry = run.entries() + (long) (start - run.firstRow()) * JoinBuildPartition.ROW_ENTRY_BYTES;
      for (int row = start; row < end; row++, entry += JoinBuildPartition.ROW_ENTRY_BYTES) {
        long nulls = MemoryUtil.getLong(entry + 16);
        if (nulls >= 0) {
          long word0 = MemoryUtil.getLong(entry);
          long word1 = MemoryUtil.getLong(entry + 8);
          int range = ((int) KeyHash.hashWords(word0, word1, (int) nulls) & slotMask) >>> PARTITION_SLOTS_SHIFT;
          long record = base + (long) nextRecord[range]++ * slotStride;
          MemoryUtil.putLong(record, word0);
          if (secondWord) {
            MemoryUtil.putLong(record + 8, word1);
          }
          MemoryUtil.putLong(record + metaOffset, (nulls << 32) | (row + 1L));
        }
      }
    }
  }

  /** Links the run's records {@code [from, to)} below slot {@code end}; returns those that would cross it. */
  private DeferredRows linkRun(long base, int from, int to, int end) {
    MemoryUtil.setMemory(slotsAddress + (long) (end - PARTITION_SLOTS) * slotStride, (long) PARTITION_SLOTS * slotStride,
        (byte) 0);
    DeferredRows deferred = null;
    for (int index = from; index < to; index++) {
      long record = base + (long) index * slotStride;
      if (!linkRecord(record, end, false)) {
        if (deferred == null) {
          deferred = new DeferredRows();
        }
        deferred.add(index, record);
      }
    }
    return deferred;
  }

  private boolean linkRecord(long record, int end, boolean mayWrap) {
    long word0 = MemoryUtil.getLong(record);
    long word1 = secondWord ? MemoryUtil.getLong(record + 8) : 0;
    long meta = MemoryUtil.getLong(record + metaOffset);
    int nulls = (int) (meta >>> 32);
    return insertCompact((int) meta - 1, word0, word1, nulls, KeyHash.hashWords(word0, word1, nulls), end, mayWrap);
  }

  /**
   * Writes where the rows {@code [from, to)} are, ends their chains (a linked row's next is set when a
   * later row of its key is linked) and, for serialized keys, where their keys are.
   */
  private void writePositions(List<RowRun> runs, int from, int to) {
    for (RowRun run : runs) {
      int start = Math.max(from, run.firstRow());
      int end = Math.min(to, run.firstRow() + run.rowCount());
      for (int row = start; row < end; row++) {
        int inBatch = row - run.firstRow();
        long record = rowRecordsAddress + (long) ROW_RECORD_BYTES * row;
        MemoryUtil.putLong(record, ((long) run.batchIndex() << 32) | inBatch);
        MemoryUtil.putInt(record + NEXT_OFFSET, -1);
        if (!keyless && compactLayout == null) {
          long entry = run.entries() + (long) inBatch * JoinBuildPartition.ROW_ENTRY_BYTES;
          long offset = MemoryUtil.getLong(entry);
          if (offset >= 0) {
            MemoryUtil.putLong(keyAddresses.memoryAddress() + 8L * row, run.keyData() + offset);
            MemoryUtil.putInt(keyLengths.memoryAddress() + 4L * row, (int) MemoryUtil.getLong(entry + 8));
          }
        }
      }
    }
  }

  /**
   * Links the rows whose key's home slot is in {@code [homeFrom, homeTo)}, probing no slot at or past
   * {@code homeTo} unless {@code mayWrap} (then it wraps to slot 0); a row whose key would is added to
   * {@code deferred}.
   */
  private void linkKeys(List<RowRun> runs, int homeFrom, int homeTo, boolean mayWrap, DeferredRows deferred) {
    if (keyless) {
      return;
    }
    for (RowRun run : runs) {
      int firstRow = run.firstRow();
      for (int inBatch = 0; inBatch < run.rowCount(); inBatch++) {
        long entry = run.entries() + (long) inBatch * JoinBuildPartition.ROW_ENTRY_BYTES;
        long hash;
        if (compactLayout != null) {
          long nulls = MemoryUtil.getLong(entry + 16);
          if (nulls < 0) {
            continue;
          }
          hash = KeyHash.hashWords(MemoryUtil.getLong(entry), MemoryUtil.getLong(entry + 8), (int) nulls);
        } else {
          if (MemoryUtil.getLong(entry) < 0) {
            continue;
          }
          hash = MemoryUtil.getLong(entry + 16);
        }
        int home = (int) hash & slotMask;
        if (home >= homeFrom && home < homeTo && !linkKey(firstRow + inBatch, entry, hash, homeTo, mayWrap)) {
          deferred.add(firstRow + inBatch, entry);
        }
      }
    }
  }

  /** Links a row a build thread deferred: its probe may wrap, so it always finds a slot. */
  private void linkDeferred(int row, long entry) {
    long hash = compactLayout != null
        ? KeyHash.hashWords(MemoryUtil.getLong(entry), MemoryUtil.getLong(entry + 8),
            (int) MemoryUtil.getLong(entry + 16))
        : MemoryUtil.getLong(entry + 16);
    linkKey(row, entry, hash, slotCount, true);
  }

  private boolean linkKey(int row, long entry, long hash, int end, boolean mayWrap) {
    if (compactLayout != null) {
      return insertCompact(row, MemoryUtil.getLong(entry), MemoryUtil.getLong(entry + 8),
          (int) MemoryUtil.getLong(entry + 16), hash, end, mayWrap);
    }
    return insert(row, MemoryUtil.getLong(keyAddresses.memoryAddress() + 8L * row),
        MemoryUtil.getInt(keyLengths.memoryAddress() + 4L * row), hash, end, mayWrap);
  }

  /** False, leaving the table as it was, when the probe reached slot {@code end} and may not wrap. */
  private boolean insert(int row, long keyAddress, int length, long hash, int end, boolean mayWrap) {
    long tag = hash & TAG_MASK;
    int home = (int) hash & slotMask;
    int index = home;
    while (true) {
      long slotAddress = slotsAddress + ((long) index << 3);
      long slot = MemoryUtil.getLong(slotAddress);
      if (slot == 0) {
        MemoryUtil.putLong(slotAddress, tag | (row + 1L));
        if (bloomFilter != null) {
          bloomFilter.add(hash, home);
        }
        return true;
      }
      int head = (int) slot - 1;
      if ((slot & TAG_MASK) == tag && sameKey(head, keyAddress, length)) {
        // The new row becomes the chain's head: the order within a key is not observable in Spark.
        setNext(row, head);
        MemoryUtil.putLong(slotAddress, tag | (row + 1L));
        return true;
      }
      if (++index == end) {
        if (!mayWrap) {
          return false;
        }
        index = 0;
      }
    }
  }

  private boolean insertCompact(int row, long word0, long word1, int nulls, long hash, int end, boolean mayWrap) {
    long nullTag = (long) nulls << 32;
    int home = (int) hash & slotMask;
    int index = home;
    while (true) {
      long slotAddress = slotsAddress + (long) index * slotStride;
      long meta = MemoryUtil.getLong(slotAddress + metaOffset);
      if (meta == 0) {
        MemoryUtil.putLong(slotAddress, word0);
        if (secondWord) {
          MemoryUtil.putLong(slotAddress + 8, word1);
        }
        MemoryUtil.putLong(slotAddress + metaOffset, nullTag | (row + 1L));
        if (bloomFilter != null) {
          bloomFilter.add(hash, home);
        }
        return true;
      }
      if ((meta & TAG_MASK) == nullTag && MemoryUtil.getLong(slotAddress) == word0
          && (!secondWord || MemoryUtil.getLong(slotAddress + 8) == word1)) {
        setNext(row, (int) meta - 1);
        MemoryUtil.putLong(slotAddress + metaOffset, nullTag | (row + 1L));
        return true;
      }
      if (++index == end) {
        if (!mayWrap) {
          return false;
        }
        index = 0;
      }
    }
  }

  /**
   * Rows whose key a build thread could not link inside its half of the slots, with their entries;
   * few (a cluster of full slots reaching the half's end), so a growing heap array.
   */
  private static final class DeferredRows {
    long[] rows = new long[16];
    long[] entries = new long[16];
    int size;

    void add(int row, long entry) {
      if (size == rows.length) {
        rows = Arrays.copyOf(rows, size * 2);
        entries = Arrays.copyOf(entries, size * 2);
      }
      rows[size] = row;
      entries[size] = entry;
      size++;
    }
  }

  private void setNext(int row, int nextRow) {
    MemoryUtil.putInt(rowRecordsAddress + (long) ROW_RECORD_BYTES * row + NEXT_OFFSET, nextRow);
  }

  private boolean sameKey(int row, long keyAddress, int length) {
    return MemoryUtil.getInt(keyLengths.memoryAddress() + 4L * row) == length
        && KeyHash.equal(MemoryUtil.getLong(keyAddresses.memoryAddress() + 8L * row), keyAddress, length);
  }

  int deferredRowCount() {
    return deferredRowCount;
  }

  /** Whether the table keeps a Bloom filter that probes check first. */
  boolean hasBloomFilter() {
    return bloomFilter != null;
  }

  /** False only when no key with this hash is in the table (true when there is no filter). */
  boolean mightContainHash(long hash) {
    return bloomFilter == null || bloomFilter.mightContain(hash, (int) hash & slotMask);
  }

  /** The first row whose key equals the encoder's finished key, or -1; every row when keyless. */
  public int findFirst(JoinKeyEncoder key) {
    if (keyless) {
      return rowCount > 0 ? 0 : -1;
    }
    if (key.unmatchable()) {
      return -1;
    }
    if (compactLayout != null) {
      return key.toWords(compactLayout) ? findFirst(key.word0(), key.word1(), key.wordNulls()) : -1;
    }
    key.finishKey();
    int length = key.paddedLength();
    long hash = KeyHash.hash(key.address(), length);
    long tag = hash & TAG_MASK;
    int index = (int) hash & slotMask;
    if (bloomFilter != null && !bloomFilter.mightContain(hash, index)) {
      return -1;
    }
    while (true) {
      long slot = MemoryUtil.getLong(slotsAddress + ((long) index << 3));
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

  /**
   * The first row whose key has these words and null mask (in {@link #compactLayout()}), or -1. Only
   * for a table with compact keys whose layout the caller built the words in.
   */
  public int findFirst(long word0, long word1, int nulls) {
    long nullTag = (long) nulls << 32;
    long hash = KeyHash.hashWords(word0, word1, nulls);
    int index = (int) hash & slotMask;
    if (bloomFilter != null && !bloomFilter.mightContain(hash, index)) {
      return -1;
    }
    while (true) {
      long slotAddress = slotsAddress + (long) index * slotStride;
      long meta = MemoryUtil.getLong(slotAddress + metaOffset);
      if (meta == 0) {
        return -1;
      }
      if ((meta & TAG_MASK) == nullTag && MemoryUtil.getLong(slotAddress) == word0
          && (!secondWord || MemoryUtil.getLong(slotAddress + 8) == word1)) {
        return (int) meta - 1;
      }
      index = (index + 1) & slotMask;
    }
  }

  /** A single-word key without nulls (one BIGINT, or two INTs, ...): {@link #findFirst(long, long, int)}. */
  public int findFirst(long word0) {
    long hash = KeyHash.hashWords(word0, 0L, 0);
    int index = (int) hash & slotMask;
    if (bloomFilter != null && !bloomFilter.mightContain(hash, index)) {
      return -1;
    }
    while (true) {
      long slotAddress = slotsAddress + (long) index * slotStride;
      long meta = MemoryUtil.getLong(slotAddress + metaOffset);
      if (meta == 0) {
        return -1;
      }
      if (MemoryUtil.getLong(slotAddress) == word0 && (meta & TAG_MASK) == 0) {
        return (int) meta - 1;
      }
      index = (index + 1) & slotMask;
    }
  }

  /**
   * Adds a {@link KeyBitmap} of key component {@code component}'s non-null values (ints
   * sign-extended, so negative keys keep the range small), when the table holds compact keys, the
   * component is a whole 8-byte word or a 4-byte int, and the range needs at most twice the slots'
   * memory (or 1 MB, and never more than 8 MB); else nothing.
   */
  void addKeyBitmap(BufferAllocator allocator, String operator, int component) {
    if (compactLayout == null || slots == null || component < 0 || component >= compactLayout.size()
        || keyBitmap(component) != null) {
      return;
    }
    CompactKeyLayout.Encoding encoding = compactLayout.encoding(component);
    boolean wholeWord = encoding == CompactKeyLayout.Encoding.LONG;
    if (!wholeWord && encoding != CompactKeyLayout.Encoding.INT) {
      return;
    }
    long wordOffset = 8L * compactLayout.word(component);
    int shift = compactLayout.shift(component);
    long nullBit = 1L << (32 + component);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    boolean any = false;
    for (int index = 0; index < slotCount; index++) {
      long slotAddress = slotsAddress + (long) index * slotStride;
      long meta = MemoryUtil.getLong(slotAddress + metaOffset);
      if (meta != 0 && (meta & nullBit) == 0) {
        long value = componentValue(MemoryUtil.getLong(slotAddress + wordOffset), shift, wholeWord);
        min = Math.min(min, value);
        max = Math.max(max, value);
        any = true;
      }
    }
    long limit = Math.min(1L << 26, Math.max(8L << 20, 16L * slotStride * slotCount));
    long range = max - min + 1;
    if (!any || max - min < 0 || range > limit) {
      return;
    }
    ArrowBuf bitmap = OperatorMemory.allocateZeroed(allocator, ((range + 63) >>> 6) << 3, operator);
    long bitmapAddress = bitmap.memoryAddress();
    for (int index = 0; index < slotCount; index++) {
      long slotAddress = slotsAddress + (long) index * slotStride;
      long meta = MemoryUtil.getLong(slotAddress + metaOffset);
      if (meta != 0 && (meta & nullBit) == 0) {
        long bit = componentValue(MemoryUtil.getLong(slotAddress + wordOffset), shift, wholeWord) - min;
        long word = bitmapAddress + ((bit >>> 6) << 3);
        MemoryUtil.putLong(word, MemoryUtil.getLong(word) | (1L << bit));
      }
    }
    if (keyBitmaps == null) {
      keyBitmaps = new KeyBitmap[compactLayout.size()];
    }
    keyBitmaps[component] = new KeyBitmap(bitmap, min, range);
  }

  /** A component's value in its word: the word itself, or the int at {@code shift}, sign-extended. */
  private static long componentValue(long word, int shift, boolean wholeWord) {
    return wholeWord ? word : (int) (word >>> shift);
  }

  /** The bitmap of key component {@code component}'s values, or null when the table keeps none. */
  public KeyBitmap keyBitmap(int component) {
    return keyBitmaps == null || component < 0 || component >= keyBitmaps.length ? null : keyBitmaps[component];
  }

  /**
   * Whether some row's key, of one int, date or bigint component, has this value: a slot lookup of
   * the key's word. Only for a table whose compact keys are that one component in one word.
   */
  public boolean containsKey(long value) {
    // A lone int component fills the low half of its word, the high half zero.
    return findFirst(compactLayout.encoding(0) == CompactKeyLayout.Encoding.INT ? value & 0xFFFFFFFFL : value) >= 0;
  }

  /** Whether {@link #containsKey} may be asked: the keys are compact, of one component, in one word. */
  public boolean singleWordKeys() {
    return compactLayout != null && compactLayout.size() == 1 && !secondWord;
  }

  /** Whether the table keeps a key bitmap, for tests. */
  boolean hasKeyBitmap() {
    return keyBitmaps != null;
  }

  /** The table's compact key layout, or null when its keys are serialized (or it has none). */
  public CompactKeyLayout compactLayout() {
    return compactLayout;
  }

  /**
   * Whether the table holds compact keys laid out as {@code layout} would lay them out (the same
   * encodings, component by component), so words built in {@code layout} can be looked up directly.
   */
  public boolean compactKeysMatch(CompactKeyLayout layout) {
    if (compactLayout == null || layout == null || layout.size() != compactLayout.size()) {
      return false;
    }
    for (int component = 0; component < layout.size(); component++) {
      if (layout.encoding(component) != compactLayout.encoding(component)) {
        return false;
      }
    }
    return true;
  }

  /** The next row with the same key as {@code row} (the next row when keyless), or -1. */
  public int nextMatch(int row) {
    if (keyless) {
      return row + 1 < rowCount ? row + 1 : -1;
    }
    return MemoryUtil.getInt(rowRecordsAddress + (long) ROW_RECORD_BYTES * row + NEXT_OFFSET);
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
    return (int) (MemoryUtil.getLong(rowRecordsAddress + (long) ROW_RECORD_BYTES * row) >>> 32);
  }

  public int rowInBatch(int row) {
    return (int) MemoryUtil.getLong(rowRecordsAddress + (long) ROW_RECORD_BYTES * row);
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
    if (bloomFilter != null) {
      bloomFilter.close();
      bloomFilter = null;
    }
    for (ArrowBuf buffer : new ArrowBuf[] {rowRecords, keyAddresses, keyLengths, slots, matched}) {
      if (buffer != null) {
        buffer.close();
      }
    }
    if (keyBitmaps != null) {
      for (KeyBitmap bitmap : keyBitmaps) {
        if (bitmap != null) {
          bitmap.buffer().close();
        }
      }
    }
    rowRecords = null;
    keyAddresses = null;
    keyLengths = null;
    slots = null;
    matched = null;
    keyBitmaps = null;
  }
}
