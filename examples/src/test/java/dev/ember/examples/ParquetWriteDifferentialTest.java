package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.io.parquet.ParquetTimestampStorage;
import dev.ember.runtime.io.parquet.ParquetWriteCompression;
import dev.ember.runtime.io.parquet.ParquetWriteOptions;
import dev.ember.runtime.io.parquet.ParquetWriterFactory;
import dev.ember.runtime.memory.Allocators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ember writes Parquet part files (through its writer factory, directly on batches) and Apache Spark
 * 4.2 reads them: the schema, collected rows and {@code show()} output must equal the source data,
 * and the file's Parquet schema and Spark metadata must equal those of the file Spark writes itself.
 */
class ParquetWriteDifferentialTest {
  private static final dev.ember.sql.types.StructType EMBER_SCHEMA = new dev.ember.sql.types.StructType()
      .add("bo", dev.ember.sql.types.DataTypes.BooleanType)
      .add("b", dev.ember.sql.types.DataTypes.ByteType)
      .add("s", dev.ember.sql.types.DataTypes.ShortType, false)
      .add("i", dev.ember.sql.types.DataTypes.IntegerType)
      .add("l", dev.ember.sql.types.DataTypes.LongType)
      .add("f", dev.ember.sql.types.DataTypes.FloatType)
      .add("d", dev.ember.sql.types.DataTypes.DoubleType)
      .add("d5", new dev.ember.sql.types.DecimalType(5, 2))
      .add("d15", new dev.ember.sql.types.DecimalType(15, 3))
      .add("d25", new dev.ember.sql.types.DecimalType(25, 2))
      .add("d38", new dev.ember.sql.types.DecimalType(38, 10))
      .add("str", dev.ember.sql.types.DataTypes.StringType)
      .add("bin", dev.ember.sql.types.DataTypes.BinaryType)
      .add("dt", dev.ember.sql.types.DataTypes.DateType)
      .add("ts", dev.ember.sql.types.DataTypes.TimestampType)
      .add("n", dev.ember.sql.types.DataTypes.NullType);

  private static final StructType SPARK_SCHEMA = new StructType()
      .add("bo", DataTypes.BooleanType)
      .add("b", DataTypes.ByteType)
      .add("s", DataTypes.ShortType, false)
      .add("i", DataTypes.IntegerType)
      .add("l", DataTypes.LongType)
      .add("f", DataTypes.FloatType)
      .add("d", DataTypes.DoubleType)
      .add("d5", DataTypes.createDecimalType(5, 2))
      .add("d15", DataTypes.createDecimalType(15, 3))
      .add("d25", DataTypes.createDecimalType(25, 2))
      .add("d38", DataTypes.createDecimalType(38, 10))
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

  /** Source rows in the Java types Ember's test batches take; Spark's external types are derived. */
  private static List<Object[]> sourceRows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(row(true, (byte) -128, (short) 32767, Integer.MIN_VALUE, Long.MAX_VALUE, 1.5f, -2.25d,
        new BigDecimal("-999.99"), new BigDecimal("123456789012.345"),
        new BigDecimal("-12345678901234567890123.45"), new BigDecimal("9999999999999999999999999999.9999999999"),
        "héllo ✓ \"quoted\"", new byte[] {0, 1, (byte) 255}, LocalDate.of(2020, 1, 2),
        Instant.parse("2020-01-02T03:04:05.123456Z"), null));
    rows.add(row(null, null, (short) 0, null, null, null, null, null, null, null, null, null, null, null, null, null));
    rows.add(row(false, (byte) 127, (short) -32768, Integer.MAX_VALUE, Long.MIN_VALUE, Float.NaN,
        Double.NEGATIVE_INFINITY, new BigDecimal("0.01"), new BigDecimal("-0.001"), new BigDecimal("0.00"),
        new BigDecimal("-1.0000000000"), "", new byte[0], LocalDate.of(1000, 1, 1),
        Instant.parse("1000-01-01T00:00:00Z"), null));
    rows.add(row(true, (byte) 0, (short) 1, 0, 0L, -0.0f, 1e300, new BigDecimal("1.00"), new BigDecimal("0.000"),
        new BigDecimal("99999999999999999999999.99"), new BigDecimal("0E-10"), "line\nbreak",
        new byte[] {42}, LocalDate.of(9999, 12, 31), Instant.parse("1969-12-31T23:59:59.999999Z"), null));
    return rows;
  }

  private static Row toSparkRow(Object[] values) {
    Object[] external = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value instanceof LocalDate date) {
        external[i] = Date.valueOf(date);
      } else if (value instanceof Instant instant) {
        // Field-preserving, as Spark converts java.sql.Timestamp (hybrid calendar) to its proleptic
        // micros; Timestamp.from would shift dates before 1582. The tests' JVM runs in UTC.
        external[i] = Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else {
        external[i] = value;
      }
    }
    return RowFactory.create(external);
  }

  private Path emberWrites(String name, dev.ember.sql.types.StructType schema, Map<String, String> options,
      List<List<Object[]>> batches) throws IOException {
    return emberWrites(name, schema, ParquetWriterFactory.fromOptions(options), batches);
  }

  private Path emberWrites(String name, dev.ember.sql.types.StructType schema, ParquetWriterFactory factory,
      List<List<Object[]>> batches) throws IOException {
    Path output = Files.createDirectories(directory.resolve(name));
    BatchFileWriter writer = factory.open(output.resolve("part-00000-ember" + factory.extension()), schema, allocator);
    try {
      for (List<Object[]> rows : batches) {
        try (ColumnBatch batch = EmberTestBatches.of(schema, allocator, rows)) {
          writer.write(batch);
        }
      }
      writer.close();
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    return output;
  }

  private static String show(Dataset<Row> frame) throws Exception {
    return ConsoleCapture.capture(() -> {
      frame.printSchema();
      frame.show(false);
    });
  }

  @Test
  void sparkReadsEveryTypeAndNullExactly() throws Exception {
    List<Object[]> rows = sourceRows();
    Path output = emberWrites("all-types", EMBER_SCHEMA, Map.of(), List.of(rows.subList(0, 3), rows.subList(3, 4)));

    SparkSession spark = SparkOracle.session();
    Dataset<Row> read = spark.read().parquet(output.toString());
    // Spark's file sources make every column nullable on read, also for `required` Parquet columns.
    assertEquals(SPARK_SCHEMA.asNullable(), read.schema());
    Dataset<Row> expected = spark.createDataFrame(rows.stream().map(ParquetWriteDifferentialTest::toSparkRow).toList(),
        SPARK_SCHEMA.asNullable());
    List<Row> actualRows = read.collectAsList();
    List<Row> expectedRows = expected.collectAsList();
    assertEquals(expectedRows.size(), actualRows.size());
    for (int i = 0; i < expectedRows.size(); i++) {
      assertEquals(expectedRows.get(i), actualRows.get(i), "row " + i);
    }
    assertEquals(show(expected), show(read));
  }

  @Test
  void parquetSchemaAndSparkMetadataEqualThoseOfSparksOwnFile() throws Exception {
    List<Object[]> rows = sourceRows();
    Path ember = emberWrites("ember", EMBER_SCHEMA, Map.of(), List.of(rows));
    Path sparkOutput = directory.resolve("spark");
    SparkOracle.session().createDataFrame(rows.stream().map(ParquetWriteDifferentialTest::toSparkRow).toList(),
        SPARK_SCHEMA).coalesce(1).write().parquet(sparkOutput.toString());

    ParquetMetadata emberFooter = footer(onlyPartFile(ember));
    ParquetMetadata sparkFooter = footer(onlyPartFile(sparkOutput));
    assertEquals(sparkFooter.getFileMetaData().getSchema(), emberFooter.getFileMetaData().getSchema());
    assertEquals(sparkFooter.getFileMetaData().getKeyValueMetaData(),
        emberFooter.getFileMetaData().getKeyValueMetaData());
    assertEquals(sparkFooter.getFileMetaData().getCreatedBy(), emberFooter.getFileMetaData().getCreatedBy());
    // Same writer settings: codec, encodings (dictionary, v1 pages) and statistics per column chunk.
    assertEquals(chunks(sparkFooter), chunks(emberFooter));
    assertTrue(onlyPartFile(sparkOutput).getFileName().toString().endsWith(".snappy.parquet"));
    assertTrue(onlyPartFile(ember).getFileName().toString().endsWith(".snappy.parquet"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "uncompressed", "snappy", "gzip", "zstd", "lz4", "lz4_raw"})
  void everyCodecRoundTripsThroughSpark(String codec) throws Exception {
    dev.ember.sql.types.StructType schema = new dev.ember.sql.types.StructType()
        .add("id", dev.ember.sql.types.DataTypes.LongType)
        .add("name", dev.ember.sql.types.DataTypes.StringType)
        .add("amount", new dev.ember.sql.types.DecimalType(20, 2));
    List<List<Object[]>> batches = new ArrayList<>();
    for (int batch = 0; batch < 5; batch++) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < 4096; i++) {
        long id = batch * 4096L + i;
        rows.add(row(id, id % 11 == 0 ? null : "name-" + (id % 97), BigDecimal.valueOf(id, 2).negate()));
      }
      batches.add(rows);
    }
    // A small row-group size, so Spark also reads a multi-row-group file.
    Path output = emberWrites("codec-" + codec, schema,
        Map.of("compression", codec, "parquet.block.size", "131072"), batches);
    String extension = ParquetWriterFactory.fromOptions(Map.of("compression", codec)).extension();
    assertTrue(onlyPartFile(output).getFileName().toString().endsWith(extension));

    Dataset<Row> read = SparkOracle.session().read().parquet(output.toString());
    Row summary = read.selectExpr("count(*)", "count(name)", "sum(id)", "sum(amount)", "max(name)").head();
    long rows = 5 * 4096L;
    long nulls = (rows + 10) / 11;
    assertEquals(rows, summary.getLong(0));
    assertEquals(rows - nulls, summary.getLong(1));
    assertEquals(rows * (rows - 1) / 2, summary.getLong(2));
    assertEquals(BigDecimal.valueOf(rows * (rows - 1) / 2, 2).negate(), summary.getDecimal(3));
    assertEquals("name-96", summary.getString(4));
    assertEquals(List.of(RowFactory.create(12345L, "name-26", new BigDecimal("-123.45"))),
        read.where("id = 12345").collectAsList());
  }

  /**
   * With {@code spark.sql.parquet.outputTimestampType} set, Ember's files have Spark's INT64 timestamp
   * columns (same footer as Spark's file) and Spark reads from them the values it reads from its own,
   * sub-millisecond digits dropped for millis, also before 1970.
   */
  @ParameterizedTest
  @ValueSource(strings = {"TIMESTAMP_MICROS", "TIMESTAMP_MILLIS"})
  void timestampsAreStoredAsTheSessionSettingSays(String storage) throws Exception {
    List<Object[]> rows = sourceRows();
    ParquetWriteOptions options = new ParquetWriteOptions(ParquetWriteCompression.DEFAULT,
        ParquetWriteOptions.DEFAULT_ROW_GROUP_SIZE_BYTES, ParquetTimestampStorage.fromName(storage));
    Path ember = emberWrites("ember-" + storage, EMBER_SCHEMA, new ParquetWriterFactory(options), List.of(rows));
    Path sparkOutput = directory.resolve("spark-" + storage);
    SparkSession spark = SparkOracle.session();
    spark.conf().set("spark.sql.parquet.outputTimestampType", storage);
    try {
      spark.createDataFrame(rows.stream().map(ParquetWriteDifferentialTest::toSparkRow).toList(), SPARK_SCHEMA)
          .coalesce(1).write().parquet(sparkOutput.toString());
    } finally {
      spark.conf().unset("spark.sql.parquet.outputTimestampType");
    }
    ParquetMetadata emberFooter = footer(onlyPartFile(ember));
    ParquetMetadata sparkFooter = footer(onlyPartFile(sparkOutput));
    assertEquals(sparkFooter.getFileMetaData().getSchema(), emberFooter.getFileMetaData().getSchema());
    assertEquals(chunks(sparkFooter), chunks(emberFooter));
    assertEquals(spark.read().parquet(sparkOutput.toString()).collectAsList(),
        spark.read().parquet(ember.toString()).collectAsList());
  }

  private static Path onlyPartFile(Path output) throws IOException {
    try (Stream<Path> files = Files.list(output)) {
      List<Path> parts = files.filter(file -> file.getFileName().toString().startsWith("part-")).toList();
      assertEquals(1, parts.size(), "part files in " + output + ": " + parts);
      return parts.get(0);
    }
  }

  private static List<String> chunks(ParquetMetadata footer) {
    List<String> chunks = new ArrayList<>();
    for (BlockMetaData block : footer.getBlocks()) {
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        chunks.add(chunk.getPath() + " " + chunk.getCodec() + " " + chunk.getEncodings() + " " + chunk.getStatistics());
      }
    }
    return chunks;
  }

  private static ParquetMetadata footer(Path file) {
    try (ParquetFileReader reader = ParquetFileReader.open(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return reader.getFooter();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the footer of " + file, e);
    }
  }
}
