package dev.ember.runtime.io.partition;

import dev.ember.runtime.io.FileListing;
import dev.ember.runtime.io.PathGlob;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a table on disk, for every format, as Spark's file index finds them: the paths given
 * (files, directories, glob patterns) are listed recursively, hidden names left out; directories named
 * {@code column=value} below a root make partition columns ({@link PartitionDiscovery}). Without
 * partition columns only the files directly in each root directory (and root files) are data; with
 * them, the files in the partition directories.
 */
public final class PartitionedFileIndex {
  private PartitionedFileIndex() {}

  /**
   * @throws dev.ember.sql.AnalysisException {@code PATH_NOT_FOUND} for a path or pattern that matches nothing
   * @throws dev.ember.SparkException Spark's errors for directory layouts it cannot read as partitions
   */
  public static PartitionedFiles list(List<String> paths, FileIndexOptions options) {
    Objects.requireNonNull(options, "options is null");
    List<Path> roots = FileListing.expandRoots(paths);
    // Sorted by directory, then file name: the order partitions and their files are read in.
    Map<Path, List<Path>> filesByDirectory = new TreeMap<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        collect(root, options.pathGlobFilter(), filesByDirectory);
      } else if (isDataFile(root, options.pathGlobFilter())) {
        filesByDirectory.computeIfAbsent(root.getParent(), directory -> new ArrayList<>()).add(root);
      }
    }
    filesByDirectory.values().forEach(files -> files.sort(null));
    if (options.recursiveFileLookup()) {
      return unpartitioned(filesByDirectory.values().stream().flatMap(List::stream).toList(), roots);
    }
    PartitionedFiles partitioned = PartitionDiscovery.discover(roots, filesByDirectory, options);
    if (partitioned != null) {
      return partitioned;
    }
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        files.addAll(filesByDirectory.getOrDefault(root, List.of()));
      } else if (isDataFile(root, options.pathGlobFilter())) {
        files.add(root);
      }
    }
    return unpartitioned(files, roots);
  }

  private static PartitionedFiles unpartitioned(List<Path> files, List<Path> roots) {
    Path where = roots.isEmpty() ? Path.of("").toAbsolutePath() : roots.get(0);
    return new PartitionedFiles(new StructType(), List.of(new PartitionDirectory(where, List.of(), files)));
  }

  private static void collect(Path directory, String nameFilter, Map<Path, List<Path>> filesByDirectory) {
    List<Path> subdirectories = new ArrayList<>();
    try (Stream<Path> children = Files.list(directory)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        if (FileListing.isHiddenName(child.getFileName().toString())) {
          continue;
        }
        if (Files.isDirectory(child)) {
          subdirectories.add(child);
        } else if (isDataFile(child, nameFilter)) {
          filesByDirectory.computeIfAbsent(directory, key -> new ArrayList<>()).add(child);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list directory " + FileListing.displayName(directory), e);
    }
    for (Path subdirectory : subdirectories) {
      collect(subdirectory, nameFilter, filesByDirectory);
    }
  }

  private static boolean isDataFile(Path file, String nameFilter) {
    String name = file.getFileName().toString();
    return !FileListing.isHiddenName(name) && (nameFilter == null || PathGlob.matchesName(nameFilter, name));
  }
}
