package dev.ember.runtime.operators.aggregate;

import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.runtime.operators.ParallelTasks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Merges the workers' tables of a grouped aggregation on several threads and lists the merged groups
 * in first-seen order.
 *
 * <p>Every key belongs, by the top bits of its hash, to one partition; one thread merges a partition's
 * groups from every worker's table into a table of its own, so no table is written by two threads.
 * Sources are merged in worker order within each partition, as a serial merge would, so
 * order-sensitive heap states come out the same.
 *
 * <p>Tables on two-word keys stay on words: each worker's table is first scattered, in one sequential
 * pass, into per-partition runs of records (the key's words, its rank, and a copy of the state row
 * when a copy can stand for it). A partition's merge then reads its runs front to back and looks keys
 * up in a table small enough to stay mostly in cache; a table of a million groups is otherwise a
 * cache miss per lookup. Tables on serialized keys (a long string key) merge by group id lists, in a
 * few partitions.
 *
 * <p>First-seen order without a sort: a worker takes morsels in increasing order, so its groups are
 * numbered in the order it saw them. One pass over the workers' first-seen positions, merged, gives each
 * worker's group its rank among all of them; a merged group keeps its smallest rank. With state copies,
 * the merged state is written back over the state row of the group's first-seen worker group, which is
 * marked kept: the output then reads the workers' tables front to back, in rank order, skipping the
 * groups not kept. Otherwise the merged group is written at its rank's entry of a table with one entry
 * per rank, and the output reads the merged tables.
 */
final class PartitionedMerge implements AutoCloseable {
  private static final String OPERATOR = "hash aggregate";
  /** Below this many groups in all the tables together, one partition merged on the calling thread. */
  static final int PARALLEL_MIN_GROUPS = 1 << 15;
  /** About this many source groups per partition on words, so a partition's table stays in cache. */
  private static final int GROUPS_PER_PARTITION = 1 << 14;
  private static final int MAX_PARTITION_BITS = 8;
  /** A record on words: word 0, word 1, the null mask, (rank << 32 | group), then maybe the state row. */
  private static final int KEY_RECORD_BYTES = 32;

  private final HashAggregationTable[] sources;
  private final BufferAllocator allocator;
  private final int threads;
  private final int partitionBits;
  private final int partitionCount;
  /** Whether every source is on two-word keys, so the merge reads words and the merged tables use them. */
  private final boolean words;
  /** Whether records carry a copy of the state row (see HashAggregationTable#statesCopyOnInsert). */
  private final boolean copyStates;
  private final int recordBytes;
  private final int totalSourceGroups;

  /** Per source: each group's rank among all sources' groups by first-seen position (an int per group). */
  private final ArrowBuf[] ranks;
  /** Per source: records (on words) or group ids (an int each), ordered by partition ... */
  private final ArrowBuf[] entries;
  /** ... partition p's being entries [partitionStarts[source][p], partitionStarts[source][p + 1]). */
  private final int[][] partitionStarts;
  private final HashAggregationTable[] merged;
  /** With state copies, per source: a byte per group, 1 when it is the first-seen one of its merged group. */
  private final ArrowBuf[] kept;
  private final long[] keptAddresses;
  /**
   * One long per rank, first (source << 32 | group) of the source group with that rank; a merge marks
   * (with the sign bit) the ranks its groups keep, and when reading merged tables puts (partition << 32 |
   * group) there. Compacted at the end to the kept entries, in first-seen order.
   */
  private ArrowBuf order;
  private int rows;

  /**
   * {@code sources}: the workers' tables, in worker order, each with at least one group; they stay
   * owned by the caller but are only read from now on (their lookup slots are freed). {@code threads}:
   * how many threads may merge (the workers the pipeline ran on).
   */
  PartitionedMerge(List<HashAggregationTable> sources, BufferAllocator allocator, int threads) {
    Objects.requireNonNull(sources, "sources is null");
    this.sources = sources.toArray(new HashAggregationTable[0]);
    this.allocator = Objects.requireNonNull(allocator, "allocator is null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (this.sources.length == 0) {
      throw new IllegalArgumentException("a merge needs at least one table");
    }
    long total = 0;
    boolean allOnWords = true;
    for (HashAggregationTable source : this.sources) {
      if (source.groupCount() == 0) {
        throw new IllegalArgumentException("tables without groups take no part in a merge");
      }
      total += source.groupCount();
      allOnWords &= source.usesCompactKeys();
    }
    if (total > Integer.MAX_VALUE - 1) {
      throw new IllegalStateException("hash aggregate merges at most " + (Integer.MAX_VALUE - 1)
          + " groups, the workers hold " + total);
    }
    this.totalSourceGroups = (int) total;
    this.words = allOnWords;
    this.copyStates = allOnWords && this.sources[0].statesCopyOnInsert();
    this.recordBytes = KEY_RECORD_BYTES + (copyStates ? this.sources[0].stateBytes() : 0);
    int bits = 0;
    if (threads > 1 && total >= PARALLEL_MIN_GROUPS) {
      bits = words ? ceilingLog2((total + GROUPS_PER_PARTITION - 1) / GROUPS_PER_PARTITION) : ceilingLog2(2L * threads);
      bits = Math.min(MAX_PARTITION_BITS, bits);
    }
    this.partitionBits = bits;
    this.partitionCount = 1 << bits;
    this.threads = Math.min(threads, Math.max(this.sources.length, partitionCount));
    this.ranks = new ArrowBuf[this.sources.length];
    this.entries = new ArrowBuf[this.sources.length];
    this.partitionStarts = new int[this.sources.length][];
    this.merged = new HashAggregationTable[partitionCount];
    this.kept = new ArrowBuf[this.sources.length];
    this.keptAddresses = new long[this.sources.length];
  }

  private static int ceilingLog2(long value) {
    return value <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(value - 1);
  }

  /** Merges; afterwards {@link #tables}, {@link #rows} and {@link #entry} give the output. */
  void run() {
    order = OperatorMemory.allocate(allocator, 8L * totalSourceGroups, OPERATOR);
    if (copyStates) {
      for (int source = 0; source < sources.length; source++) {
        kept[source] = OperatorMemory.allocateZeroed(allocator, sources[source].groupCount(), OPERATOR);
        keptAddresses[source] = kept[source].memoryAddress();
      }
    }
    rankSources();
    ParallelTasks.run(threads, sources.length, this::partitionSource, "ember-aggregate-partition");
    ParallelTasks.run(threads, partitionCount, this::mergePartition, "ember-aggregate-merge");
    closeSourceIndexes();
    compactOrder();
    closeBuffers(kept);
  }

  /** The tables the output reads; an entry's table index is its index here. */
  List<HashAggregationTable> tables() {
    return outputFromSources() ? List.of(sources) : List.of(merged);
  }

  /**
   * Whether the output reads the sources: when records carry state copies, each merged state is
   * written back over the state of its first-seen source group, so the output reads the sources front
   * to back (first-seen order is each source's group order) instead of jumping between partitions.
   */
  boolean outputFromSources() {
    return copyStates;
  }

  /** How many threads the merge used; the output may use as many. */
  int threads() {
    return threads;
  }

  int rows() {
    return rows;
  }

  /** The group at output row {@code row}, as (table index << 32) | group. */
  long entry(int row) {
    return MemoryUtil.getLong(order.memoryAddress() + ((long) row << 3));
  }

  /**
   * Ranks every source group among all by first-seen position: a merge of the sources' position lists,
   * each increasing with the group id. A source whose positions do not increase (tables fed other than
   * by the scheduler, which hands each worker morsels in increasing order) takes a sort instead.
   */
  private void rankSources() {
    int sourceCount = sources.length;
    long[] rankAddresses = new long[sourceCount];
    int[] groupCounts = new int[sourceCount];
    boolean increasing = true;
    for (int source = 0; source < sourceCount; source++) {
      HashAggregationTable table = sources[source];
      groupCounts[source] = table.groupCount();
      ranks[source] = OperatorMemory.allocate(allocator, 4L * groupCounts[source], OPERATOR);
      rankAddresses[source] = ranks[source].memoryAddress();
      for (int group = 1; group < groupCounts[source] && increasing; group++) {
        increasing = table.firstSeen(group - 1) < table.firstSeen(group);
      }
    }
    if (!increasing) {
      rankBySorting(rankAddresses);
      return;
    }
    long orderAddress = order.memoryAddress();
    int[] next = new int[sourceCount];
    long[] heads = new long[sourceCount];
    for (int source = 0; source < sourceCount; source++) {
      heads[source] = sources[source].firstSeen(0);
    }
    for (int rank = 0; rank < totalSourceGroups; rank++) {
      int smallest = -1;
      for (int source = 0; source < sourceCount; source++) {
        if (next[source] < groupCounts[source] && (smallest < 0 || heads[source] < heads[smallest])) {
          smallest = source;
        }
      }
      int group = next[smallest]++;
      MemoryUtil.putInt(rankAddresses[smallest] + ((long) group << 2), rank);
      MemoryUtil.putLong(orderAddress + ((long) rank << 3), (long) smallest << 32 | group);
      if (group + 1 < groupCounts[smallest]) {
        heads[smallest] = sources[smallest].firstSeen(group + 1);
      }
    }
  }

  private void rankBySorting(long[] rankAddresses) {
    long[] positions = new long[totalSourceGroups];
    int index = 0;
    for (HashAggregationTable source : sources) {
      for (int group = 0; group < source.groupCount(); group++) {
        positions[index++] = source.firstSeen(group);
      }
    }
    Arrays.sort(positions);
    for (int source = 0; source < sources.length; source++) {
      HashAggregationTable table = sources[source];
      for (int group = 0; group < table.groupCount(); group++) {
        // Positions are unique: no two workers share a morsel.
        int rank = Arrays.binarySearch(positions, table.firstSeen(group));
        MemoryUtil.putInt(rankAddresses[source] + ((long) group << 2), rank);
        MemoryUtil.putLong(order.memoryAddress() + ((long) rank << 3), (long) source << 32 | group);
      }
    }
  }

  /** Orders one source's groups by partition: a counting sort on the top bits of each key's hash. */
  private void partitionSource(int sourceIndex) {
    HashAggregationTable source = sources[sourceIndex];
    source.releaseLookup();
    int groups = source.groupCount();
    int[] starts = new int[partitionCount + 1];
    entries[sourceIndex] = OperatorMemory.allocate(allocator, (long) (words ? recordBytes : 4) * groups, OPERATOR);
    long entriesAddress = entries[sourceIndex].memoryAddress();
    long rankAddress = ranks[sourceIndex].memoryAddress();
    ArrowBuf partitionOf = partitionBits == 0 ? null : OperatorMemory.allocate(allocator, groups, OPERATOR);
    try {
      if (partitionOf == null) {
        starts[1] = groups;
      } else {
        long partitionAddress = partitionOf.memoryAddress();
        int shift = 64 - partitionBits;
        for (int group = 0; group < groups; group++) {
          int partition = (int) (source.keyHash(group, words) >>> shift);
          MemoryUtil.putByte(partitionAddress + group, (byte) partition);
          starts[partition + 1]++;
        }
        for (int partition = 0; partition < partitionCount; partition++) {
          starts[partition + 1] += starts[partition];
        }
      }
      int[] next = Arrays.copyOf(starts, partitionCount);
      int stateBytes = source.stateBytes();
      for (int group = 0; group < groups; group++) {
        int partition = partitionOf == null ? 0 : MemoryUtil.getByte(partitionOf.memoryAddress() + group) & 0xFF;
        int index = next[partition]++;
        if (words) {
          long record = entriesAddress + (long) index * recordBytes;
          source.copyKeyWords(group, record);
          long rank = MemoryUtil.getInt(rankAddress + ((long) group << 2));
          MemoryUtil.putLong(record + 24, rank << 32 | group);
          if (copyStates) {
            MemoryUtil.copyMemory(source.stateRowAddress(group), record + KEY_RECORD_BYTES, stateBytes);
          }
        } else {
          MemoryUtil.putInt(entriesAddress + ((long) index << 2), group);
        }
      }
    } finally {
      if (partitionOf != null) {
        partitionOf.close();
      }
    }
    partitionStarts[sourceIndex] = starts;
  }

  /** Merges one partition's groups of every source, in source order, into a table of its own. */
  private void mergePartition(int partition) {
    int largest = 0;
    long sum = 0;
    for (int[] starts : partitionStarts) {
      largest = Math.max(largest, starts[partition + 1] - starts[partition]);
      sum += starts[partition + 1] - starts[partition];
    }
    HashAggregationTable first = sources[0];
    // Room for every source's share when the workers saw different keys, but at most twice the largest
    // share, so workers that saw the same keys do not leave a table mostly empty.
    int capacity = (int) Math.min(sum, 2L * largest);
    HashAggregationTable table = new HashAggregationTable(first.spec(), allocator, first.ansiEnabled(), capacity, words);
    merged[partition] = table;
    // Per merged group, on words: (source << 32 | group) of its first-seen source group.
    long[] firstSourceGroups = words ? new long[Math.max(16, capacity)] : null;
    for (int source = 0; source < sources.length; source++) {
      HashAggregationTable from = sources[source];
      long entriesAddress = entries[source].memoryAddress();
      long rankAddress = ranks[source].memoryAddress();
      int end = partitionStarts[source][partition + 1];
      for (int index = partitionStarts[source][partition]; index < end; index++) {
        if (words) {
          long record = entriesAddress + (long) index * recordBytes;
          long rankAndGroup = MemoryUtil.getLong(record + 24);
          int sourceGroup = (int) rankAndGroup;
          long rank = rankAndGroup >>> 32;
          long state = copyStates ? record + KEY_RECORD_BYTES : from.stateRowAddress(sourceGroup);
          int group = table.mergeWords(MemoryUtil.getLong(record), MemoryUtil.getLong(record + 8),
              (int) MemoryUtil.getLong(record + 16), rank, from, state);
          if (table.firstSeen(group) == rank) {
            if (group >= firstSourceGroups.length) {
              firstSourceGroups = Arrays.copyOf(firstSourceGroups, firstSourceGroups.length * 2);
            }
            firstSourceGroups[group] = (long) source << 32 | sourceGroup;
          }
        } else {
          int group = MemoryUtil.getInt(entriesAddress + ((long) index << 2));
          table.mergeSerializedGroup(from, group, MemoryUtil.getInt(rankAddress + ((long) group << 2)));
        }
      }
    }
    long orderAddress = order.memoryAddress();
    for (int group = 0; group < table.groupCount(); group++) {
      if (copyStates) {
        long firstSourceGroup = firstSourceGroups[group];
        int source = (int) (firstSourceGroup >>> 32);
        int sourceGroup = (int) firstSourceGroup;
        MemoryUtil.copyMemory(
            table.stateRowAddress(group), sources[source].stateRowAddress(sourceGroup), table.stateBytes());
        MemoryUtil.putByte(keptAddresses[source] + sourceGroup, (byte) 1);
      } else {
        MemoryUtil.putLong(orderAddress + (table.firstSeen(group) << 3),
            ((long) partition << 32 | group) | Long.MIN_VALUE);
      }
    }
    if (copyStates) {
      // Its states are written back to the sources: free it while the other partitions merge.
      table.close();
      merged[partition] = null;
    }
  }

  /**
   * Drops the ranks no merged group kept, leaving the kept entries in first-seen order: with state
   * copies, the source groups marked kept (read in each source's group order, so front to back), else
   * the entries the merge marked.
   */
  private void compactOrder() {
    long address = order.memoryAddress();
    int kept = 0;
    for (int rank = 0; rank < totalSourceGroups; rank++) {
      long entry = MemoryUtil.getLong(address + ((long) rank << 3));
      if (copyStates) {
        if (MemoryUtil.getByte(keptAddresses[(int) (entry >>> 32)] + (int) entry) != 0) {
          MemoryUtil.putLong(address + ((long) kept++ << 3), entry);
        }
      } else if (entry < 0) {
        MemoryUtil.putLong(address + ((long) kept++ << 3), entry & Long.MAX_VALUE);
      }
    }
    rows = kept;
  }

  private void closeSourceIndexes() {
    closeBuffers(ranks);
    closeBuffers(entries);
  }

  private static void closeBuffers(ArrowBuf[] buffers) {
    for (int index = 0; index < buffers.length; index++) {
      if (buffers[index] != null) {
        buffers[index].close();
        buffers[index] = null;
      }
    }
  }

  @Override
  public void close() {
    for (HashAggregationTable table : merged) {
      if (table != null) {
        table.close();
      }
    }
    closeSourceIndexes();
    closeBuffers(kept);
    if (order != null) {
      order.close();
    }
  }
}
