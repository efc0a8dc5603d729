package dev.ember.runtime.io;

import dev.ember.sql.AnalysisException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Turns the paths given to {@code spark.read().load(...)} into the files to read, for every file format. */
public final class FileListing {
  private FileListing() {}

  /**
   * Each path is a file or a directory; a directory contributes its own data files (not those of
   * subdirectories, as Spark without {@code recursiveFileLookup}), sorted by name, leaving out names
   * that start with {@code _} or {@code .} ({@code _SUCCESS}, {@code .crc} files). Paths may be plain
   * or {@code file:} URIs.
   *
   * @throws AnalysisException {@code PATH_NOT_FOUND} for the first path that does not exist
   */
  public static List<Path> list(List<String> paths) {
    Objects.requireNonNull(paths, "paths is null");
    List<Path> files = new ArrayList<>();
    for (String text : paths) {
      Path path = toPath(Objects.requireNonNull(text, "path is null"));
      if (Files.isDirectory(path)) {
        files.addAll(dataFilesIn(path));
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        String shown = displayName(path);
        throw new AnalysisException(
            "PATH_NOT_FOUND", Map.of("path", shown), "Path does not exist: " + shown + ".");
      }
    }
    return List.copyOf(files);
  }

  /**
   * The files in the order Spark reads them: largest first, ties in listing order. Spark plans file
   * scans that way, and it decides which header names the columns and the order rows come out in.
   */
  public static List<Path> inReadOrder(List<Path> files) {
    List<Path> ordered = new ArrayList<>(files);
    Map<Path, Long> sizes = new java.util.HashMap<>();
    for (Path file : files) {
      try {
        sizes.put(file, Files.size(file));
      } catch (java.io.IOException e) {
        throw new dev.ember.SparkException("FAILED_READ_FILE.NO_HINT", Map.of("path", displayName(file)),
            "Encountered error while reading file " + displayName(file) + ".", e);
      }
    }
    // List.sort is stable, which keeps listing order among files of equal size.
    ordered.sort(java.util.Comparator.comparingLong((Path file) -> sizes.get(file)).reversed());
    return List.copyOf(ordered);
  }

  /** How Spark (through Hadoop) prints a local path in messages: {@code file:/dir/file.csv}. */
  public static String displayName(Path path) {
    return "file:" + path.toAbsolutePath().normalize();
  }

  private static Path toPath(String text) {
    if (text.startsWith("file:")) {
      return Paths.get(URI.create(text.startsWith("file://") ? text : "file://" + text.substring(5)));
    }
    return Paths.get(text);
  }

  private static List<Path> dataFilesIn(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      return children
          .filter(Files::isRegularFile)
          .filter(child -> isDataFileName(child.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list directory " + displayName(directory), e);
    }
  }

  private static boolean isDataFileName(String name) {
    return !name.startsWith("_") && !name.startsWith(".");
  }
}
