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
   * Each path is a file, a directory or a glob pattern ({@link PathGlob}); a directory contributes its
   * own data files (not those of subdirectories, as Spark without {@code recursiveFileLookup}), sorted
   * by name, leaving out hidden names ({@link #isHiddenName}: {@code _SUCCESS}, {@code .crc} files).
   * Paths may be plain or {@code file:} URIs.
   *
   * @throws AnalysisException {@code PATH_NOT_FOUND} for the first path that does not exist or
   *     pattern that matches nothing
   */
  public static List<Path> list(List<String> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : expandRoots(paths)) {
      if (Files.isDirectory(path)) {
        files.addAll(dataFilesIn(path));
      } else if (!isHiddenName(path.getFileName().toString())) {
        files.add(path);
      }
    }
    return List.copyOf(files);
  }

  /**
   * The paths the user named, with glob patterns replaced by what they match (sorted), each absolute
   * and normalized, in the order given.
   *
   * @throws AnalysisException {@code PATH_NOT_FOUND} for the first path that does not exist or
   *     pattern that matches nothing, as Spark reports both
   */
  public static List<Path> expandRoots(List<String> paths) {
    Objects.requireNonNull(paths, "paths is null");
    List<Path> roots = new ArrayList<>();
    for (String text : paths) {
      Objects.requireNonNull(text, "path is null");
      String local = localPath(text);
      if (PathGlob.hasWildcards(local)) {
        List<Path> matches = PathGlob.expand(local);
        if (matches.isEmpty()) {
          throw pathNotFound(Paths.get(local));
        }
        roots.addAll(matches);
      } else {
        Path path = toPath(text);
        if (!Files.exists(path)) {
          throw pathNotFound(path);
        }
        roots.add(path.toAbsolutePath().normalize());
      }
    }
    return List.copyOf(roots);
  }

  private static AnalysisException pathNotFound(Path path) {
    String shown = displayName(path);
    return new AnalysisException("PATH_NOT_FOUND", Map.of("path", shown),
        "Path does not exist: " + shown + ". SQLSTATE: 42K03");
  }

  /**
   * Whether Spark's file listing leaves a file or directory out: names starting with {@code .}, and
   * names starting with {@code _} unless they hold {@code =} (a partition directory such as
   * {@code _c=1} is data), and files still being copied ({@code ._COPYING_}).
   */
  public static boolean isHiddenName(String name) {
    return name.startsWith(".") || (name.startsWith("_") && !name.contains("=")) || name.endsWith("._COPYING_");
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

  /** A {@code file:} URI as a plain local path, for glob patterns, which are not valid URIs. */
  private static String localPath(String text) {
    if (!text.startsWith("file:")) {
      return text;
    }
    String rest = text.substring(5);
    // file:///x and file:/x name the same local path; file://host/x is not local, left to fail.
    return rest.startsWith("///") ? rest.substring(2) : rest;
  }

  private static List<Path> dataFilesIn(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      return children
          .filter(Files::isRegularFile)
          .filter(child -> !isHiddenName(child.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list directory " + displayName(directory), e);
    }
  }
}
