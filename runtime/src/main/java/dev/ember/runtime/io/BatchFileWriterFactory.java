package dev.ember.runtime.io;

import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/** Opens part files of one format with fixed options; shared by the workers of a write. Thread-safe. */
public interface BatchFileWriterFactory {
  /** The part-file suffix Spark uses for this format and codec, e.g. {@code .csv}, {@code .snappy.parquet}. */
  String extension();

  /** Creates {@code file} (its directory exists) for batches of {@code schema}. */
  BatchFileWriter open(Path file, StructType schema, BufferAllocator allocator);
}
