package dev.ember.runtime.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Range filters on dictionary-encoded columns run on the dictionary ids (a table of passing ids per
 * column chunk) and must keep exactly the rows the value path keeps: the reader with filters
 * returns the rows of the unfiltered read where every range holds, with the id filter on and off,
 * for files with nulls, several row groups, v1 and v2 pages, and chunks whose pages fall back from
 * the dictionary to PLAIN mid-way.
 */
class DictionaryIdFilterTest {
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message t {
        required int64 id;
        optional int32 day (DATE);
        optional int64 price (DECIMAL(15,2));
        required int64 quantity (DECIMAL(15,2));
        optional int32 small (DECIMAL(9,2));
        optional int32 count;
      }
      """);
  private static final int ROWS = 30_000;
  private static final LocalDate EPOCH = LocalDate.ofEpochDay(0);

  @TempDir Path directory;
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void closeAllocator() {
    System.clearProperty(ParquetRowGroupReader.DICTIONARY_ID_FILTER_PROPERTY);
    allocator.close();
  }

  @ParameterizedTest
  @EnumSource(WriterVersion.class)
  void rangesOnDictionaryIdsKeepExactlyTheRowsTheValuesPass(WriterVersion version) throws IOException {
    Path file = directory.resolve("t.parquet");
    write(file, version);
    assertFallsBackMidChunk(file);
    StructType schema = ParquetSchemas.toSpark(ParquetFileFooters.read(file).getFileMetaData().getSchema(), file);
    int[] columns = {0, 1, 2, 3, 4, 5};
    List<List<Object>> everyRow = read(new ParquetSource(List.of(file), schema, columns, List.of(), false));
    assertEquals(ROWS, everyRow.size());

    LocalDate from = EPOCH.plusDays(3);
    LocalDate until = EPOCH.plusDays(8);
    BigDecimal lowPrice = new BigDecimal("0.05");
    BigDecimal highPrice = new BigDecimal("0.07");
    List<ColumnPredicate> dayRange = List.of(
        new ColumnPredicate(1, ColumnPredicate.Op.GREATER_THAN_OR_EQUAL, from),
        new ColumnPredicate(1, ColumnPredicate.Op.LESS_THAN, until));
    List<ColumnPredicate> q6Like = List.of(
        dayRange.get(0), dayRange.get(1),
        new ColumnPredicate(2, ColumnPredicate.Op.GREATER_THAN_OR_EQUAL, lowPrice),
        new ColumnPredicate(2, ColumnPredicate.Op.LESS_THAN_OR_EQUAL, highPrice),
        new ColumnPredicate(3, ColumnPredicate.Op.LESS_THAN, new BigDecimal("24")));
    List<ColumnPredicate> nothing = List.of(new ColumnPredicate(5, ColumnPredicate.Op.GREATER_THAN, 1_000_000));
    List<ColumnPredicate> smallAndCount = List.of(
        new ColumnPredicate(4, ColumnPredicate.Op.LESS_THAN_OR_EQUAL, new BigDecimal("0.02")),
        new ColumnPredicate(5, ColumnPredicate.Op.EQUAL, 2));

    Predicate<List<Object>> dayHolds = row -> row.get(1) != null
        && !((LocalDate) row.get(1)).isBefore(from) && ((LocalDate) row.get(1)).isBefore(until);
    Predicate<List<Object>> q6Holds = dayHolds
        .and(row -> row.get(2) != null && ((BigDecimal) row.get(2)).compareTo(lowPrice) >= 0
            && ((BigDecimal) row.get(2)).compareTo(highPrice) <= 0)
        .and(row -> ((BigDecimal) row.get(3)).compareTo(new BigDecimal("24")) < 0);
    Predicate<List<Object>> smallAndCountHold = row -> row.get(4) != null
        && ((BigDecimal) row.get(4)).compareTo(new BigDecimal("0.02")) <= 0 && Objects.equals(row.get(5), 2);

    for (String idFilter : List.of("true", "false")) {
      System.setProperty(ParquetRowGroupReader.DICTIONARY_ID_FILTER_PROPERTY, idFilter);
      check(file, schema, columns, everyRow, dayRange, dayHolds, "day range, id filter " + idFilter);
      check(file, schema, columns, everyRow, q6Like, q6Holds, "Q6-like, id filter " + idFilter);
      check(file, schema, columns, everyRow, nothing, row -> false, "no row, id filter " + idFilter);
      check(file, schema, columns, everyRow, smallAndCount, smallAndCountHold, "small and count, id filter " + idFilter);
    }
    // Reading only some columns: a filtered column that is not among the first read ones.
    int[] some = {3, 1};
    List<List<Object>> someRows = read(new ParquetSource(List.of(file), schema, some, List.of(), false));
    check(file, schema, some, someRows, List.of(dayRange.get(0), dayRange.get(1)),
        row -> dayHolds.test(Arrays.asList(0, row.get(1))), "two columns");
  }

  private void check(Path file, StructType schema, int[] columns, List<List<Object>> everyRow,
      List<ColumnPredicate> pushed, Predicate<List<Object>> holds, String what) {
    List<List<Object>> expected = everyRow.stream().filter(holds).toList();
    List<List<Object>> actual = read(new ParquetSource(List.of(file), schema, columns, pushed, true));
    assertEquals(expected.size(), actual.size(), what);
    assertEquals(expected, actual, what);
  }

  /** The test is only worth its name when some chunk of a filtered column mixes dictionary and PLAIN pages. */
  private static void assertFallsBackMidChunk(Path file) {
    Set<String> mixed = new HashSet<>();
    int rowGroups = 0;
    for (BlockMetaData block : ParquetFileFooters.read(file).getBlocks()) {
      rowGroups++;
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        Set<Encoding> encodings = chunk.getEncodings();
        boolean dictionary = encodings.contains(Encoding.PLAIN_DICTIONARY) || encodings.contains(Encoding.RLE_DICTIONARY);
        if (dictionary && encodings.contains(Encoding.PLAIN)) {
          mixed.add(chunk.getPath().toDotString());
        }
      }
    }
    assertTrue(rowGroups > 1, "row groups: " + rowGroups);
    assertTrue(mixed.contains("day") && mixed.contains("price"), "chunks mixing dictionary and PLAIN pages: " + mixed);
  }

  /**
   * Rows with few distinct values, in dictionary pages, except for stretches of many distinct values
   * that overflow the small dictionary size limit, so that the writer falls back to PLAIN mid-chunk.
   */
  private static void write(Path file, WriterVersion version) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(SCHEMA)
        .withWriterVersion(version)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withDictionaryEncoding(true)
        .withDictionaryPageSize(1024)
        .withPageSize(2048)
        .withPageRowCountLimit(1000)
        .withRowGroupSize(64 * 1024)
        .build()) {
      for (int row = 0; row < ROWS; row++) {
        // Each row group starts with few distinct values; later in it, many.
        boolean many = row % 10_000 > 6_000;
        Group group = groups.newGroup();
        group.append("id", (long) row);
        if (random.nextInt(10) != 0) {
          group.append("day", many ? random.nextInt(-100_000, 100_000) : random.nextInt(12));
        }
        if (random.nextInt(4) != 0) {
          group.append("price", many ? random.nextLong(-1_000_000_000L, 1_000_000_000L) : (long) random.nextInt(11));
        }
        group.append("quantity", random.nextInt(1, 51) * 100L);
        if (row % 1000 >= 100) { // nulls in long runs
          group.append("small", random.nextInt(-5, 5));
        }
        if (random.nextBoolean()) {
          group.append("count", random.nextInt(4));
        }
        writer.write(group);
      }
    }
  }

  private List<List<Object>> read(ParquetSource source) {
    List<List<Object>> rows = new ArrayList<>();
    for (Morsel morsel : source.morsels()) {
      try (BatchStream stream = source.open(morsel, allocator)) {
        for (ColumnBatch next = stream.next(); next != null; next = stream.next()) {
          try (ColumnBatch batch = next) {
            for (int row = 0; row < batch.rowCount(); row++) {
              List<Object> values = new ArrayList<>(batch.columnCount());
              for (FieldVector vector : batch.vectors()) {
                Object value = vector.getObject(row);
                values.add(vector instanceof DateDayVector && value != null
                    ? EPOCH.plusDays((Integer) value) : value);
              }
              rows.add(values);
            }
          }
        }
      }
    }
    return rows;
  }
}
