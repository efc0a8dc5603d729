package dev.ember.runtime.io.arrow;

import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes part files in the Arrow IPC file format ({@code .arrow}), readable by any Arrow library
 * (pyarrow's {@code ipc.open_file}, {@code pandas.read_feather}, DuckDB, Polars). Columns use
 * Ember's layout ({@code ArrowTypes}): timestamps are microseconds with zone UTC, decimals 128-bit.
 */
public final class ArrowIpcWriterFactory implements BatchFileWriterFactory {
  public static final String EXTENSION = ".arrow";

  private final ArrowIpcCompression compression;

  public ArrowIpcWriterFactory(ArrowIpcCompression compression) {
    this.compression = Objects.requireNonNull(compression, "compression is null");
  }

  public ArrowIpcCompression compression() {
    return compression;
  }

  @Override
  public String extension() {
    return EXTENSION;
  }

  @Override
  public BatchFileWriter open(Path file, StructType schema, BufferAllocator allocator) {
    return ArrowIpcFileWriter.create(file, schema, compression, allocator);
  }
}
