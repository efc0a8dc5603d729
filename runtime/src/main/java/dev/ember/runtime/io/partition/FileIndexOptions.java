package dev.ember.runtime.io.partition;

import dev.ember.runtime.io.FileOptions;
import dev.ember.sql.types.StructType;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * How the files of a table on disk are found and its partition columns typed.
 *
 * @param basePath the table's root directory (option {@code basePath}), or null: each path given is a root
 * @param recursiveFileLookup read every file below the paths and discover no partitions
 * @param pathGlobFilter a glob that file names must match (option {@code pathGlobFilter}), or null
 * @param typeInference {@code spark.sql.sources.partitionColumnTypeInference.enabled}: off, values are strings
 * @param userSchema the user's schema, or null; a partition column it names takes its type from it
 * @param sessionZone the zone partition timestamps are read in
 */
public record FileIndexOptions(String basePath, boolean recursiveFileLookup, String pathGlobFilter,
    boolean typeInference, StructType userSchema, ZoneId sessionZone) {
  public FileIndexOptions {
    Objects.requireNonNull(sessionZone, "sessionZone is null");
  }

  /** Spark's options {@code basePath}, {@code recursiveFileLookup} and {@code pathGlobFilter} (keys in any case). */
  public static FileIndexOptions fromReaderOptions(Map<String, String> options, String format, boolean typeInference,
      StructType userSchema, ZoneId sessionZone) {
    Map<String, String> lowerCased = FileOptions.lowerCaseKeys(options);
    boolean recursive = FileOptions.booleanOption(lowerCased, "recursiveFileLookup", false, format);
    return new FileIndexOptions(lowerCased.get("basepath"), recursive, lowerCased.get("pathglobfilter"),
        typeInference, userSchema, sessionZone);
  }
}
