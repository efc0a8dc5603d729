package dev.ember.runtime.io.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCommitProtocolTest {
  @TempDir
  Path directory;

  private static List<String> tree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  private static void stage(FileCommitProtocol commit, String relative, String content) throws IOException {
    Path file = commit.stagingDirectory().resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void stagingIsHiddenBesideTheOutputUntilCommit() throws IOException {
    Path output = directory.resolve("out");
    FileCommitProtocol commit = FileCommitProtocol.begin(output, PublishMode.CREATE);
    assertEquals(directory, commit.stagingDirectory().getParent());
    assertTrue(commit.stagingDirectory().getFileName().toString().startsWith(".out.ember-staging-"));
    stage(commit, "part-a.csv", "1\n");
    assertFalse(Files.exists(output));
    commit.commit();
    assertEquals(List.of("_SUCCESS", "part-a.csv"), tree(output));
    assertEquals(List.of("out"), tree(directory).stream().map(path -> path.split("/")[0]).distinct().toList());
  }

  @Test
  void replaceSwapsTheWholeDirectory() throws IOException {
    Path output = directory.resolve("out");
    Files.createDirectories(output.resolve("year=1"));
    Files.writeString(output.resolve("year=1/old.csv"), "old\n");
    FileCommitProtocol commit = FileCommitProtocol.begin(output, PublishMode.REPLACE);
    stage(commit, "new.csv", "new\n");
    assertEquals(List.of("year=1/old.csv"), tree(output), "the old output stays until commit");
    commit.commit();
    assertEquals(List.of("_SUCCESS", "new.csv"), tree(output));
    assertEquals(List.of("out"), names(directory));
  }

  @Test
  void appendMovesFilesIntoPartitionDirectories() throws IOException {
    Path output = directory.resolve("out");
    Files.createDirectories(output.resolve("a=1"));
    Files.writeString(output.resolve("a=1/old.csv"), "old\n");
    FileCommitProtocol commit = FileCommitProtocol.begin(output, PublishMode.APPEND);
    stage(commit, "a=1/new.csv", "x\n");
    stage(commit, "a=2/new.csv", "y\n");
    commit.commit();
    assertEquals(List.of("_SUCCESS", "a=1/new.csv", "a=1/old.csv", "a=2/new.csv"), tree(output));
    assertEquals(List.of("out"), names(directory));
  }

  @Test
  void abortDeletesStagingAndKeepsOutput() throws IOException {
    Path output = directory.resolve("out");
    Files.createDirectories(output);
    Files.writeString(output.resolve("old.csv"), "old\n");
    FileCommitProtocol commit = FileCommitProtocol.begin(output, PublishMode.REPLACE);
    stage(commit, "new.csv", "new\n");
    commit.abort();
    assertEquals(List.of("old.csv"), tree(output));
    assertEquals(List.of("out"), names(directory));
    assertThrows(IllegalStateException.class, commit::commit);
  }

  @Test
  void nextWriteCleansLeftoversOfAKilledOne() throws IOException {
    Path output = directory.resolve("out");
    Path staging = directory.resolve(".out.ember-staging-dead");
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("part.csv"), "partial");
    // Killed between the two renames of a replace: the old output sits aside and the path is gone.
    Path aside = directory.resolve(".out.ember-replaced-dead");
    Files.createDirectories(aside);
    Files.writeString(aside.resolve("old.csv"), "old\n");

    FileCommitProtocol commit = FileCommitProtocol.begin(output, PublishMode.APPEND);
    assertFalse(Files.exists(staging));
    assertEquals(List.of("old.csv"), tree(output), "the renamed-aside output is put back");
    commit.abort();
    assertEquals(List.of("out"), names(directory));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.map(child -> child.getFileName().toString()).sorted().toList();
    }
  }
}
