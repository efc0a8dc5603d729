package dev.ember.runtime.io.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layouts and outcomes checked on Spark 4.2 first. */
class PartitionedFileIndexTest {
  @TempDir Path directory;

  private Path file(String relative) throws IOException {
    Path path = directory.resolve(relative);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, "x");
  }

  private static FileIndexOptions options() {
    return new FileIndexOptions(null, false, null, true, null, ZoneOffset.UTC);
  }

  private PartitionedFiles list(FileIndexOptions options, String... relative) {
    return PartitionedFileIndex.list(Arrays.stream(relative).map(path -> directory.resolve(path).toString()).toList(),
        options);
  }

  @Test
  void directoriesNamedColumnEqualsValueArePartitionColumns() throws IOException {
    Path december = file("t/year=2023/month=12/a.json");
    Path january = file("t/year=2024/month=1/a.json");
    file("t/_SUCCESS");
    file("t/year=2024/month=1/.a.json.crc");
    PartitionedFiles files = list(options(), "t");
    assertEquals(new StructType().add("year", DataTypes.IntegerType).add("month", DataTypes.IntegerType),
        files.partitionSchema());
    assertEquals(2, files.directories().size());
    assertEquals(List.of(2023, 12), files.directories().get(0).values());
    assertEquals(List.of(december), files.directories().get(0).files());
    assertEquals(List.of(2024, 1), files.directories().get(1).values());
    assertEquals(List.of(december, january), files.allFiles());
  }

  @Test
  void aPartitionDirectoryGivenDirectlyNeedsBasePathForItsOwnColumn() throws IOException {
    file("t/year=2024/month=1/a.json");
    assertEquals(List.of("month"), List.of(list(options(), "t/year=2024").partitionSchema().fieldNames()));
    FileIndexOptions withBase = new FileIndexOptions(directory.resolve("t").toString(), false, null, true, null,
        ZoneOffset.UTC);
    assertEquals(List.of("year", "month"), List.of(list(withBase, "t/year=2024").partitionSchema().fieldNames()));
    assertFalse(list(options(), "t/year=2024/month=1/a.json").isPartitioned(), "a file's own directory is its root");
    IllegalArgumentException wrongBase = assertThrows(IllegalArgumentException.class,
        () -> list(new FileIndexOptions(directory.resolve("t/year=2024").toString(), false, null, true, null,
            ZoneOffset.UTC), "t"));
    assertTrue(wrongBase.getMessage().startsWith("Wrong basePath "), wrongBase.getMessage());
  }

  @Test
  void recursiveLookupReadsEverythingWithoutPartitionColumns() throws IOException {
    file("t/year=2024/a.json");
    file("t/sub/b.json");
    file("t/c.csv");
    PartitionedFiles recursive = list(new FileIndexOptions(null, true, null, true, null, ZoneOffset.UTC), "t");
    assertFalse(recursive.isPartitioned());
    assertEquals(3, recursive.allFiles().size());
    PartitionedFiles filtered = list(new FileIndexOptions(null, true, "*.json", true, null, ZoneOffset.UTC), "t");
    assertEquals(2, filtered.allFiles().size());
  }

  @Test
  void withoutPartitionsOnlyTheRootsOwnFilesAreRead() throws IOException {
    Path own = file("t/a.json");
    file("t/sub/b.json");
    assertEquals(List.of(own), list(options(), "t").allFiles());
  }

  @Test
  void filesOutsidePartitionDirectoriesAreLeftOut() throws IOException {
    file("t/stray.json");
    Path inside = file("t/p=1/a.json");
    Path below = file("t/p=2/extra/b.json");
    PartitionedFiles files = list(options(), "t");
    assertEquals(List.of(inside, below), files.allFiles());
    assertEquals(List.of(2), files.directories().get(1).values(), "a plain level below a partition is skipped");
  }

  @Test
  void typeInferenceOffOrAUserSchemaDecideTheTypes() throws IOException {
    file("t/year=2024/month=01/a.json");
    PartitionedFiles strings = list(new FileIndexOptions(null, false, null, false, null, ZoneOffset.UTC), "t");
    assertEquals(List.of("2024", "01"), strings.directories().get(0).values());
    StructType user = new StructType().add("MONTH", DataTypes.LongType);
    PartitionedFiles typed = list(new FileIndexOptions(null, false, null, true, user, ZoneOffset.UTC), "t");
    assertEquals(new StructType().add("year", DataTypes.IntegerType).add("MONTH", DataTypes.LongType),
        typed.partitionSchema());
    assertEquals(List.of(2024, 1L), typed.directories().get(0).values());
  }

  @Test
  void differentColumnNamesAreSparksConflict() throws IOException {
    file("t/a=1/b=1/f.json");
    file("t/a=2/f.json");
    SparkException error = assertThrows(SparkException.class, () -> list(options(), "t"));
    assertEquals("CONFLICTING_PARTITION_COLUMN_NAMES", error.getCondition());
    String t = "file:" + directory.resolve("t");
    assertEquals("[CONFLICTING_PARTITION_COLUMN_NAMES] Conflicting partition column names detected:\n\n"
        + "\tPartition column name list #0: a, b\n\tPartition column name list #1: a\n\n"
        + "For partitioned table directories, data files should only live in leaf directories.\n"
        + "And directories at the same level should have the same partition column name.\n"
        + "Please check the following directories for unexpected files or inconsistent partition column names:\n\n"
        + "\t" + t + "/a=2\n\t" + t + "/a=1/b=1 SQLSTATE: KD009", error.getMessage());
  }

  @Test
  void partitionDirectoriesUnderSeveralRootsAreSparksConflict() throws IOException {
    file("t/year=2023/month=12/f.json");
    file("t/year=2024/month=1/f.json");
    SparkException error = assertThrows(SparkException.class, () -> list(options(), "t/year=*"));
    assertEquals("CONFLICTING_DIRECTORY_STRUCTURES", error.getCondition());
    assertTrue(error.getMessage().contains("Suspicious paths:\n\n\tfile:" + directory.resolve("t/year=2023") + "\n\tfile:"
        + directory.resolve("t/year=2024") + "\n\nIf provided paths are partition directories"), error.getMessage());
  }

  @Test
  void emptyNamesAndValuesAreSparksErrors() throws IOException {
    file("a/p=/f.json");
    file("b/=1/f.json");
    assertEquals("EMPTY_PARTITION_COLUMN_VALUE",
        assertThrows(SparkException.class, () -> list(options(), "a")).getCondition());
    assertEquals("EMPTY_PARTITION_COLUMN_NAME",
        assertThrows(SparkException.class, () -> list(options(), "b")).getCondition());
  }

  @Test
  void escapedNamesAndValuesAreUnescaped() throws IOException {
    file("t/a%3Db=x%2Fy/f.json");
    file("t/a%3Db=__HIVE_DEFAULT_PARTITION__/f.json");
    PartitionedFiles files = list(options(), "t");
    assertEquals(new StructType().add("a=b", DataTypes.StringType), files.partitionSchema());
    assertEquals(Arrays.asList((Object) null), files.directories().get(0).values());
    assertEquals(List.of("x/y"), files.directories().get(1).values());
  }
}
