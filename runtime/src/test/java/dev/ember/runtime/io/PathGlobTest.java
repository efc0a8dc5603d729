package dev.ember.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.sql.AnalysisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathGlobTest {
  @TempDir Path directory;

  private Path file(String relative) throws IOException {
    Path path = directory.resolve(relative);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, "x");
  }

  @Test
  void wildcardsMatchWithinOneLevel() {
    assertTrue(PathGlob.matchesName("part-*.parquet", "part-00000.parquet"));
    assertFalse(PathGlob.matchesName("part-*.parquet", "part-0.json"));
    assertTrue(PathGlob.matchesName("?.csv", "a.csv"));
    assertFalse(PathGlob.matchesName("?.csv", "ab.csv"));
    assertTrue(PathGlob.matchesName("[abc]x", "bx"));
    assertFalse(PathGlob.matchesName("[abc]x", "dx"));
    assertTrue(PathGlob.matchesName("[a-c]x", "cx"));
    assertTrue(PathGlob.matchesName("[^a]x", "bx"));
    assertFalse(PathGlob.matchesName("[!a]x", "ax"));
    assertTrue(PathGlob.matchesName("a.b", "a.b"));
    assertFalse(PathGlob.matchesName("a.b", "aXb"), "a dot is literal, not a regex wildcard");
    assertTrue(PathGlob.matchesName("\\*", "*"));
    assertFalse(PathGlob.matchesName("\\*", "x"));
  }

  @Test
  void bracesExpandToAlternativesNestedAndAcrossLevels() {
    assertEquals(List.of("a", "b"), PathGlob.expandBraces("{a,b}"));
    assertEquals(List.of("xa1", "xa2", "xb"), PathGlob.expandBraces("x{a{1,2},b}"));
    assertEquals(List.of("d/a/f", "d/b/c/f"), PathGlob.expandBraces("d/{a,b/c}/f"));
    assertEquals(List.of("\\{a,b}"), PathGlob.expandBraces("\\{a,b}"));
    assertTrue(PathGlob.matchesName("{2023,2024}-*", "2024-01"));
    assertFalse(PathGlob.matchesName("{2023,2024}-*", "2025-01"));
  }

  @Test
  void expandsWildcardsInDirectoryLevelsSorted() throws IOException {
    Path first = file("2024-01/part-0.parquet");
    Path second = file("2024-02/part-0.parquet");
    file("2024-02/other.parquet");
    file("2023-12/part-0.parquet");
    assertEquals(List.of(first, second), PathGlob.expand(directory + "/2024-*/part-*.parquet"));
    assertEquals(List.of(directory.resolve("2023-12"), directory.resolve("2024-02")),
        PathGlob.expand(directory + "/{2023-12,2024-02,2025-01}"));
    assertEquals(List.of(), PathGlob.expand(directory + "/2099-*/x"));
  }

  @Test
  void listingExpandsPatternsAndReportsOnesMatchingNothing() throws IOException {
    Path first = file("t/a.csv");
    Path hidden = file("t/_b.csv");
    assertEquals(List.of(first), FileListing.list(List.of(directory + "/t/*.csv")), "hidden names are left out");
    assertTrue(Files.exists(hidden));
    AnalysisException error = assertThrows(AnalysisException.class,
        () -> FileListing.list(List.of("file:" + directory + "/nothing-*/x")));
    assertEquals("[PATH_NOT_FOUND] Path does not exist: file:" + directory + "/nothing-*/x. SQLSTATE: 42K03",
        error.getMessage());
  }
}
