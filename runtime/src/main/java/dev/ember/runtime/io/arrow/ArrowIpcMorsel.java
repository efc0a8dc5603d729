package dev.ember.runtime.io.arrow;

import dev.ember.runtime.pipeline.Morsel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Record batches {@code [firstBatch, firstBatch + batchCount)} of an Arrow IPC file, or every batch
 * of a file in the streaming format (which has no index to seek by, so one worker reads it whole).
 */
public record ArrowIpcMorsel(Path file, boolean stream, int firstBatch, int batchCount) implements Morsel {
  public ArrowIpcMorsel {
    Objects.requireNonNull(file, "file is null");
    if (!stream && (firstBatch < 0 || batchCount <= 0)) {
      throw new IllegalArgumentException(
          "Invalid record batch range [" + firstBatch + ", +" + batchCount + ") of " + file);
    }
  }

  /** Every record batch of a file in the streaming format. */
  public static ArrowIpcMorsel wholeStream(Path file) {
    return new ArrowIpcMorsel(file, true, 0, -1);
  }

  @Override
  public String describe() {
    String path = ArrowIpcFiles.displayName(file);
    return stream ? path + " (stream)" : path + " record batches [" + firstBatch + ", " + (firstBatch + batchCount) + ")";
  }
}
