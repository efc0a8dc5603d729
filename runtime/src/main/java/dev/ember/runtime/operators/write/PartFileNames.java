package dev.ember.runtime.operators.write;

import java.util.Locale;

/**
 * Spark's part-file names: {@code part-00000-<jobId>-c000.csv} in the output directory, and
 * {@code part-00000-<jobId>.c000.csv} inside Hive-style partition directories (Spark uses a dot there).
 * The number is the task (here: the worker's partition); the job id keeps appended files apart.
 */
public final class PartFileNames {
  private PartFileNames() {}

  public static String of(int task, String jobId, String extension, boolean partitioned) {
    return String.format(Locale.ROOT, "part-%05d-%s%sc000%s", task, jobId, partitioned ? "." : "-", extension);
  }
}
