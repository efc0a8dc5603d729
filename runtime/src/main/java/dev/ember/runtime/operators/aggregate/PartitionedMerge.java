package dev.ember.runtime.operators.aggregate;

import dev.ember.runtime.memory.OperatorMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Merges the workers' tables of a grouped aggregation on several threads and lists the merged groups
 * in first-seen order.
 *
 * <p>Every key belongs, by the top bits of its hash, to one partition; one thread merges a partition's
 * groups from every worker's table into a table of its own, so no table is written by two threads and
 * each merged table is small enough to stay mostly in cache. Tables on two-word keys merge on words
 * (see {@link HashAggregationTable#mergeGroup}). Sources are merged in worker order within each
 * partition, as a serial merge would, so order-sensitive heap states come out the same.
 *
 * <p>First-seen order without a sort: a worker takes morsels in increasing order, so its groups are
 * numbered in the order it saw them. One pass over the workers' first-seen positions, merged, gives each
 * worker's group its rank among all of them; a merged group keeps its smallest rank, so writing each
 * merged group at its rank's entry of a table with one entry per rank and dropping the empty entries
 * lists them in first-seen order.
 */
final class PartitionedMerge implements AutoCloseable {
  private static final String OPERATOR = "hash aggregate";
  /** Below this many groups in all the tables together, one partition merged on the calling thread. */
  static final int PARALLEL_MIN_GROUPS = 1 << 15;
  /** About this many source groups per partition, so a partition's table stays small. */
  private static final int GROUPS_PER_PARTITION = 1 << 14;
  private static final int MAX_PARTITION_BITS = 8;

  private final List<HashAggregationTable> sources;
  private final BufferAllocator allocator;
  private final int threads;
  private final int partitionBits;
  private final int partitionCount;
  /** Whether every source is on two-word keys, so the merged tables are too. */
  private final boolean words;
  private final int totalSourceGroups;

  /** Per source: each group's rank among all sources' groups by first-seen position (an int per group). */
  private final ArrowBuf[] ranks;
  /** Per source: its group ids ordered by partition (an int per group) ... */
  private final ArrowBuf[] groupsByPartition;
  /** ... partition p's being entries [partitionStarts[source][p], partitionStarts[source][p + 1]). */
  private final int[][] partitionStarts;
  private final HashAggregationTable[] merged;
  /** One long per rank: (partition << 32 | group) + 1 of the merged group first seen there, else 0; compacted. */
  private ArrowBuf order;
  private int rows;

  /**
   * {@code sources}: the workers' tables, in worker order, each with at least one group; they stay
   * owned by the caller. {@code threads}: how many threads may merge (the workers the pipeline ran on).
   */
  PartitionedMerge(List<HashAggregationTable> sources, BufferAllocator allocator, int threads) {
    this.sources = List.copyOf(Objects.requireNonNull(sources, "sources is null"));
    this.allocator = Objects.requireNonNull(allocator, "allocator is null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    long total = 0;
    boolean allOnWords = true;
    for (HashAggregationTable source : this.sources) {
      total += source.groupCount();
      allOnWords &= source.usesCompactKeys();
    }
    if (total > Integer.MAX_VALUE - 1) {
      throw new IllegalStateException("hash aggregate merges at most " + (Integer.MAX_VALUE - 1)
          + " groups, the workers hold " + total);
    }
    this.totalSourceGroups = (int) total;
    this.words = allOnWords;
    int bits = 0;
    if (threads > 1 && total >= PARALLEL_MIN_GROUPS) {
      bits = Math.min(MAX_PARTITION_BITS, 64 - Long.numberOfLeadingZeros((total - 1) / GROUPS_PER_PARTITION));
    }
    this.partitionBits = bits;
    this.partitionCount = 1 << bits;
    this.threads = Math.min(threads, partitionCount);
    this.ranks = new ArrowBuf[this.sources.size()];
    this.groupsByPartition = new ArrowBuf[this.sources.size()];
    this.partitionStarts = new int[this.sources.size()][];
    this.merged = new HashAggregationTable[partitionCount];
  }

  /** Merges; afterwards {@link #tables}, {@link #rows} and {@link #entry} give the output. */
  void run() {
    runTasks(sources.size(), this::partitionSource);
    rankSources();
    order = OperatorMemory.allocateZeroed(allocator, 8L * Math.max(1, totalSourceGroups), OPERATOR);
    runTasks(partitionCount, this::mergePartition);
    closeSourceIndexes();
    compactOrder();
  }

  /** The merged tables; an entry's table index is its index here. */
  List<HashAggregationTable> tables() {
    return Arrays.asList(merged);
  }

  int rows() {
    return rows;
  }

  /** The group at output row {@code row}, as (table index << 32) | group. */
  long entry(int row) {
    return MemoryUtil.getLong(order.memoryAddress() + ((long) row << 3));
  }

  /** Sorts one source's groups by partition (a counting sort on the top bits of each key's hash). */
  private void partitionSource(int sourceIndex) {
    HashAggregationTable source = sources.get(sourceIndex);
    int groups = source.groupCount();
    int[] starts = new int[partitionCount + 1];
    ArrowBuf byPartition = OperatorMemory.allocate(allocator, 4L * groups, OPERATOR);
    groupsByPartition[sourceIndex] = byPartition;
    long target = byPartition.memoryAddress();
    if (partitionBits == 0) {
      for (int group = 0; group < groups; group++) {
        MemoryUtil.putInt(target + ((long) group << 2), group);
      }
      starts[1] = groups;
    } else {
      try (ArrowBuf partitionOf = OperatorMemory.allocate(allocator, groups, OPERATOR)) {
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
        int[] next = Arrays.copyOf(starts, partitionCount);
        for (int group = 0; group < groups; group++) {
          int partition = MemoryUtil.getByte(partitionAddress + group) & 0xFF;
          MemoryUtil.putInt(target + ((long) next[partition]++ << 2), group);
        }
      }
    }
    partitionStarts[sourceIndex] = starts;
  }

  /**
   * Ranks every source group among all by first-seen position: a merge of the sources' position lists,
   * each increasing with the group id. A source whose positions do not increase (tables fed other than
   * by the scheduler, which hands each worker morsels in increasing order) takes a sort instead.
   */
  private void rankSources() {
    int sourceCount = sources.size();
    long[] rankAddresses = new long[sourceCount];
    boolean increasing = true;
    for (int source = 0; source < sourceCount; source++) {
      HashAggregationTable table = sources.get(source);
      ranks[source] = OperatorMemory.allocate(allocator, 4L * table.groupCount(), OPERATOR);
      rankAddresses[source] = ranks[source].memoryAddress();
      for (int group = 1; group < table.groupCount() && increasing; group++) {
        increasing = table.firstSeen(group - 1) < table.firstSeen(group);
      }
    }
    if (!increasing) {
      rankBySorting(rankAddresses);
      return;
    }
    int[] next = new int[sourceCount];
    long[] heads = new long[sourceCount];
    for (int source = 0; source < sourceCount; source++) {
      heads[source] = sources.get(source).firstSeen(0);
    }
    for (int rank = 0; rank < totalSourceGroups; rank++) {
      int smallest = -1;
      for (int source = 0; source < sourceCount; source++) {
        if (next[source] < sources.get(source).groupCount() && (smallest < 0 || heads[source] < heads[smallest])) {
          smallest = source;
        }
      }
      int group = next[smallest]++;
      MemoryUtil.putInt(rankAddresses[smallest] + ((long) group << 2), rank);
      if (next[smallest] < sources.get(smallest).groupCount()) {
        heads[smallest] = sources.get(smallest).firstSeen(next[smallest]);
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
    for (int source = 0; source < sources.size(); source++) {
      HashAggregationTable table = sources.get(source);
      for (int group = 0; group < table.groupCount(); group++) {
        // Positions are unique: no two workers share a morsel.
        int rank = Arrays.binarySearch(positions, table.firstSeen(group));
        MemoryUtil.putInt(rankAddresses[source] + ((long) group << 2), rank);
      }
    }
  }

  /** Merges one partition's groups of every source, in source order, into a table of its own. */
  private void mergePartition(int partition) {
    int largest = 0;
    for (int[] starts : partitionStarts) {
      largest = Math.max(largest, starts[partition + 1] - starts[partition]);
    }
    HashAggregationTable first = sources.get(0);
    // Sized for the largest source's share: exact when the workers saw the same keys, one growth when
    // two saw different ones.
    HashAggregationTable table = new HashAggregationTable(first.spec(), allocator, first.ansiEnabled(), largest, words);
    merged[partition] = table;
    for (int source = 0; source < sources.size(); source++) {
      HashAggregationTable from = sources.get(source);
      long groupsAddress = groupsByPartition[source].memoryAddress();
      long rankAddress = ranks[source].memoryAddress();
      int end = partitionStarts[source][partition + 1];
      for (int entry = partitionStarts[source][partition]; entry < end; entry++) {
        int group = MemoryUtil.getInt(groupsAddress + ((long) entry << 2));
        table.mergeGroup(from, group, MemoryUtil.getInt(rankAddress + ((long) group << 2)));
      }
    }
    long orderAddress = order.memoryAddress();
    for (int group = 0; group < table.groupCount(); group++) {
      MemoryUtil.putLong(orderAddress + (table.firstSeen(group) << 3), (((long) partition << 32) | group) + 1);
    }
  }

  /** Drops the ranks no merged group kept, leaving the entries in first-seen order. */
  private void compactOrder() {
    long address = order.memoryAddress();
    int kept = 0;
    for (int rank = 0; rank < totalSourceGroups; rank++) {
      long entry = MemoryUtil.getLong(address + ((long) rank << 3));
      if (entry != 0) {
        MemoryUtil.putLong(address + ((long) kept++ << 3), entry - 1);
      }
    }
    rows = kept;
  }

  /**
   * Runs {@code task} for 0 .. count - 1 on up to {@link #threads} threads, the calling one included;
   * waits for all of them, also after a failure, and rethrows the first failure.
   */
  private void runTasks(int count, IntConsumer task) {
    int helpers = Math.min(threads, count) - 1;
    AtomicInteger nextTask = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      try {
        for (int index = nextTask.getAndIncrement(); index < count && failure.get() == null;
            index = nextTask.getAndIncrement()) {
          task.accept(index);
        }
      } catch (Throwable e) {
        if (!failure.compareAndSet(null, e)) {
          failure.get().addSuppressed(e);
        }
      }
    };
    List<Thread> started = new ArrayList<>(helpers);
    for (int helper = 0; helper < helpers; helper++) {
      Thread thread = new Thread(worker, "ember-aggregate-merge-" + helper);
      thread.setDaemon(true);
      thread.start();
      started.add(thread);
    }
    worker.run();
    // Helpers write into buffers the caller frees: wait for them even when interrupted.
    boolean interrupted = false;
    for (Thread thread : started) {
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable cause = failure.get();
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    } else if (cause instanceof Error error) {
      throw error;
    } else if (cause != null) {
      throw new IllegalStateException("merging hash aggregate partitions failed", cause);
    }
  }

  private void closeSourceIndexes() {
    for (ArrowBuf[] buffers : List.of(ranks, groupsByPartition)) {
      for (int source = 0; source < buffers.length; source++) {
        if (buffers[source] != null) {
          buffers[source].close();
          buffers[source] = null;
        }
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
    if (order != null) {
      order.close();
    }
  }
}
