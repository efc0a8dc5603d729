package dev.ember.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.sql.AnalysisException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileListingTest {
  private static Path write(Path directory, String name, String content) {
    try {
      return Files.writeString(directory.resolve(name), content);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TempDir Path directory;

  @Test
  void listsDirectoryDataFilesSortedWithoutHiddenOrSubdirectories() throws Exception {
    Path table = Files.createDirectory(directory.resolve("table"));
    Path b = write(table, "b.csv", "2\n");
    Path a = write(table, "a.csv", "1\n");
    write(table, "_SUCCESS", "");
    write(table, ".a.csv.crc", "");
    write(Files.createDirectory(table.resolve("sub")), "c.csv", "3\n");
    Path single = write(directory, "single.csv", "4\n");
    assertEquals(List.of(a, b, single), FileListing.list(List.of(table.toString(), "file:" + single)));
  }

  @Test
  void readOrderIsLargestFirstWithTiesInListingOrder() {
    Path small = write(directory, "small.csv", "1\n");
    Path tieFirst = write(directory, "tie1.csv", "12\n");
    Path large = write(directory, "large.csv", "123456\n");
    Path tieSecond = write(directory, "tie2.csv", "34\n");
    assertEquals(List.of(large, tieFirst, tieSecond, small),
        FileListing.inReadOrder(List.of(small, tieFirst, large, tieSecond)));
  }

  @Test
  void missingPathIsSparksPathNotFound() {
    Path existing = write(directory, "x.csv", "1\n");
    Path missing = directory.resolve("nope.csv");
    AnalysisException error = assertThrows(AnalysisException.class,
        () -> FileListing.list(List.of(existing.toString(), missing.toString())));
    assertEquals("PATH_NOT_FOUND", error.getCondition());
    assertEquals("[PATH_NOT_FOUND] Path does not exist: file:" + missing.toAbsolutePath() + ". SQLSTATE: 42K03", error.getMessage());
    assertEquals(Map.of("path", "file:" + missing.toAbsolutePath()), error.getMessageParameters());
  }
}
