package dev.ember.runtime.io.parquet;

import dev.ember.runtime.pipeline.Morsel;
import java.nio.file.Path;
import java.util.Objects;

/** One row group of one Parquet file: the unit a worker reads whole. */
public record ParquetRowGroupMorsel(Path file, int rowGroup, long rowCount) implements Morsel {
  public ParquetRowGroupMorsel {
    Objects.requireNonNull(file, "file is null");
    if (rowGroup < 0 || rowCount < 0) {
      throw new IllegalArgumentException("Invalid row group " + rowGroup + " with " + rowCount + " rows of " + file);
    }
  }

  @Override
  public String describe() {
    return ParquetReadErrors.displayName(file) + " row group " + rowGroup + " (" + rowCount + " rows)";
  }
}
