package dev.ember.runtime.operators.sort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A sort worker's private directory of run files, made on the first spill and deleted with everything
 * in it by {@link #close()}. Not thread-safe: one worker spills into it, then one merge reads it.
 */
final class SpillDirectory implements AutoCloseable {
  private final Path parent;
  private Path directory;
  private int fileCount;

  SpillDirectory(Path parent) {
    this.parent = parent;
  }

  /** A path for the next run file; the directory is created if needed. */
  Path newFile() {
    try {
      if (directory == null) {
        Files.createDirectories(parent);
        directory = Files.createTempDirectory(parent, "ember-sort-");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for sort spill files in " + parent
          + "; set spark.local.dir to a writable directory", e);
    }
    return directory.resolve("run-" + fileCount++ + ".arrow");
  }

  /** The directory, or {@code null} before the first spill. */
  Path path() {
    return directory;
  }

  /** Deletes one run file as soon as it has been merged into a longer one, to free its disk space. */
  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the sort spill file " + file, e);
    }
  }

  @Override
  public void close() {
    if (directory == null) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
      directory = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the sort spill directory " + directory, e);
    }
  }
}
