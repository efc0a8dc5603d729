package dev.ember.runtime.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Row groups skipped by their dictionaries. Each file holds one row group whose min and max
 * straddle the literal, so statistics alone can never skip it; the scan returns every row of the
 * groups it keeps, so the row count tells which were read.
 */
class ParquetDictionaryFilterTest {
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
      "message m { optional binary s (STRING); optional int32 i; optional int64 l; optional double d; }");
  private static final StructType TABLE = StructType.fromDDL("s STRING, i INT, l BIGINT, d DOUBLE");

  @TempDir Path directory;
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @ParameterizedTest
  @EnumSource(WriterVersion.class)
  void equalityAndInSkipGroupsWhoseDictionaryLacksEveryValue(WriterVersion version) throws IOException {
    // Group 1: s in {a, z}, i in {1, 100}, l in {1, 100}, d in {0.0, 9.5}; group 2: s = m, i = 50 …
    Path first = write("first.parquet", version, 100, row -> new Object[] {
        row % 2 == 0 ? "a" : "z", row % 2 == 0 ? 1 : 100, row % 2 == 0 ? 1L : 100L, row % 2 == 0 ? 0.0 : 9.5});
    Path second = write("second.parquet", version, 30, row -> new Object[] {"m", 50, 50L, 5.0});
    List<Path> files = List.of(first, second);

    assertEquals(30, rowsRead(files, new ColumnPredicate(0, ColumnPredicate.Op.EQUAL, "m")));
    assertEquals(100, rowsRead(files, new ColumnPredicate(0, ColumnPredicate.Op.EQUAL, "z")));
    assertEquals(30, rowsRead(files, new ColumnPredicate(1, ColumnPredicate.Op.EQUAL, 50)));
    assertEquals(30, rowsRead(files, new ColumnPredicate(2, ColumnPredicate.Op.EQUAL, 50L)));
    assertEquals(30, rowsRead(files, new ColumnPredicate(3, ColumnPredicate.Op.EQUAL, 5.0)));
    assertEquals(130, rowsRead(files, ColumnPredicate.in(0, List.of("m", "a"))));
    assertEquals(30, rowsRead(files, ColumnPredicate.in(0, List.of("m", "b", "y"))));
    assertEquals(0, rowsRead(files, ColumnPredicate.in(1, List.of(2, 3, 49))));
    // -0.0 = 0.0 in Spark, so the first group may match.
    assertEquals(100, rowsRead(files, new ColumnPredicate(3, ColumnPredicate.Op.EQUAL, -0.0)));
    // Other comparisons are left to statistics.
    assertEquals(130, rowsRead(files, new ColumnPredicate(1, ColumnPredicate.Op.LESS_THAN, 60)));
  }

  @Test
  void aChunkThatFellBackFromItsDictionaryIsRead() throws IOException {
    // The first rows fill a tiny dictionary; the rest fall back to PLAIN pages not in it.
    Path file = write("fallback.parquet", WriterVersion.PARQUET_1_0, 5000,
        row -> new Object[] {row < 10 ? "a" : "value " + row, row, (long) row, (double) row});
    var chunk = ParquetFileFooters.read(file).getBlocks().get(0).getColumns().get(0);
    assertFalse(ParquetDictionaryFilter.isFullyDictionaryEncoded(chunk), chunk.getEncodings().toString());

    assertEquals(5000, rowsRead(List.of(file), new ColumnPredicate(0, ColumnPredicate.Op.EQUAL, "value 4000")));
  }

  @Test
  void statisticsSkipInListsOutsideMinAndMax() throws IOException {
    Path file = write("range.parquet", WriterVersion.PARQUET_1_0, 100,
        row -> new Object[] {"k" + row, row, (long) row, (double) row});
    var chunk = ParquetFileFooters.read(file).getBlocks().get(0).getColumns().get(2);

    assertTrue(ParquetRowGroupFilter.provesNoMatch(chunk, 100, ColumnPredicate.in(2, List.of(-5L, 100L, 1000L))));
    assertFalse(ParquetRowGroupFilter.provesNoMatch(chunk, 100, ColumnPredicate.in(2, List.of(-5L, 99L))));
  }

  @Test
  void inNeedsANonEmptyListWithoutNulls() {
    assertThrows(IllegalArgumentException.class, () -> ColumnPredicate.in(0, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new ColumnPredicate(0, ColumnPredicate.Op.IN, "x"));
    assertEquals("s IN (a, b)", ColumnPredicate.in(0, List.of("a", "b")).describe("s"));
  }

  private interface RowMaker {
    Object[] row(int row);
  }

  private Path write(String name, WriterVersion version, int rows, RowMaker maker) throws IOException {
    Path file = directory.resolve(name);
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(SCHEMA).withWriterVersion(version).withDictionaryPageSize(256).build()) {
      for (int row = 0; row < rows; row++) {
        Object[] values = maker.row(row);
        writer.write(groups.newGroup().append("s", (String) values[0]).append("i", (Integer) values[1])
            .append("l", (Long) values[2]).append("d", (Double) values[3]));
      }
    }
    return file;
  }

  /** Rows of the row groups not skipped (late materialisation off, so that no row inside them is dropped). */
  private long rowsRead(List<Path> files, ColumnPredicate predicate) {
    ParquetSource source = new ParquetSource(files, TABLE, new int[] {0, 1}, List.of(predicate), false);
    long rows = 0;
    List<Morsel> morsels = new ArrayList<>(source.morsels());
    for (Morsel morsel : morsels) {
      try (BatchStream stream = source.open(morsel, allocator)) {
        for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
          rows += batch.rowCount();
          batch.close();
        }
      }
    }
    return rows;
  }
}
