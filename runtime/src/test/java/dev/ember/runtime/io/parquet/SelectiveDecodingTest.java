package dev.ember.runtime.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The selective paths of the column chunk readers ({@code readSelected}, {@code skip}) against the
 * full one: for every column of {@link PageDecodingDifferentialTest}'s generated files (every type,
 * null pattern and encoding, pages of at most 1 500 rows so that batches cross page boundaries,
 * several row groups), one reader reads each batch whole and another reads it at a random selection
 * (from empty, which skips, to every row); the second must hold exactly the selected rows of the first.
 */
class SelectiveDecodingTest {
  private static final int BATCH_ROWS = ParquetSource.BATCH_ROWS;

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

  static Stream<Arguments> layouts() {
    List<Arguments> layouts = new ArrayList<>();
    for (WriterVersion version : WriterVersion.values()) {
      layouts.add(Arguments.of(version, true, false));
      layouts.add(Arguments.of(version, false, false));
      layouts.add(Arguments.of(version, false, true));
    }
    return layouts.stream();
  }

  @ParameterizedTest(name = "{0}, dictionary {1}, byte stream split {2}")
  @MethodSource("layouts")
  void selectedRowsMatchTheFullRead(WriterVersion version, boolean dictionary, boolean byteStreamSplit)
      throws IOException {
    Path file = directory.resolve("t.parquet");
    PageDecodingDifferentialTest.write(file, version, dictionary, byteStreamSplit, CompressionCodecName.SNAPPY, 11);
    SplittableRandom random = new SplittableRandom(version.ordinal() * 4 + (dictionary ? 2 : 0) + (byteStreamSplit ? 1 : 0));
    int rowGroups;
    try (ParquetFileReader file0 = ParquetFileFooters.open(file)) {
      rowGroups = file0.getFooter().getBlocks().size();
    }
    assertTrue(rowGroups > 1, "several row groups");
    long compared = 0;
    for (int rowGroup = 0; rowGroup < rowGroups; rowGroup++) {
      compared += compareRowGroup(file, rowGroup, random);
    }
    assertTrue(compared > 0, "some selected values were compared");
  }

  private long compareRowGroup(Path path, int rowGroup, SplittableRandom random) throws IOException {
    long compared = 0;
    try (ParquetFileReader full = ParquetFileFooters.open(path); ParquetFileReader selective = ParquetFileFooters.open(path)) {
      MessageType fileSchema = full.getFooter().getFileMetaData().getSchema();
      StructType schema = ParquetSchemas.toSpark(fileSchema, path);
      PageReadStore fullPages = full.readRowGroup(rowGroup);
      PageReadStore selectivePages = selective.readRowGroup(rowGroup);
      long rowCount = fullPages.getRowCount();
      for (int column = 0; column < schema.length(); column++) {
        ColumnDescriptor descriptor = fileSchema.getColumns().get(column);
        try (ColumnChunkReader whole = ColumnChunkReaders.create(descriptor, schema.apply(column).dataType(),
                fullPages.getPageReader(descriptor), allocator, BATCH_ROWS);
            ColumnChunkReader part = ColumnChunkReaders.create(descriptor, schema.apply(column).dataType(),
                selectivePages.getPageReader(descriptor), allocator, BATCH_ROWS)) {
          for (long done = 0; done < rowCount; ) {
            int rows = (int) Math.min(BATCH_ROWS, rowCount - done);
            compared += compareBatch(whole, part, schema, column, rows, random,
                "row group " + rowGroup + ", column " + schema.apply(column).name() + ", rows from " + done);
            done += rows;
          }
        }
      }
    }
    return compared;
  }

  private int compareBatch(ColumnChunkReader whole, ColumnChunkReader part, StructType schema, int column, int rows,
      SplittableRandom random, String where) {
    int[] selection = selection(rows, random);
    try (FieldVector all = ArrowTypes.allocateVector(schema.apply(column), allocator, rows);
        FieldVector some = ArrowTypes.allocateVector(schema.apply(column), allocator, Math.max(selection.length, 1))) {
      whole.read(all, rows);
      all.setValueCount(rows);
      if (selection.length == 0) {
        part.skip(rows);
        return 0;
      }
      part.readSelected(some, rows, selection, selection.length);
      some.setValueCount(selection.length);
      for (int i = 0; i < selection.length; i++) {
        assertEquals(describe(all.getObject(selection[i])), describe(some.getObject(i)),
            where + ": selected row " + selection[i]);
      }
      return selection.length;
    }
  }

  /** Ascending rows: none, all, one, a few runs, or each row with a random probability. */
  private static int[] selection(int rows, SplittableRandom random) {
    int kind = random.nextInt(6);
    return switch (kind) {
      case 0 -> new int[0];
      case 1 -> java.util.stream.IntStream.range(0, rows).toArray();
      case 2 -> new int[] {random.nextInt(rows)};
      case 3 -> java.util.stream.IntStream.range(0, rows).filter(row -> (row / 300) % 4 == 1).toArray();
      default -> {
        double density = kind == 4 ? 0.02 : 0.6;
        yield java.util.stream.IntStream.range(0, rows).filter(row -> random.nextDouble() < density).toArray();
      }
    };
  }

  private static Object describe(Object value) {
    return value instanceof byte[] bytes ? Arrays.toString(bytes) : value == null ? null : value.toString();
  }
}
