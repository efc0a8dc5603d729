package dev.ember.runtime.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParquetWriterFactoryTest {
  private static final StructType ALL_TYPES = new StructType()
      .add("bo", DataTypes.BooleanType)
      .add("b", DataTypes.ByteType)
      .add("s", DataTypes.ShortType)
      .add("i", DataTypes.IntegerType)
      .add("l", DataTypes.LongType)
      .add("f", DataTypes.FloatType)
      .add("d", DataTypes.DoubleType)
      .add("d5", new DecimalType(5, 2))
      .add("d15", new DecimalType(15, 2))
      .add("d25", new DecimalType(25, 2))
      .add("d38", new DecimalType(38, 10))
      .add("str", DataTypes.StringType)
      .add("bin", DataTypes.BinaryType)
      .add("dt", DataTypes.DateType)
      .add("ts", DataTypes.TimestampType)
      .add("n", DataTypes.NullType);

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

  private static Object[] row(Object... values) {
    return values;
  }

  private static List<Object[]> allTypesRows() {
    return List.of(
        row(true, (byte) -128, (short) 32767, Integer.MIN_VALUE, Long.MAX_VALUE, 1.5f, -2.25d,
            new BigDecimal("-999.99"), new BigDecimal("1234567890123.45"),
            new BigDecimal("-12345678901234567890123.45"), new BigDecimal("9999999999999999999999999999.9999999999"),
            "héllo ✓", new byte[] {0, 1, (byte) 255}, LocalDate.of(2020, 1, 2),
            Instant.parse("2020-01-02T03:04:05.123456Z"), null),
        row(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
        row(false, (byte) 7, (short) -1, 42, -1L, Float.NaN, Double.NEGATIVE_INFINITY,
            new BigDecimal("0.01"), new BigDecimal("-0.01"), new BigDecimal("0.00"), new BigDecimal("-1"),
            "", new byte[0], LocalDate.of(1000, 1, 1), Instant.parse("1000-01-01T00:00:00Z"), null));
  }

  private Path write(StructType schema, Map<String, String> options, List<List<Object[]>> batches) {
    ParquetWriterFactory factory = ParquetWriterFactory.fromOptions(options);
    Path file = directory.resolve("part-00000" + factory.extension());
    BatchFileWriter writer = factory.open(file, schema, allocator);
    try {
      for (List<Object[]> rows : batches) {
        try (ColumnBatch batch = ParquetWriteTestBatches.of(schema, allocator, rows)) {
          writer.write(batch);
        }
      }
      writer.close();
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    return file;
  }

  @Test
  void schemaIsTheOneSparkWrites() {
    // Spark 4.2 wrote this for the same columns (all non-nullable), read from its file's footer.
    StructType schema = new StructType()
        .add("b", DataTypes.ByteType, false).add("s", DataTypes.ShortType, false)
        .add("i", DataTypes.IntegerType, false).add("l", DataTypes.LongType, false)
        .add("f", DataTypes.FloatType, false).add("d", DataTypes.DoubleType, false)
        .add("d5", new DecimalType(5, 2), false).add("d15", new DecimalType(15, 2), false)
        .add("d25", new DecimalType(25, 2), false).add("str", DataTypes.StringType, false)
        .add("bin", DataTypes.BinaryType, false).add("bo", DataTypes.BooleanType, false)
        .add("dt", DataTypes.DateType, false).add("ts", DataTypes.TimestampType, false)
        .add("n", DataTypes.NullType, true);
    String expected = """
        message spark_schema {
          required int32 b (INTEGER(8,true));
          required int32 s (INTEGER(16,true));
          required int32 i;
          required int64 l;
          required float f;
          required double d;
          required int32 d5 (DECIMAL(5,2));
          required int64 d15 (DECIMAL(15,2));
          required fixed_len_byte_array(11) d25 (DECIMAL(25,2));
          required binary str (STRING);
          required binary bin;
          required boolean bo;
          required int32 dt (DATE);
          required int96 ts;
          optional boolean n (UNKNOWN);
        }
        """;
    assertEquals(expected, ParquetWriteSchemas.toParquet(schema).toString());
  }

  @Test
  void rowMetadataIsSparksJson() {
    StructType schema = new StructType()
        .add("b", DataTypes.ByteType, false).add("d25", new DecimalType(25, 2), false)
        .add("ts", DataTypes.TimestampType, true).add("n", DataTypes.NullType, true);
    assertEquals("{\"type\":\"struct\",\"fields\":["
        + "{\"name\":\"b\",\"type\":\"byte\",\"nullable\":false,\"metadata\":{}},"
        + "{\"name\":\"d25\",\"type\":\"decimal(25,2)\",\"nullable\":false,\"metadata\":{}},"
        + "{\"name\":\"ts\",\"type\":\"timestamp\",\"nullable\":true,\"metadata\":{}},"
        + "{\"name\":\"n\",\"type\":\"void\",\"nullable\":true,\"metadata\":{}}]}",
        ParquetWriteSchemas.sparkRowMetadata(schema));
    assertEquals("{\"type\":\"struct\",\"fields\":[{\"name\":\"a \\\"q\\\"\",\"type\":\"string\",\"nullable\":true,"
        + "\"metadata\":{}}]}", ParquetWriteSchemas.sparkRowMetadata(new StructType().add("a \"q\"", "string")));
  }

  @Test
  void decimalByteLengthsAreTheMinimumForThePrecision() {
    for (int precision = 1; precision <= 38; precision++) {
      int length = ParquetWriteSchemas.decimalByteLength(precision);
      BigInteger largest = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
      assertTrue(largest.bitLength() < 8 * length, "fits at precision " + precision);
      assertFalse(largest.bitLength() < 8 * (length - 1), "minimal at precision " + precision);
    }
    assertEquals(11, ParquetWriteSchemas.decimalByteLength(25));
    assertEquals(16, ParquetWriteSchemas.decimalByteLength(38));
  }

  @Test
  void everyTypeAndNullsRoundTripThroughParquetMr() {
    List<Object[]> rows = allTypesRows();
    Path file = write(ALL_TYPES, Map.of(), List.of(rows.subList(0, 2), rows.subList(2, 3)));
    assertTrue(file.getFileName().toString().endsWith(".snappy.parquet"));

    ParquetMetadata footer = ParquetWriteTestFiles.footer(file);
    FileMetaData metadata = footer.getFileMetaData();
    assertEquals(ParquetWriteSchemas.sparkRowMetadata(ALL_TYPES),
        metadata.getKeyValueMetaData().get("org.apache.spark.sql.parquet.row.metadata"));
    assertEquals("4.2.0", metadata.getKeyValueMetaData().get("org.apache.spark.version"));
    // Exactly Spark's two keys: parquet-mr adds writer.model.name only when the write support names itself.
    assertEquals(2, metadata.getKeyValueMetaData().size(), metadata.getKeyValueMetaData().toString());
    assertEquals(CompressionCodecName.SNAPPY, footer.getBlocks().get(0).getColumns().get(0).getCodec());

    List<Group> groups = ParquetWriteTestFiles.rows(file);
    assertEquals(3, groups.size());
    Group first = groups.get(0);
    assertTrue(first.getBoolean("bo", 0));
    assertEquals(-128, first.getInteger("b", 0));
    assertEquals(32767, first.getInteger("s", 0));
    assertEquals(Integer.MIN_VALUE, first.getInteger("i", 0));
    assertEquals(Long.MAX_VALUE, first.getLong("l", 0));
    assertEquals(1.5f, first.getFloat("f", 0));
    assertEquals(-2.25d, first.getDouble("d", 0));
    assertEquals(-99999, first.getInteger("d5", 0));
    assertEquals(123456789012345L, first.getLong("d15", 0));
    assertEquals(new BigInteger("-1234567890123456789012345"), new BigInteger(first.getBinary("d25", 0).getBytes()));
    assertEquals(11, first.getBinary("d25", 0).length());
    assertEquals(new BigInteger("99999999999999999999999999999999999999"),
        new BigInteger(first.getBinary("d38", 0).getBytes()));
    assertEquals("héllo ✓", first.getString("str", 0));
    assertArrayEquals(new byte[] {0, 1, (byte) 255}, first.getBinary("bin", 0).getBytes());
    assertEquals(LocalDate.of(2020, 1, 2).toEpochDay(), first.getInteger("dt", 0));
    assertEquals(Instant.parse("2020-01-02T03:04:05.123456Z"), int96ToInstant(first.getInt96("ts", 0).getBytes()));
    assertEquals(0, first.getFieldRepetitionCount("n"));

    Group nulls = groups.get(1);
    for (int field = 0; field < ALL_TYPES.length(); field++) {
      assertEquals(0, nulls.getFieldRepetitionCount(field), "null in " + ALL_TYPES.apply(field).name());
    }

    Group third = groups.get(2);
    assertFalse(third.getBoolean("bo", 0));
    assertTrue(Float.isNaN(third.getFloat("f", 0)));
    assertEquals(Double.NEGATIVE_INFINITY, third.getDouble("d", 0));
    assertEquals(1, third.getInteger("d5", 0));
    assertEquals(-1, third.getLong("d15", 0));
    assertEquals(BigInteger.ZERO, new BigInteger(third.getBinary("d25", 0).getBytes()));
    assertEquals(new BigInteger("-10000000000"), new BigInteger(third.getBinary("d38", 0).getBytes()));
    assertEquals("", third.getString("str", 0));
    assertEquals(0, third.getBinary("bin", 0).length());
    assertEquals(LocalDate.of(1000, 1, 1).toEpochDay(), third.getInteger("dt", 0));
    assertEquals(Instant.parse("1000-01-01T00:00:00Z"), int96ToInstant(third.getInt96("ts", 0).getBytes()));
  }

  /** Spark's INT96: nanoseconds of the day, then the Julian day, little-endian. */
  private static Instant int96ToInstant(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buffer.getLong();
    int julianDay = buffer.getInt();
    return Instant.EPOCH.plus(julianDay - 2_440_588L, ChronoUnit.DAYS).plusNanos(nanosOfDay);
  }

  @Test
  void int96MatchesTheBytesSparkWrote() {
    // 2020-01-02T03:04:05.123456Z is Julian day 2458851, 11045123456000 ns into the day.
    long micros = ParquetWriteTestBatches.micros(Instant.parse("2020-01-02T03:04:05.123456Z"));
    byte[] bytes = ParquetValueWriters.int96(micros, new ParquetValueWriters.Scratch()).getBytes();
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(11_045_123_456_000L, buffer.getLong());
    assertEquals(2_458_851, buffer.getInt());
    // Before the epoch the day rounds down and the time of day stays positive.
    ByteBuffer before = ByteBuffer.wrap(ParquetValueWriters.int96(-1, new ParquetValueWriters.Scratch()).getBytes())
        .order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(86_399_999_999_000L, before.getLong());
    assertEquals(2_440_587, before.getInt());
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "uncompressed", "snappy", "gzip", "zstd", "lz4_raw", "SNAPPY"})
  void everyCodecRoundTrips(String codec) {
    StructType schema = new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 1000; i++) {
      rows.add(row(i, i % 7 == 0 ? null : "name " + (i % 13)));
    }
    Path file = write(schema, Map.of("compression", codec), List.of(rows));
    ParquetWriteCompression compression = ParquetWriteCompression.fromName(codec);
    assertTrue(file.getFileName().toString().endsWith(compression.extension()));
    assertEquals(compression.codec(),
        ParquetWriteTestFiles.footer(file).getBlocks().get(0).getColumns().get(0).getCodec());
    List<Group> groups = ParquetWriteTestFiles.rows(file);
    assertEquals(1000, groups.size());
    for (int i = 0; i < 1000; i++) {
      assertEquals(i, groups.get(i).getLong("id", 0));
      if (i % 7 == 0) {
        assertEquals(0, groups.get(i).getFieldRepetitionCount("name"));
      } else {
        assertEquals("name " + (i % 13), groups.get(i).getString("name", 0));
      }
    }
  }

  @Test
  void hadoopLz4IsWrittenWithoutLz4Java() {
    // Ember's own Hadoop-framed LZ4 codec (HadoopLz4CodecTest reads it back); no lz4-java here.
    assertThrows(ClassNotFoundException.class, () -> Class.forName("net.jpountz.lz4.LZ4Factory"));
    StructType schema = new StructType().add("id", DataTypes.LongType);
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 1000; i++) {
      rows.add(row(i));
    }
    Path file = write(schema, Map.of("compression", "lz4"), List.of(rows));
    assertTrue(file.getFileName().toString().endsWith(".lz4hadoop.parquet"));
    assertEquals(CompressionCodecName.LZ4,
        ParquetWriteTestFiles.footer(file).getBlocks().get(0).getColumns().get(0).getCodec());
  }

  @Test
  void extensionsAreSparks() {
    Map<String, String> expected = Map.of("none", ".parquet", "uncompressed", ".parquet", "snappy", ".snappy.parquet",
        "gzip", ".gz.parquet", "zstd", ".zstd.parquet", "lz4", ".lz4hadoop.parquet", "lz4_raw", ".lz4raw.parquet");
    expected.forEach((codec, extension) ->
        assertEquals(extension,
            ParquetWriteCompression.valueOf(codec.toUpperCase(java.util.Locale.ROOT)).extension(), codec));
    assertEquals(".snappy.parquet", ParquetWriterFactory.fromOptions(Map.of()).extension());
    assertEquals(".gz.parquet", ParquetWriterFactory.fromOptions(Map.of("parquet.compression", "gzip")).extension());
    assertEquals(".zstd.parquet",
        ParquetWriterFactory.fromOptions(Map.of("parquet.compression", "gzip", "Compression", "zstd")).extension());
  }

  @Test
  void unknownCodecFailsWithSparksMessage() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ParquetWriterFactory.fromOptions(Map.of("compression", "bogus")));
    assertEquals("[CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION] The codec bogus is not available. "
        + "Available codecs are brotli, uncompressed, lzo, snappy, lz4_raw, none, zstd, lz4, gzip. SQLSTATE: 56038",
        error.getMessage());
    AnalysisException brotli = assertThrows(AnalysisException.class,
        () -> ParquetWriterFactory.fromOptions(Map.of("compression", "brotli")));
    assertEquals("EMBER_NOT_YET_SUPPORTED", brotli.getCondition());
    assertThrows(IllegalArgumentException.class,
        () -> ParquetWriterFactory.fromOptions(Map.of("parquet.block.size", "big")));
  }

  @Test
  void blockSizeCutsRowGroups() {
    StructType schema = new StructType().add("id", DataTypes.LongType).add("text", DataTypes.StringType);
    List<List<Object[]>> batches = new ArrayList<>();
    for (int batch = 0; batch < 10; batch++) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < 4096; i++) {
        long id = batch * 4096L + i;
        rows.add(row(id, "some text that does not compress into a dictionary " + id));
      }
      batches.add(rows);
    }
    Path file = write(schema, Map.of("parquet.block.size", "262144", "compression", "none"), batches);
    List<BlockMetaData> blocks = ParquetWriteTestFiles.footer(file).getBlocks();
    assertTrue(blocks.size() > 4, "row groups: " + blocks.size());
    assertEquals(40960, blocks.stream().mapToLong(BlockMetaData::getRowCount).sum());
    List<Group> groups = ParquetWriteTestFiles.rows(file);
    for (int i = 0; i < groups.size(); i += 997) {
      assertEquals(i, groups.get(i).getLong("id", 0));
    }
  }

  @Test
  void emptyFileHasSchemaAndNoRows() {
    Path file = write(ALL_TYPES, Map.of(), List.of());
    ParquetMetadata footer = ParquetWriteTestFiles.footer(file);
    assertEquals(ParquetWriteSchemas.toParquet(ALL_TYPES), footer.getFileMetaData().getSchema());
    assertEquals(0, ParquetWriteTestFiles.rows(file).size());
  }

  @Test
  void nullInNonNullableColumnFailsNamingTheColumnAndFile() {
    StructType declared = new StructType().add("id", DataTypes.IntegerType, false);
    ParquetWriterFactory factory = ParquetWriterFactory.fromOptions(Map.of());
    Path file = directory.resolve("part" + factory.extension());
    BatchFileWriter writer = factory.open(file, declared, allocator);
    try (ColumnBatch batch = ParquetWriteTestBatches.of(declared, allocator, List.of(row(1), row((Object) null)))) {
      IllegalStateException error = assertThrows(IllegalStateException.class, () -> writer.write(batch));
      assertTrue(error.getMessage().contains("`id`") && error.getMessage().contains(file.toString()),
          error.getMessage());
    } finally {
      writer.abort();
    }
  }

  @Test
  void abortReleasesTheFileWithoutAFooterAndLaterCallsAreHarmless() throws Exception {
    StructType schema = new StructType().add("id", DataTypes.IntegerType);
    ParquetWriterFactory factory = ParquetWriterFactory.fromOptions(Map.of("compression", "none"));
    Path file = directory.resolve("aborted" + factory.extension());
    BatchFileWriter writer = factory.open(file, schema, allocator);
    try (ColumnBatch batch = ParquetWriteTestBatches.of(schema, allocator, List.of(row(1), row(2)))) {
      writer.write(batch);
    }
    writer.abort();
    writer.abort();
    writer.close();
    // No footer was written, so the partial file must not read as a complete (empty) Parquet file.
    assertThrows(RuntimeException.class, () -> ParquetWriteTestFiles.footer(file));
    Files.delete(file);
  }

  @Test
  void writingAfterCloseFailsAndExistingFileIsNotOverwritten() throws Exception {
    StructType schema = new StructType().add("id", DataTypes.IntegerType);
    ParquetWriterFactory factory = ParquetWriterFactory.fromOptions(Map.of());
    Path file = directory.resolve("closed" + factory.extension());
    BatchFileWriter writer = factory.open(file, schema, allocator);
    writer.close();
    try (ColumnBatch batch = ParquetWriteTestBatches.of(schema, allocator, List.<Object[]>of(row(1)))) {
      assertThrows(IllegalStateException.class, () -> writer.write(batch));
    }
    assertThrows(RuntimeException.class, () -> factory.open(file, schema, allocator));
  }

  @Test
  void anyColumnNameSparkAcceptsRoundTrips() {
    // Spark 4.2 writes and reads back all of these names.
    String[] names = {"a b", "a,b", "a;b", "a{b", "a=b", "a\nb", "a.b", "", "é"};
    StructType schema = new StructType();
    Object[] values = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      schema = schema.add(names[i], DataTypes.IntegerType);
      values[i] = i;
    }
    Path file = write(schema, Map.of(), List.<List<Object[]>>of(List.<Object[]>of(values)));
    assertEquals(ParquetWriteSchemas.toParquet(schema),
        ParquetWriteTestFiles.footer(file).getFileMetaData().getSchema());
    Group group = ParquetWriteTestFiles.rows(file).get(0);
    for (int i = 0; i < names.length; i++) {
      assertEquals(i, group.getInteger(names[i], 0), names[i]);
    }
  }

  @Test
  void repeatedColumnNameFailsLikeSpark() {
    StructType schema = new StructType().add("a", DataTypes.IntegerType).add("a", DataTypes.LongType);
    AnalysisException error = assertThrows(AnalysisException.class, () -> ParquetWriterFactory.checkSchema(schema));
    assertEquals("[COLUMN_ALREADY_EXISTS] The column `a` already exists. Choose another name or rename the existing "
        + "column. SQLSTATE: 42711", error.getMessage());
  }

  /** The layout Spark 4.2 writes for the same schema (read from the footer of a file Spark wrote). */
  @Test
  void nestedColumnsUseSparksLayout() {
    StructType nested = StructType.fromDDL("a ARRAY<INT>, m MAP<STRING, ARRAY<INT>>, s STRUCT<x: INT, y: STRING>");
    assertEquals("""
        message spark_schema {
          optional group a (LIST) {
            repeated group list {
              optional int32 element;
            }
          }
          optional group m (MAP) {
            repeated group key_value {
              required binary key (STRING);
              optional group value (LIST) {
                repeated group list {
                  optional int32 element;
                }
              }
            }
          }
          optional group s {
            optional int32 x;
            optional binary y (STRING);
          }
        }
        """, ParquetWriteSchemas.toParquet(nested).toString());
  }

}
