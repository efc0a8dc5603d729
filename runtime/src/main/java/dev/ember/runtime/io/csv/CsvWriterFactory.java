package dev.ember.runtime.io.csv;

import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/** Opens CSV part files with fixed writer options. Thread-safe: it holds only immutable options. */
public final class CsvWriterFactory implements BatchFileWriterFactory {
  private final CsvWriterOptions options;

  public CsvWriterFactory(CsvWriterOptions options) {
    this.options = Objects.requireNonNull(options, "options is null");
  }

  public CsvWriterOptions options() {
    return options;
  }

  @Override
  public String extension() {
    return ".csv" + options.compression().extension();
  }

  @Override
  public BatchFileWriter open(Path file, StructType schema, BufferAllocator allocator) {
    return CsvWriter.open(file, schema, options);
  }
}
