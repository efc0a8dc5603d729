package dev.ember.runtime.io.commit;

import dev.ember.SparkException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Makes a dataset write all-or-nothing. Tasks write their part files into a hidden staging directory
 * beside the output ({@code .<name>.ember-staging-<jobId>}); readers skip names starting with
 * {@code .}, so nothing is visible until {@link #commit}. Commit publishes with renames:
 *
 * <ul>
 *   <li>{@link PublishMode#CREATE}: {@code _SUCCESS} is written into the staging directory, which is
 *       then renamed to the output path in one atomic move.
 *   <li>{@link PublishMode#REPLACE}: the old output is first renamed aside
 *       ({@code .<name>.ember-replaced-<jobId>}), the staging directory renamed into its place, then the
 *       old output deleted. The previous data is never deleted before the new data is complete.
 *   <li>{@link PublishMode#APPEND}: each part file is moved (atomically) into the existing output, then
 *       {@code _SUCCESS} is rewritten. Readers may see some new files before others, as with Spark.
 * </ul>
 *
 * {@link #abort} deletes the staging directory. A process killed mid-write leaves its staging
 * directory (or, between the two renames of a replace, the renamed-aside old output) behind: the next
 * {@link #begin} for the same output deletes leftover staging directories and puts a renamed-aside
 * output back if the output path is missing. Writes to one output path must not run concurrently.
 */
public final class FileCommitProtocol {
  public static final String SUCCESS_MARKER = "_SUCCESS";
  private static final String STAGING_INFIX = ".ember-staging-";
  private static final String REPLACED_INFIX = ".ember-replaced-";

  private final Path output;
  private final PublishMode mode;
  private final String jobId;
  private final Path staging;
  private boolean finished;

  private FileCommitProtocol(Path output, PublishMode mode, String jobId, Path staging) {
    this.output = output;
    this.mode = mode;
    this.jobId = jobId;
    this.staging = staging;
  }

  /** Cleans what an earlier, killed write to {@code output} left behind and creates a fresh staging directory. */
  public static FileCommitProtocol begin(Path output, PublishMode mode) {
    Objects.requireNonNull(output, "output is null");
    Objects.requireNonNull(mode, "mode is null");
    Path absolute = output.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new IllegalArgumentException("Cannot write a dataset to the file system root " + absolute);
    }
    String jobId = UUID.randomUUID().toString();
    try {
      Files.createDirectories(parent);
      recoverLeftovers(absolute);
      Path staging = parent.resolve(hiddenName(absolute, STAGING_INFIX, jobId));
      Files.createDirectory(staging);
      return new FileCommitProtocol(absolute, mode, jobId, staging);
    } catch (IOException e) {
      throw failure("prepare the write to", absolute, e);
    }
  }

  private static String hiddenName(Path output, String infix, String jobId) {
    return "." + output.getFileName() + infix + jobId;
  }

  /** Deletes leftover staging directories; restores an output renamed aside by a replace that never finished. */
  private static void recoverLeftovers(Path output) throws IOException {
    String stagingPrefix = "." + output.getFileName() + STAGING_INFIX;
    String replacedPrefix = "." + output.getFileName() + REPLACED_INFIX;
    List<Path> leftovers = new ArrayList<>();
    try (Stream<Path> siblings = Files.list(output.getParent())) {
      siblings.filter(sibling -> {
        String name = sibling.getFileName().toString();
        return name.startsWith(stagingPrefix) || name.startsWith(replacedPrefix);
      }).sorted().forEach(leftovers::add);
    }
    for (Path leftover : leftovers) {
      if (leftover.getFileName().toString().startsWith(replacedPrefix) && !Files.exists(output)) {
        Files.move(leftover, output, StandardCopyOption.ATOMIC_MOVE);
      } else {
        deleteRecursively(leftover);
      }
    }
  }

  /** A random id, unique per write; part files carry it in their names. */
  public String jobId() {
    return jobId;
  }

  /** Where the tasks write their files; paths below it become paths below the output. */
  public Path stagingDirectory() {
    return staging;
  }

  public Path output() {
    return output;
  }

  /** Publishes the staged files; on failure the staged files are deleted and the old output is kept. */
  public void commit() {
    checkNotFinished();
    finished = true;
    try {
      switch (mode) {
        case CREATE -> create();
        case REPLACE -> replace();
        case APPEND -> append();
      }
    } catch (IOException | RuntimeException e) {
      try {
        deleteRecursively(staging);
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof IOException io) {
        throw failure("commit the write to", output, io);
      }
      throw (RuntimeException) e;
    }
  }

  private void create() throws IOException {
    if (Files.exists(output)) {
      // Another writer created the output since the job began; joining it is what Spark would do too.
      append();
      return;
    }
    Files.createFile(staging.resolve(SUCCESS_MARKER));
    moveAtomically(staging, output);
  }

  private void replace() throws IOException {
    Files.createFile(staging.resolve(SUCCESS_MARKER));
    if (!Files.exists(output)) {
      moveAtomically(staging, output);
      return;
    }
    Path replaced = output.resolveSibling(hiddenName(output, REPLACED_INFIX, jobId));
    moveAtomically(output, replaced);
    try {
      moveAtomically(staging, output);
    } catch (IOException | RuntimeException e) {
      moveAtomically(replaced, output);
      throw e;
    }
    deleteRecursively(replaced);
  }

  private void append() throws IOException {
    Files.createDirectories(output);
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(staging)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path file : files) {
      Path relative = staging.relativize(file);
      if (relative.toString().equals(SUCCESS_MARKER)) {
        continue;
      }
      Path target = output.resolve(relative);
      Files.createDirectories(target.getParent());
      moveAtomically(file, target);
    }
    Files.deleteIfExists(output.resolve(SUCCESS_MARKER));
    Files.createFile(output.resolve(SUCCESS_MARKER));
    deleteRecursively(staging);
  }

  /** Deletes the staged files; the output is left as it was. Safe to call after a failed commit. */
  public void abort() {
    if (finished && !Files.exists(staging)) {
      return;
    }
    finished = true;
    try {
      deleteRecursively(staging);
    } catch (IOException e) {
      throw failure("clean up the aborted write to", output, e);
    }
  }

  private void checkNotFinished() {
    if (finished) {
      throw new IllegalStateException("the write to " + output + " was already committed or aborted");
    }
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      // Staging sits beside the output, so this means an unusual file system; a plain move still works.
      Files.move(from, to);
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.deleteIfExists(directory);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static SparkException failure(String action, Path output, IOException cause) {
    String shown = "file:" + output;
    return new SparkException("EMBER_WRITE_COMMIT_FAILED", Map.of("path", shown),
        "Could not " + action + " " + shown + ": " + cause + ". SQLSTATE: 58030", cause);
  }
}
