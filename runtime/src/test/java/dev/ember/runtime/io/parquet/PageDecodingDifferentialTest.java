package dev.ember.runtime.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
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
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The page decoders against parquet-mr's {@link org.apache.parquet.column.ColumnReader}
 * ({@link ColumnReaderOracle}) on generated files: every readable type, null patterns from none to
 * all, page v1 and v2, PLAIN, dictionary (with the fallback to another encoding in mid-chunk),
 * the delta encodings, BYTE_STREAM_SPLIT, RLE booleans, every codec and several pages, batches and
 * row groups per file.
 */
class PageDecodingDifferentialTest {
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message spark_schema {
        optional boolean b;
        optional int32 i8 (INTEGER(8,true));
        optional int32 i16 (INTEGER(16,true));
        optional int32 u8 (INTEGER(8,false));
        optional int32 u16 (INTEGER(16,false));
        optional int32 u32 (INTEGER(32,false));
        optional int32 i32;
        optional int64 i64;
        optional float f;
        optional double d;
        optional int32 dec_int (DECIMAL(9,2));
        optional int64 dec_long (DECIMAL(18,3));
        optional fixed_len_byte_array(13) dec_fixed (DECIMAL(30,4));
        optional binary dec_binary (DECIMAL(25,5));
        optional binary s (STRING);
        optional binary bin;
        optional fixed_len_byte_array(5) fixed;
        optional int32 day (DATE);
        optional int96 ts96;
        optional int64 ts_micros (TIMESTAMP(MICROS,true));
        optional int64 ts_millis (TIMESTAMP(MILLIS,true));
        optional int64 ts_micros_local (TIMESTAMP(MICROS,false));
        optional int64 ts_millis_local (TIMESTAMP(MILLIS,false));
        required int64 id;
        required binary name (STRING);
        required double weight;
      }
      """);
  private static final int ROWS = 12_000;

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
      for (boolean dictionary : new boolean[] {true, false}) {
        for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
            CompressionCodecName.GZIP, CompressionCodecName.ZSTD, CompressionCodecName.LZ4, CompressionCodecName.LZ4_RAW)) {
          layouts.add(Arguments.of(version, dictionary, false, codec));
        }
      }
      layouts.add(Arguments.of(version, false, true, CompressionCodecName.SNAPPY));
    }
    return layouts.stream();
  }

  @ParameterizedTest(name = "{0}, dictionary {1}, byte stream split {2}, {3}")
  @MethodSource("layouts")
  void pageDecodersMatchParquetMrColumnReader(WriterVersion version, boolean dictionary, boolean byteStreamSplit,
      CompressionCodecName codec) throws IOException {
    Path file = directory.resolve("t.parquet");
    write(file, version, dictionary, byteStreamSplit, codec, 42 + version.ordinal() * 7 + codec.ordinal());

    assertSameAsOracle(file);
  }

  @Test
  void theGeneratedFilesCoverEveryEncodingTheDecodersHandle() throws IOException {
    Set<Encoding> seen = EnumSet.noneOf(Encoding.class);
    int layout = 0;
    for (WriterVersion version : WriterVersion.values()) {
      for (boolean byteStreamSplit : new boolean[] {false, true}) {
        Path file = directory.resolve("layout" + layout++ + ".parquet");
        write(file, version, !byteStreamSplit, byteStreamSplit, CompressionCodecName.UNCOMPRESSED, 1);
        for (BlockMetaData rowGroup : ParquetFileFooters.read(file).getBlocks()) {
          for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
            seen.addAll(chunk.getEncodings());
          }
        }
      }
    }
    assertTrue(seen.containsAll(EnumSet.of(Encoding.PLAIN, Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY,
        Encoding.DELTA_BINARY_PACKED, Encoding.DELTA_BYTE_ARRAY, Encoding.BYTE_STREAM_SPLIT, Encoding.RLE)), seen::toString);
  }

  @Test
  void aFileColumnRequiredTwiceReadsTheSameValuesTwice() throws IOException {
    Path file = directory.resolve("twice.parquet");
    write(file, WriterVersion.PARQUET_1_0, true, false, CompressionCodecName.SNAPPY, 5);
    StructType schema = ParquetSchemas.toSpark(ParquetFileFooters.read(file).getFileMetaData().getSchema(), file);
    int strings = schema.fieldIndex("s");
    int longs = schema.fieldIndex("i64");
    ParquetSource source = new ParquetSource(List.of(file), schema, new int[] {strings, longs, strings, longs},
        List.of());

    long rows = 0;
    for (Morsel morsel : source.morsels()) {
      try (BatchStream stream = source.open(morsel, allocator)) {
        for (ColumnBatch next = stream.next(); next != null; next = stream.next()) {
          try (ColumnBatch batch = next) {
            for (int row = 0; row < batch.rowCount(); row++) {
              assertEquals(batch.vector(0).getObject(row), batch.vector(2).getObject(row));
              assertEquals(batch.vector(1).getObject(row), batch.vector(3).getObject(row));
            }
            rows += batch.rowCount();
          }
        }
      }
    }
    assertEquals(ROWS, rows);
  }

  private void assertSameAsOracle(Path file) throws IOException {
    StructType schema = ParquetSchemas.toSpark(ParquetFileFooters.read(file).getFileMetaData().getSchema(), file);
    int[] all = new int[schema.length()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    List<List<Object>> expected = new ArrayList<>();
    for (ColumnBatch batch : ColumnReaderOracle.read(file, allocator)) {
      try (batch) {
        addRows(batch, expected);
      }
    }
    List<List<Object>> actual = new ArrayList<>();
    ParquetSource source = new ParquetSource(List.of(file), schema, all, List.of());
    assertTrue(source.morsels().size() > 1, "several row groups");
    for (Morsel morsel : source.morsels()) {
      try (BatchStream stream = source.open(morsel, allocator)) {
        for (ColumnBatch next = stream.next(); next != null; next = stream.next()) {
          try (ColumnBatch batch = next) {
            addRows(batch, actual);
            assertNullSlotsAreZero(batch);
          }
        }
      }
    }
    assertEquals(ROWS, expected.size());
    assertEquals(expected.size(), actual.size());
    for (int row = 0; row < expected.size(); row++) {
      assertEquals(expected.get(row), actual.get(row), "row " + row + " of " + schema.simpleString());
    }
  }

  /** As parquet-mr's reader into fresh vectors left them; kernels may read a null slot's bytes. */
  private static void assertNullSlotsAreZero(ColumnBatch batch) {
    for (FieldVector vector : batch.vectors()) {
      if (vector instanceof org.apache.arrow.vector.BaseFixedWidthVector fixed
          && !(vector instanceof org.apache.arrow.vector.BitVector)) {
        int width = fixed.getTypeWidth();
        for (int row = 0; row < batch.rowCount(); row++) {
          if (vector.isNull(row)) {
            for (int b = 0; b < width; b++) {
              assertEquals(0, fixed.getDataBuffer().getByte((long) row * width + b),
                  "null row " + row + " of " + vector.getField());
            }
          }
        }
      }
    }
  }

  private static void addRows(ColumnBatch batch, List<List<Object>> rows) {
    for (int row = 0; row < batch.rowCount(); row++) {
      List<Object> values = new ArrayList<>(batch.columnCount());
      for (FieldVector vector : batch.vectors()) {
        Object value = vector.getObject(row);
        values.add(value instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : value == null ? null
            : value.toString());
      }
      rows.add(values);
    }
  }

  static void write(Path file, WriterVersion version, boolean dictionary, boolean byteStreamSplit,
      CompressionCodecName codec, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    ExampleParquetWriter.Builder builder = ExampleParquetWriter.builder(new LocalOutputFile(file));
    if (codec == CompressionCodecName.LZ4) {
      builder.withCodecFactory(new ParquetCodecFactory(4096)); // parquet-mr's LZ4 needs lz4-java
    }
    try (ParquetWriter<Group> writer = builder
        .withType(SCHEMA)
        .withWriterVersion(version)
        .withCompressionCodec(codec)
        .withDictionaryEncoding(dictionary)
        .withDictionaryPageSize(2048) // small, so high-cardinality columns fall back in mid-chunk
        .withByteStreamSplitEncoding(byteStreamSplit)
        .withPageSize(4096)
        .withPageRowCountLimit(1500)
        .withRowGroupSize(128 * 1024)
        .build()) {
      for (int row = 0; row < ROWS; row++) {
        Group group = groups.newGroup();
        // The first third repeats a few values (dictionary-friendly), the rest does not.
        boolean few = row < ROWS / 3;
        for (int column = 0; column < SCHEMA.getFieldCount(); column++) {
          Type field = SCHEMA.getType(column);
          if (field.isRepetition(Type.Repetition.OPTIONAL) && isNull(column, row, random)) {
            continue;
          }
          long value = few ? random.nextInt(6) - 3 : random.nextLong();
          appendValue(group, field.asPrimitiveType(), value, random);
        }
        writer.write(group);
      }
    }
  }

  /** Per column one null pattern: none, all, 10 %, 50 %, long runs, or alternating. */
  private static boolean isNull(int column, int row, SplittableRandom random) {
    return switch (column % 6) {
      case 0 -> false;
      case 1 -> column == 1 || row % 1000 < 500; // one all-null column; others in long runs
      case 2 -> random.nextInt(10) == 0;
      case 3 -> random.nextBoolean();
      case 4 -> (row / 7) % 3 == 0;
      default -> row % 2 == 0;
    };
  }

  private static void appendValue(Group group, PrimitiveType field, long value, SplittableRandom random) {
    String name = field.getName();
    switch (name) {
      case "b" -> group.append(name, (value & 1) == 0);
      case "i8", "u8" -> group.append(name, (int) (byte) value);
      case "i16", "u16" -> group.append(name, (int) (short) value);
      case "u32", "i32", "day" -> group.append(name, (int) value);
      case "i64", "id", "ts_micros", "ts_micros_local" -> group.append(name, value);
      // Milliseconds that still fit microseconds in a long.
      case "ts_millis", "ts_millis_local" -> group.append(name, value % 9_000_000_000_000_000L / 1000);
      case "f" -> group.append(name, value == 1 ? Float.NaN : (float) (value / 3.0));
      case "d", "weight" -> group.append(name, value == 2 ? Double.NEGATIVE_INFINITY : value / 7.0);
      case "dec_int" -> group.append(name, (int) (value % 1_000_000_000L));
      case "dec_long" -> group.append(name, value % 1_000_000_000_000_000_000L);
      case "dec_fixed" -> group.append(name, Binary.fromConstantByteArray(
          bigEndian(BigInteger.valueOf(value).multiply(BigInteger.valueOf(random.nextInt(1, 1000))), 13)));
      case "dec_binary" -> group.append(name, Binary.fromConstantByteArray(
          BigInteger.valueOf(value).multiply(BigInteger.valueOf(random.nextInt(1, 1000))).toByteArray()));
      case "s", "name" -> group.append(name, value < 0 && value > -3 ? "" : "v" + value + "é".repeat((int) (value & 3)));
      case "bin" -> group.append(name, Binary.fromConstantByteArray(Long.toString(value, 36).getBytes()));
      case "fixed" -> group.append(name, Binary.fromConstantByteArray(java.util.Arrays.copyOf(
          BigInteger.valueOf(value).toByteArray(), 5)));
      case "ts96" -> {
        ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(Math.floorMod(value, 86_400_000_000_000L)).putInt(2_440_588 + (int) (value % 100_000));
        group.append(name, Binary.fromConstantByteArray(bytes.array()));
      }
      default -> throw new IllegalArgumentException("No generator for column " + name);
    }
  }

  private static byte[] bigEndian(BigInteger value, int width) {
    byte[] raw = value.toByteArray();
    byte[] padded = new byte[width];
    java.util.Arrays.fill(padded, value.signum() < 0 ? (byte) 0xFF : 0);
    System.arraycopy(raw, 0, padded, width - raw.length, raw.length);
    return padded;
  }

}
