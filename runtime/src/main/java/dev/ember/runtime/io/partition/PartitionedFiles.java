package dev.ember.runtime.io.partition;

import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The data files of a table read from disk, grouped by partition directory, with the partition
 * columns found in the directory names ({@code year=2024/month=1}). Without partition columns there is
 * one group, holding every file.
 */
public record PartitionedFiles(StructType partitionSchema, List<PartitionDirectory> directories) {
  public PartitionedFiles {
    Objects.requireNonNull(partitionSchema, "partitionSchema is null");
    directories = List.copyOf(Objects.requireNonNull(directories, "directories is null"));
    for (PartitionDirectory directory : directories) {
      if (directory.values().size() != partitionSchema.length()) {
        throw new IllegalArgumentException("partition " + directory.path() + " has " + directory.values().size()
            + " values for " + partitionSchema.length() + " partition columns");
      }
    }
  }

  public boolean isPartitioned() {
    return partitionSchema.length() > 0;
  }

  /** Every data file, partition by partition. */
  public List<Path> allFiles() {
    return directories.stream().flatMap(directory -> directory.files().stream()).toList();
  }

  /** The same table limited to {@code kept}, which must be some of its directories. */
  public PartitionedFiles withDirectories(List<PartitionDirectory> kept) {
    return new PartitionedFiles(partitionSchema, kept);
  }
}
