package dev.ember.runtime.operators.join;

/**
 * How a join table is built. Compact keys of at least {@code partitionMinRows} rows are linked range
 * by range of slots on up to {@code threads} threads (the build pipeline's workers, so the session's
 * core count holds); other tables are linked straight from the rows, by two threads from
 * {@code twoThreadsMinRows} rows. A Bloom filter is kept from {@code bloomFilterMinRows} rows.
 * {@link Integer#MAX_VALUE} switches a choice off. Small tables fit the caches, where none of these pays.
 *
 * <p>The system properties {@value HashJoinBuildSink#PARTITIONED_BUILD_PROPERTY} (on unless
 * {@code false}), {@value HashJoinBuildSink#PARALLEL_BUILD_PROPERTY} and
 * {@value HashJoinBuildSink#BLOOM_FILTER_PROPERTY} (off unless {@code true}) are read once per build, so
 * a benchmark compares the settings in one run. The straight two-thread link and the filter are off by
 * default: on a quiet 2-core machine the two-thread build of 1.5 M keys took 122 ms against 114 ms on one
 * thread (both threads read and hash every key), and with the slots in the last-level cache the filter
 * made hits slower and misses no faster (benchmarks/RESULTS.md, "Hash join build and probe").
 */
record JoinBuildOptions(int twoThreadsMinRows, int bloomFilterMinRows, int partitionMinRows, int threads) {
  static final int DEFAULT_MIN_ROWS = 1 << 16;

  static final JoinBuildOptions SINGLE_THREAD_NO_FILTER =
      new JoinBuildOptions(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 1);

  /** Straight links only, as before partitioned links existed: for tests of those paths. */
  JoinBuildOptions(int twoThreadsMinRows, int bloomFilterMinRows) {
    this(twoThreadsMinRows, bloomFilterMinRows, Integer.MAX_VALUE, 2);
  }

  /** @param workers the build pipeline's workers: more threads only when the session has more cores */
  static JoinBuildOptions fromSystemProperties(int workers) {
    boolean parallel = workers >= 2 && Boolean.getBoolean(HashJoinBuildSink.PARALLEL_BUILD_PROPERTY);
    boolean bloomFilter = Boolean.getBoolean(HashJoinBuildSink.BLOOM_FILTER_PROPERTY);
    boolean partitioned = !"false".equals(System.getProperty(HashJoinBuildSink.PARTITIONED_BUILD_PROPERTY));
    return new JoinBuildOptions(parallel ? DEFAULT_MIN_ROWS : Integer.MAX_VALUE,
        bloomFilter ? DEFAULT_MIN_ROWS : Integer.MAX_VALUE, partitioned ? DEFAULT_MIN_ROWS : Integer.MAX_VALUE,
        Math.max(1, workers));
  }
}
