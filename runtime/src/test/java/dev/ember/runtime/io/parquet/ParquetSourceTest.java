package dev.ember.runtime.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetSourceTest {
  private static final MessageType ALL_TYPES = MessageTypeParser.parseMessageType("""
      message spark_schema {
        optional boolean b;
        optional int32 i8 (INTEGER(8,true));
        optional int32 i16 (INTEGER(16,true));
        optional int32 i32;
        optional int64 i64;
        optional float f;
        optional double d;
        optional int32 dec_small (DECIMAL(5,2));
        optional int64 dec_medium (DECIMAL(15,3));
        optional fixed_len_byte_array(13) dec_large (DECIMAL(30,4));
        optional binary s (STRING);
        optional binary bin;
        optional int32 day (DATE);
        optional int96 ts96;
        optional int64 ts_micros (TIMESTAMP(MICROS,true));
        optional int64 ts_millis (TIMESTAMP(MILLIS,false));
        required int64 id;
      }
      """);

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
  @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
  void readsEveryAtomicTypeWithNullsUnderEveryCodec(CompressionCodecName codec) throws IOException {
    Path file = directory.resolve("all.parquet");
    write(file, ALL_TYPES, codec, 1 << 20, writer -> {
      SimpleGroupFactory groups = new SimpleGroupFactory(ALL_TYPES);
      Group full = groups.newGroup()
          .append("b", true).append("i8", -7).append("i16", 300).append("i32", -123456).append("i64", 1L << 40)
          .append("f", 1.5f).append("d", -2.25d)
          .append("dec_small", 12345).append("dec_medium", -987654321L)
          .append("dec_large", Binary.fromConstantByteArray(bigEndian(new BigInteger("-123456789012345678901234"), 13)))
          .append("s", "héllo").append("bin", Binary.fromConstantByteArray(new byte[] {1, 2, 3}))
          .append("day", 19000).append("ts96", int96(2_440_588 + 1, 1_500_000L))
          .append("ts_micros", 1_700_000_000_123_456L).append("ts_millis", 1_700_000_000_123L)
          .append("id", 1L);
      Group empty = groups.newGroup().append("id", 2L);
      write(writer, full);
      write(writer, empty);
    });
    StructType schema = ParquetSchemas.toSpark(ParquetFileFooters.read(file).getFileMetaData().getSchema(), file);
    assertEquals("struct<b:boolean,i8:tinyint,i16:smallint,i32:int,i64:bigint,f:float,d:double,"
        + "dec_small:decimal(5,2),dec_medium:decimal(15,3),dec_large:decimal(30,4),s:string,bin:binary,day:date,"
        + "ts96:timestamp,ts_micros:timestamp,ts_millis:timestamp_ntz,id:bigint>", schema.simpleString());

    List<List<Object>> rows = readAll(new ParquetSource(List.of(file), schema, allColumns(schema), List.of()));

    assertEquals(2, rows.size());
    assertEquals(Arrays.asList(true, (byte) -7, (short) 300, -123456, 1L << 40, 1.5f, -2.25d,
        new BigDecimal("123.45"), new BigDecimal("-987654.321"), new BigDecimal("-12345678901234567890.1234"),
        "héllo", "[1, 2, 3]", 19000, 86_400_001_500L, 1_700_000_000_123_456L,
        java.time.LocalDateTime.parse("2023-11-14T22:13:20.123"), 1L),
        rows.get(0));
    List<Object> nulls = new ArrayList<>(java.util.Collections.nCopies(16, null));
    nulls.add(2L);
    assertEquals(nulls, rows.get(1));
  }

  @Test
  void readsOnlyRequiredColumnsInTheRequestedOrderAcrossBatches() throws IOException {
    MessageType type = MessageTypeParser.parseMessageType(
        "message m { optional int64 id; optional binary name (STRING); optional double v; }");
    Path file = directory.resolve("many.parquet");
    int count = 10_000;
    write(file, type, CompressionCodecName.SNAPPY, 1 << 20, writer -> {
      SimpleGroupFactory groups = new SimpleGroupFactory(type);
      for (int i = 0; i < count; i++) {
        Group group = groups.newGroup().append("id", (long) i).append("v", i * 0.5);
        if (i % 3 != 0) {
          group.append("name", "n" + (i % 10)); // few distinct values: dictionary pages
        }
        write(writer, group);
      }
    });
    StructType schema = StructType.fromDDL("id BIGINT, name STRING, v DOUBLE");
    ParquetSource source = new ParquetSource(List.of(file), schema, new int[] {2, 1}, List.of());
    assertEquals("struct<v:double,name:string>", source.schema().simpleString());

    List<List<Object>> rows = readAll(source);

    assertEquals(count, rows.size());
    for (int i = 0; i < count; i++) {
      assertEquals(Arrays.asList(i * 0.5, i % 3 == 0 ? null : "n" + (i % 10)), rows.get(i), "row " + i);
    }
  }

  @Test
  void closingAStreamBeforeItsEndReleasesEverything() throws IOException {
    MessageType type = MessageTypeParser.parseMessageType("message m { optional binary s (STRING); }");
    Path file = directory.resolve("long.parquet");
    write(file, type, CompressionCodecName.ZSTD, 1 << 20, writer -> {
      SimpleGroupFactory groups = new SimpleGroupFactory(type);
      for (int i = 0; i < 9000; i++) {
        write(writer, groups.newGroup().append("s", "v" + i));
      }
    });
    ParquetSource source = new ParquetSource(List.of(file), StructType.fromDDL("s STRING"), new int[] {0}, List.of());
    List<Morsel> morsels = source.morsels();
    assertEquals(1, morsels.size());

    try (BatchStream stream = source.open(morsels.get(0), allocator); ColumnBatch first = stream.next()) {
      assertEquals(ParquetSource.BATCH_ROWS, first.rowCount());
      assertEquals("v4095", new String(((VarCharVector) first.vector(0)).get(4095), StandardCharsets.UTF_8));
    }
    assertEquals(0, allocator.getAllocatedMemory());
  }

  @Test
  void findsColumnsByNameIgnoringCaseAndReadsMissingOnesAsNulls() throws IOException {
    MessageType type = MessageTypeParser.parseMessageType("message m { optional int32 Id; }");
    Path file = directory.resolve("one.parquet");
    write(file, type, CompressionCodecName.UNCOMPRESSED, 1 << 20,
        writer -> write(writer, new SimpleGroupFactory(type).newGroup().append("Id", 7)));
    StructType schema = StructType.fromDDL("other STRING, id INT");

    assertEquals(List.of(Arrays.asList(null, 7)), readAll(new ParquetSource(List.of(file), schema, new int[] {0, 1}, List.of())));
  }

  @Test
  void aColumnOfAnotherTypeIsSparksMismatchError() throws IOException {
    MessageType type = MessageTypeParser.parseMessageType("message m { optional binary id (STRING); }");
    Path file = directory.resolve("one.parquet");
    write(file, type, CompressionCodecName.UNCOMPRESSED, 1 << 20,
        writer -> write(writer, new SimpleGroupFactory(type).newGroup().append("id", "x")));
    ParquetSource source = new ParquetSource(List.of(file), StructType.fromDDL("id INT"), new int[] {0}, List.of());

    SparkException error = assertThrows(SparkException.class, () -> readAll(source));

    assertEquals("FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH", error.getCondition());
    assertTrue(error.getMessage().startsWith("[FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH] Encountered error"
        + " while reading file " + file.toUri() + ". Data type mismatches when reading Parquet column [id]. Expected"
        + " Spark type int, actual Parquet type BINARY. SQLSTATE: KD001"), error.getMessage());
  }

  @Test
  void narrowIntegersAndFloatsReadAsWiderTypesAsInSpark() throws IOException {
    MessageType type = MessageTypeParser.parseMessageType(
        "message m { optional int32 tiny (INTEGER(8,true)); optional int32 i; optional float f; }");
    Path file = directory.resolve("narrow.parquet");
    write(file, type, CompressionCodecName.UNCOMPRESSED, 1 << 20, writer -> write(writer,
        new SimpleGroupFactory(type).newGroup().append("tiny", -5).append("i", -2_000_000_000).append("f", 0.5f)));
    StructType wide = StructType.fromDDL("tiny INT, i BIGINT, f DOUBLE, i2 DOUBLE");

    List<List<Object>> rows = readAll(new ParquetSource(List.of(file), wide, new int[] {0, 1, 2}, List.of()));

    assertEquals(List.of(Arrays.asList(-5, -2_000_000_000L, 0.5d)), rows);
    assertTrue(ParquetSchemas.canRead(dev.ember.sql.types.DataTypes.IntegerType, dev.ember.sql.types.DataTypes.DoubleType));
    assertTrue(!ParquetSchemas.canRead(dev.ember.sql.types.DataTypes.LongType, dev.ember.sql.types.DataTypes.IntegerType));
  }

  @Test
  void skipsRowGroupsThatStatisticsRuleOut() throws IOException {
    MessageType type = MessageTypeParser.parseMessageType(
        "message m { optional int64 id; optional binary tag (STRING); optional int32 sometimes_null; }");
    Path file = directory.resolve("groups.parquet");
    int count = 20_000;
    write(file, type, CompressionCodecName.UNCOMPRESSED, 4096, writer -> {
      SimpleGroupFactory groups = new SimpleGroupFactory(type);
      for (int i = 0; i < count; i++) {
        Group group = groups.newGroup().append("id", (long) i).append("tag", i < 10_000 ? "a" : "b");
        if (i >= 15_000) {
          group.append("sometimes_null", i);
        }
        write(writer, group);
      }
    });
    StructType schema = StructType.fromDDL("id BIGINT, tag STRING, sometimes_null INT");
    int all = new ParquetSource(List.of(file), schema, new int[] {0}, List.of()).morsels().size();
    assertTrue(all >= 4, "expected several row groups, got " + all);

    List<List<Object>> equal = readAll(source(file, schema, new ColumnPredicate(0, ColumnPredicate.Op.EQUAL, 12_345L)));
    assertTrue(equal.contains(List.of(12_345L)));
    assertTrue(equal.size() < count / 2, "read " + equal.size() + " rows for id = 12345");

    assertSkipped(file, schema, all, new ColumnPredicate(0, ColumnPredicate.Op.LESS_THAN, 0L), 0);
    assertSkipped(file, schema, all, new ColumnPredicate(0, ColumnPredicate.Op.GREATER_THAN, (long) count - 1), 0);
    assertSkipped(file, schema, all, new ColumnPredicate(0, ColumnPredicate.Op.GREATER_THAN_OR_EQUAL, (long) count - 1), 1);
    assertSkipped(file, schema, all, new ColumnPredicate(1, ColumnPredicate.Op.EQUAL, "c"), 0);
    List<List<Object>> tagB = readAll(source(file, schema, new ColumnPredicate(1, ColumnPredicate.Op.GREATER_THAN_OR_EQUAL, "b")));
    assertTrue(tagB.size() >= 10_000 && tagB.size() < count && tagB.contains(List.of(10_000L)), "rows: " + tagB.size());
    List<List<Object>> nulls = readAll(source(file, schema, ColumnPredicate.isNull(2)));
    assertTrue(nulls.contains(List.of(14_999L)) && !nulls.contains(List.of(19_999L)), "rows: " + nulls.size());
    List<List<Object>> notNulls = readAll(source(file, schema, ColumnPredicate.isNotNull(2)));
    assertTrue(notNulls.contains(List.of(15_000L)) && !notNulls.contains(List.of(0L)), "rows: " + notNulls.size());
    // A literal of a type the column cannot hold exactly never skips.
    assertSkipped(file, schema, all, new ColumnPredicate(0, ColumnPredicate.Op.EQUAL, "12"), all);
  }

  private void assertSkipped(Path file, StructType schema, int all, ColumnPredicate predicate, int expectedMorsels) {
    int morsels = source(file, schema, predicate).morsels().size();
    assertEquals(expectedMorsels, morsels, predicate + " kept " + morsels + " of " + all + " row groups");
  }

  private static ParquetSource source(Path file, StructType schema, ColumnPredicate predicate) {
    return new ParquetSource(List.of(file), schema, new int[] {0}, List.of(predicate));
  }

  @Test
  void aTruncatedFileIsSparksFooterErrorNamingThePath() throws IOException {
    MessageType type = MessageTypeParser.parseMessageType("message m { optional int64 id; }");
    Path file = directory.resolve("whole.parquet");
    write(file, type, CompressionCodecName.SNAPPY, 1 << 20,
        writer -> write(writer, new SimpleGroupFactory(type).newGroup().append("id", 1L)));
    byte[] bytes = Files.readAllBytes(file);
    Path truncated = Files.write(directory.resolve("truncated.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
    ParquetSource source = new ParquetSource(List.of(truncated), StructType.fromDDL("id BIGINT"), new int[] {0}, List.of());

    SparkException error = assertThrows(SparkException.class, source::morsels);

    assertEquals("FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER", error.getCondition());
    assertEquals("file:" + truncated.toAbsolutePath(), error.getMessageParameters().get("path"));
    assertTrue(error.getMessage().startsWith("[FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER] Encountered error while reading file file:" + truncated.toAbsolutePath()
        + ". Could not read footer."), error.getMessage());
    assertTrue(error.getMessage().contains("not a Parquet file"), error.getMessage());
  }

  @Test
  void corruptDataPagesAreSparksReadErrorNamingTheColumn() throws IOException {
    MessageType type = MessageTypeParser.parseMessageType("message m { optional binary s (STRING); }");
    Path file = directory.resolve("pages.parquet");
    write(file, type, CompressionCodecName.SNAPPY, 1 << 20, writer -> {
      SimpleGroupFactory groups = new SimpleGroupFactory(type);
      for (int i = 0; i < 1000; i++) {
        write(writer, groups.newGroup().append("s", "value number " + i * 7919));
      }
    });
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 40; i < 200; i++) {
      bytes[i] = (byte) 0x5A; // inside the first data page, after the magic number and page header
    }
    Files.write(file, bytes);
    ParquetSource source = new ParquetSource(List.of(file), StructType.fromDDL("s STRING"), new int[] {0}, List.of());

    SparkException error = assertThrows(SparkException.class, () -> readAll(source));

    assertTrue(error.getCondition().startsWith("FAILED_READ_FILE."), error.getCondition());
    assertTrue(error.getMessage().contains(file.getFileName().toString()), error.getMessage());
  }

  @Test
  void nestedColumnsReadInEveryListLayout() throws IOException {
    // Two-level lists (a repeated primitive; a repeated group that is the element), a three-level
    // list, a map and an unannotated repeated field, as writers other than Spark produce them.
    MessageType type = MessageTypeParser.parseMessageType("message m {"
        + " optional group two (LIST) { repeated int32 array; }"
        + " optional group bag (LIST) { repeated group bag_tuple { optional int32 a; optional binary b (STRING); } }"
        + " optional group three (LIST) { repeated group list { optional binary element (STRING); } }"
        + " optional group mp (MAP) { repeated group key_value { required binary key (STRING); optional int64 value; } }"
        + " optional group point { optional int32 x; optional double y; }"
        + " repeated int32 bare; }");
    Path file = directory.resolve("lists.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    write(file, type, CompressionCodecName.SNAPPY, 1 << 20, writer -> {
      Group full = groups.newGroup();
      Group two = full.addGroup("two");
      two.append("array", 1).append("array", 2);
      full.addGroup("bag").addGroup("bag_tuple").append("a", 5).append("b", "x");
      Group three = full.addGroup("three");
      three.addGroup("list").append("element", "p");
      three.addGroup("list");
      Group map = full.addGroup("mp");
      map.addGroup("key_value").append("key", "k").append("value", 9L);
      map.addGroup("key_value").append("key", "n");
      full.addGroup("point").append("x", 3);
      full.append("bare", 3).append("bare", 4);
      write(writer, full);
      Group empty = groups.newGroup();
      empty.addGroup("two");
      write(writer, empty);
    });
    StructType schema = ParquetSchemas.toSpark(type, file);
    assertEquals("struct<two:array<int>,bag:array<struct<a:int,b:string>>,three:array<string>,"
        + "mp:map<string,bigint>,point:struct<x:int,y:double>,bare:array<int>>", schema.simpleString());

    List<String> rows = new ArrayList<>();
    ParquetSource source = new ParquetSource(List.of(file), schema, allColumns(schema), List.of());
    for (Morsel morsel : source.morsels()) {
      try (BatchStream stream = source.open(morsel, allocator)) {
        for (ColumnBatch next = stream.next(); next != null; next = stream.next()) {
          try (ColumnBatch batch = next) {
            for (int row = 0; row < batch.rowCount(); row++) {
              List<String> values = new ArrayList<>();
              for (FieldVector vector : batch.vectors()) {
                values.add(render(dev.ember.runtime.batch.NestedValues.read(vector, row)));
              }
              rows.add(String.join(" | ", values));
            }
          }
        }
      }
    }
    assertEquals(List.of("[1, 2] | [(5, x)] | [p, null] | {k=9, n=null} | (3, null) | [3, 4]",
        "[] | null | null | null | null | []"), rows);
  }

  private static String render(Object value) {
    if (value instanceof Object[] fields) {
      List<String> parts = new ArrayList<>();
      for (Object field : fields) {
        parts.add(render(field));
      }
      return "(" + String.join(", ", parts) + ")";
    } else if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object element : list) {
        parts.add(render(element));
      }
      return parts.toString();
    } else if (value instanceof dev.ember.runtime.batch.NestedValues.MapValue map) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < map.size(); i++) {
        parts.add(render(map.keys().get(i)) + "=" + render(map.values().get(i)));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    return String.valueOf(value);
  }

  @Test
  void int96CountsNanosecondsFromTheJulianDay() {
    assertEquals(0L, ColumnReaderValueCopier.int96ToMicros(int96(2_440_588, 0)));
    assertEquals(-ColumnReaderValueCopier.MICROS_PER_DAY + 1, ColumnReaderValueCopier.int96ToMicros(int96(2_440_587, 1_000)));
  }

  // ---------------------------------------------------------------------------------------------

  private interface GroupWriter {
    void accept(ParquetWriter<Group> writer) throws IOException;
  }

  private static void write(ParquetWriter<Group> writer, Group group) {
    try {
      writer.write(group);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void write(Path file, MessageType type, CompressionCodecName codec, long rowGroupBytes,
      GroupWriter rows) throws IOException {
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(type)
        .withCompressionCodec(codec)
        .withRowGroupSize(rowGroupBytes)
        .withPageSize(1024)
        .build()) {
      rows.accept(writer);
    }
  }

  private static Binary int96(int julianDay, long nanosOfDay) {
    ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(nanosOfDay).putInt(julianDay);
    return Binary.fromConstantByteArray(bytes.array());
  }

  private static byte[] bigEndian(BigInteger value, int width) {
    byte[] raw = value.toByteArray();
    byte[] padded = new byte[width];
    Arrays.fill(padded, value.signum() < 0 ? (byte) 0xFF : 0);
    System.arraycopy(raw, 0, padded, width - raw.length, raw.length);
    return padded;
  }

  private static int[] allColumns(StructType schema) {
    int[] all = new int[schema.length()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  private List<List<Object>> readAll(ParquetSource source) {
    List<List<Object>> rows = new ArrayList<>();
    for (Morsel morsel : source.morsels()) {
      try (BatchStream stream = source.open(morsel, allocator)) {
        for (ColumnBatch next = stream.next(); next != null; next = stream.next()) {
          try (ColumnBatch batch = next) {
            assertTrue(batch.rowCount() <= ParquetSource.BATCH_ROWS, "batch of " + batch.rowCount());
            for (int row = 0; row < batch.rowCount(); row++) {
              List<Object> values = new ArrayList<>();
              for (FieldVector vector : batch.vectors()) {
                values.add(value(vector, row));
              }
              rows.add(values);
            }
          }
        }
      }
    }
    return rows;
  }

  private static Object value(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    } else if (vector instanceof VarCharVector strings) {
      return new String(strings.get(row), StandardCharsets.UTF_8);
    } else if (vector instanceof VarBinaryVector binary) {
      return Arrays.toString(binary.get(row));
    } else if (vector instanceof org.apache.arrow.vector.TimeStampMicroTZVector timestamps) {
      return timestamps.get(row);
    } else if (vector instanceof org.apache.arrow.vector.DateDayVector days) {
      return days.get(row);
    }
    return vector.getObject(row);
  }
}
