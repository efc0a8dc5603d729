package dev.ember.runtime.io.csv;

import dev.ember.runtime.io.FileListing;
import dev.ember.runtime.pipeline.Morsel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A byte range {@code [start, end)} of one CSV file. Its records are the lines that start inside the
 * range; the last may run past {@code end}.
 */
public record CsvMorsel(Path file, long start, long end) implements Morsel {
  public CsvMorsel {
    Objects.requireNonNull(file, "file is null");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("Invalid byte range [" + start + ", " + end + ") of " + file);
    }
  }

  @Override
  public String describe() {
    return FileListing.displayName(file) + " bytes [" + start + ", " + end + ")";
  }
}
