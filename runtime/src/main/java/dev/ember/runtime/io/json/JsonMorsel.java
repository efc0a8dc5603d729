package dev.ember.runtime.io.json;

import dev.ember.runtime.io.FileListing;
import dev.ember.runtime.pipeline.Morsel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A byte range {@code [start, end)} of one JSON file: its records are the lines that start inside
 * it. A whole file ({@code multiLine}, or compressed) is the range {@code [0, Long.MAX_VALUE)}.
 */
public record JsonMorsel(Path file, long start, long end) implements Morsel {
  public JsonMorsel {
    Objects.requireNonNull(file, "file is null");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("Invalid byte range [" + start + ", " + end + ") of " + file);
    }
  }

  static JsonMorsel wholeFile(Path file) {
    return new JsonMorsel(file, 0, Long.MAX_VALUE);
  }

  boolean isWholeFile() {
    return start == 0 && end == Long.MAX_VALUE;
  }

  @Override
  public String describe() {
    return FileListing.displayName(file) + (isWholeFile() ? "" : " bytes [" + start + ", " + end + ")");
  }
}
