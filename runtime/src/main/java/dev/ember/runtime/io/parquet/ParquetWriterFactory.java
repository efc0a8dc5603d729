package dev.ember.runtime.io.parquet;

import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Parquet part-file writers as Spark 4.2 writes them: its schema mapping and key-value metadata
 * ({@link ParquetWriteSchemas}), the codec from the {@code compression} option (snappy by default)
 * and row groups of {@code parquet.block.size} bytes. Immutable and thread-safe; each writer it opens
 * belongs to one thread.
 */
public final class ParquetWriterFactory implements BatchFileWriterFactory {
  private final ParquetWriteOptions options;

  public ParquetWriterFactory(ParquetWriteOptions options) {
    this.options = Objects.requireNonNull(options, "options is null");
  }

  /** A factory for the writer options of {@code df.write().options(…)}; bad options fail here. */
  public static ParquetWriterFactory fromOptions(Map<String, String> options) {
    return new ParquetWriterFactory(ParquetWriteOptions.parse(options));
  }

  /** Fails, as Spark's analysis does, when {@code schema} holds a type Parquet writing does not handle. */
  public static void checkSchema(StructType schema) {
    ParquetWriteSchemas.toParquet(schema);
  }

  public ParquetWriteOptions options() {
    return options;
  }

  @Override
  public String extension() {
    return options.compression().extension();
  }

  @Override
  public BatchFileWriter open(Path file, StructType schema, BufferAllocator allocator) {
    // parquet-mr buffers pages on the Java heap, so the allocator is not needed.
    return new ParquetBatchWriter(file, schema, options);
  }
}
