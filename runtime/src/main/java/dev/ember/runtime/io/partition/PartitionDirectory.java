package dev.ember.runtime.io.partition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The data files of one partition: a directory such as {@code year=2024/month=1} and the values its
 * path gives the partition columns, in Ember's internal representation (Integer, Long, BigDecimal,
 * Double, Integer days for dates, Long microseconds for timestamps, String; null for
 * {@code __HIVE_DEFAULT_PARTITION__}). A table without partition columns is one directory with no values.
 */
public record PartitionDirectory(Path path, List<Object> values, List<Path> files) {
  public PartitionDirectory {
    Objects.requireNonNull(path, "path is null");
    // Values may be null, which List.copyOf refuses.
    values = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(values, "values is null")));
    files = List.copyOf(Objects.requireNonNull(files, "files is null"));
  }
}
