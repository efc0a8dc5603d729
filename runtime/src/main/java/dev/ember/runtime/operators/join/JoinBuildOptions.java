package dev.ember.runtime.operators.join;

/**
 * How a join table is built: from how many rows the rows are linked by two threads, and from how
 * many rows a Bloom filter is kept for probes ({@link Integer#MAX_VALUE}: never). Small tables fit the
 * caches, where neither pays for itself.
 *
 * <p>The system properties {@value HashJoinBuildSink#PARALLEL_BUILD_PROPERTY} and
 * {@value HashJoinBuildSink#BLOOM_FILTER_PROPERTY} ({@code true} switches each on) are read once per
 * build, so a benchmark compares both settings in one run. Both are off by default: on a quiet 2-core
 * machine the two-thread build of 1.5 M keys took 122 ms against 114 ms on one thread (both threads
 * read and hash every key), and with the slots in the last-level cache the filter made hits slower
 * and misses no faster (benchmarks/RESULTS.md, "Hash join build and probe").
 */
record JoinBuildOptions(int twoThreadsMinRows, int bloomFilterMinRows) {
  static final int DEFAULT_MIN_ROWS = 1 << 16;

  static final JoinBuildOptions SINGLE_THREAD_NO_FILTER = new JoinBuildOptions(Integer.MAX_VALUE, Integer.MAX_VALUE);

  /** @param workers the build pipeline's workers: a second thread only when the session has a second core */
  static JoinBuildOptions fromSystemProperties(int workers) {
    boolean parallel = workers >= 2 && Boolean.getBoolean(HashJoinBuildSink.PARALLEL_BUILD_PROPERTY);
    boolean bloomFilter = Boolean.getBoolean(HashJoinBuildSink.BLOOM_FILTER_PROPERTY);
    return new JoinBuildOptions(parallel ? DEFAULT_MIN_ROWS : Integer.MAX_VALUE,
        bloomFilter ? DEFAULT_MIN_ROWS : Integer.MAX_VALUE);
  }
}
