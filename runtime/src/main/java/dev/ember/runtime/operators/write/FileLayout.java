package dev.ember.runtime.operators.write;

/**
 * How a write's rows are spread over part files (in each partition directory, when partitioned by
 * columns): what Spark's partitions of the written Dataset decide, which {@code repartition} and
 * {@code coalesce} set.
 */
public sealed interface FileLayout {
  /** No repartitioning asked for: a file per worker that received rows. */
  FileLayout PER_WORKER = new PerWorker();

  static FileLayout perWorker() {
    return PER_WORKER;
  }

  /** {@code coalesce(files)}: at most {@code files} workers, each writing its own file. */
  static FileLayout atMost(int files) {
    return new AtMost(files);
  }

  /** {@code repartition(files)}: the rows dealt round robin over exactly {@code files} files. */
  static FileLayout roundRobin(int files) {
    return new Dealt(files, -1);
  }

  /**
   * {@code repartition(files, cols)}: each row goes to the file that an int column of the input
   * (computed by the plan, left out of the files) names, in {@code [0, files)}.
   */
  static FileLayout byColumn(int files, int fileColumn) {
    if (fileColumn < 0) {
      throw new IllegalArgumentException("fileColumn must be a column position, got " + fileColumn);
    }
    return new Dealt(files, fileColumn);
  }

  /** The most workers the write may use. */
  int maxWorkers();

  record PerWorker() implements FileLayout {
    @Override
    public int maxWorkers() {
      return Integer.MAX_VALUE;
    }
  }

  record AtMost(int files) implements FileLayout {
    public AtMost {
      requirePositive(files);
    }

    @Override
    public int maxWorkers() {
      return files;
    }
  }

  /** @param fileColumn the input column naming each row's file, or -1 to deal rows round robin */
  record Dealt(int files, int fileColumn) implements FileLayout {
    public Dealt {
      requirePositive(files);
    }

    @Override
    public int maxWorkers() {
      return Integer.MAX_VALUE;
    }
  }

  private static void requirePositive(int files) {
    if (files < 1) {
      throw new IllegalArgumentException("a write needs at least one file, got " + files);
    }
  }
}
