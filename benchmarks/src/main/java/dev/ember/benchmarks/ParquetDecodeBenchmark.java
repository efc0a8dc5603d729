package dev.ember.benchmarks;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.parquet.ParquetSource;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded Parquet decoding into Arrow batches of 4096 rows, in rows per second: Ember's
 * page decoders ({@link ParquetSource}) against the value-by-value parquet-mr {@link ColumnReader}
 * path Ember used before (replicated here as {@code columnReader}). The file has 10 M rows of
 * {@code id BIGINT} (required), {@code amount DOUBLE}, {@code city STRING} (20 values, dictionary
 * pages) and {@code age INT} (10 % nulls), written once by parquet-mr with its defaults (v1 pages,
 * 1 MB pages, 128 MB row groups) into the benchmark data cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
  "-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--sun-misc-unsafe-memory-access=allow", "-Darrow.allocation.manager.type=Unsafe", "-Xmx4g"})
public class ParquetDecodeBenchmark {
  static final int ROWS = 10_000_000;
  private static final int BATCH_ROWS = ParquetSource.BATCH_ROWS;
  private static final MessageType FILE_SCHEMA = MessageTypeParser.parseMessageType(
      "message spark_schema { required int64 id; optional double amount; optional binary city (STRING);"
          + " optional int32 age; }");
  private static final StructType SCHEMA = StructType.fromDDL("id BIGINT, amount DOUBLE, city STRING, age INT");
  private static final String[] CITIES = {
    "Amsterdam", "Berlin", "Chicago", "Delhi", "Edinburgh", "Florence", "Geneva", "Helsinki", "Istanbul",
    "Jakarta", "Kyoto", "Lisbon", "Madrid", "Nairobi", "Oslo", "Paris", "Quito", "Rome", "Seoul", "Toronto",
  };

  @Param({"SNAPPY", "UNCOMPRESSED"})
  public String codec;

  private Path file;
  private BufferAllocator allocator;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    file = parquetFile(CompressionCodecName.valueOf(codec));
    allocator = Allocators.newRoot();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    allocator.close();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long pages() {
    ParquetSource source = new ParquetSource(List.of(file), SCHEMA, new int[] {0, 1, 2, 3}, List.of());
    long rows = 0;
    for (Morsel morsel : source.morsels()) {
      try (BatchStream stream = source.open(morsel, allocator)) {
        for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
          rows += batch.rowCount();
          batch.close();
        }
      }
    }
    return check(rows);
  }

  /** Ember's former reader: per value, a definition-level test, a typed get and a vector set. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long columnReader() throws IOException {
    long rows = 0;
    ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages,
            new DummyRecordConverter(schema).getRootConverter(), schema, createdBy);
        List<ColumnDescriptor> columns = schema.getColumns();
        ColumnReader[] readers = new ColumnReader[columns.size()];
        for (int i = 0; i < readers.length; i++) {
          readers[i] = store.getColumnReader(columns.get(i));
        }
        ValueCopier[] copiers = {
          (column, vector, row) -> ((BigIntVector) vector).set(row, column.getLong()),
          (column, vector, row) -> ((Float8Vector) vector).set(row, column.getDouble()),
          (column, vector, row) -> {
            java.nio.ByteBuffer bytes = column.getBinary().toByteBuffer();
            ((VarCharVector) vector).setSafe(row, bytes, bytes.position(), bytes.remaining());
          },
          (column, vector, row) -> ((IntVector) vector).set(row, column.getInteger()),
        };
        for (long left = pages.getRowCount(); left > 0; ) {
          int batchRows = (int) Math.min(BATCH_ROWS, left);
          List<FieldVector> vectors = ColumnBatch.allocateVectors(SCHEMA, allocator, batchRows);
          for (int i = 0; i < readers.length; i++) {
            ColumnReader column = readers[i];
            int maxDefinitionLevel = column.getDescriptor().getMaxDefinitionLevel();
            FieldVector vector = vectors.get(i);
            for (int row = 0; row < batchRows; row++) {
              if (column.getCurrentDefinitionLevel() == maxDefinitionLevel) {
                copiers[i].copy(column, vector, row);
              }
              column.consume();
            }
            vector.setValueCount(batchRows);
          }
          new ColumnBatch(SCHEMA, vectors, batchRows).close();
          rows += batchRows;
          left -= batchRows;
        }
      }
    }
    return check(rows);
  }

  private interface ValueCopier {
    void copy(ColumnReader column, FieldVector vector, int row);
  }

  private static long check(long rows) {
    if (rows != ROWS) {
      throw new IllegalStateException("Read " + rows + " rows, expected " + ROWS);
    }
    return rows;
  }

  /** The benchmark file for {@code codec}, written once into the benchmark data cache. */
  static Path parquetFile(CompressionCodecName codec) throws IOException {
    Path target = BenchmarkData.cacheDirectory().resolve("decode-" + ROWS + "-" + codec.name().toLowerCase() + ".parquet");
    if (Files.exists(target)) {
      return target;
    }
    Path partial = Files.createTempFile(BenchmarkData.cacheDirectory(), "decode-", ".partial");
    Files.delete(partial);
    SplittableRandom random = new SplittableRandom(7);
    SimpleGroupFactory groups = new SimpleGroupFactory(FILE_SCHEMA);
    Binary[] cities = new Binary[CITIES.length];
    for (int i = 0; i < cities.length; i++) {
      cities[i] = Binary.fromConstantByteArray(CITIES[i].getBytes(StandardCharsets.UTF_8));
    }
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(partial))
        .withType(FILE_SCHEMA).withCompressionCodec(codec).build()) {
      for (long id = 0; id < ROWS; id++) {
        Group group = groups.newGroup().append("id", id).append("amount", random.nextInt(1_000_000) / 100.0)
            .append("city", cities[random.nextInt(cities.length)]);
        if (random.nextInt(10) != 0) {
          group.append("age", 18 + random.nextInt(63));
        }
        writer.write(group);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    // Publish atomically so an interrupted generation is never mistaken for a complete file.
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
