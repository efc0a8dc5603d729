package dev.ember.runtime.operators.sort;

import java.nio.file.Path;
import java.util.Objects;

/**
 * When and where a full sort spills. A sort buffers its input until the batches it holds (summed over
 * its workers) exceed {@code budgetBytes}; then each worker sorts what it holds into a run, writes it
 * as an Arrow IPC file under {@code spillDirectory} and frees it. The output merges the runs.
 *
 * <p>The budget counts the buffered batches' memory and the working memory sorting them will need
 * (keys and row orders). A quarter of the memory limit, the default, leaves room for the copy of each
 * sorted batch, for the merge and for the rest of the query. Top-N sorts keep at most N rows per
 * worker and never spill.
 *
 * @param budgetBytes bytes a sort may buffer before spilling (0 spills every batch); {@link #DEFAULT_BUDGET} means a
 *     quarter of the query allocator's limit
 * @param spillDirectory where run files go (a new directory is made inside it per sort worker and
 *     deleted when the sort's output is closed, also after a failure)
 */
public record SortSpillSettings(long budgetBytes, Path spillDirectory) {
  /** Marks a budget derived from the query's memory limit. */
  public static final long DEFAULT_BUDGET = -1;

  /** A quarter of the memory limit, in a system temporary directory. */
  public static final SortSpillSettings DEFAULT =
      new SortSpillSettings(DEFAULT_BUDGET, Path.of(System.getProperty("java.io.tmpdir")));

  public SortSpillSettings {
    Objects.requireNonNull(spillDirectory, "spillDirectory is null");
    if (budgetBytes < 0 && budgetBytes != DEFAULT_BUDGET) {
      throw new IllegalArgumentException("sort budget must be non-negative bytes or -1 (a quarter of the memory limit), got "
          + budgetBytes);
    }
  }

  /** The budget in bytes for a sort whose allocator is limited to {@code memoryLimit} bytes. */
  long budgetFor(long memoryLimit) {
    return budgetBytes == DEFAULT_BUDGET ? Math.max(1, memoryLimit / 4) : budgetBytes;
  }
}
