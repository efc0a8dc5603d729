package dev.ember.runtime.io.parquet;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;

/** Opens local Parquet files, turning footer failures into Spark's error. */
public final class ParquetFileFooters {
  private ParquetFileFooters() {}

  /** The footer (schema, row groups, statistics) of {@code file}. */
  public static ParquetMetadata read(Path file) {
    try (ParquetFileReader reader = open(file)) {
      return reader.getFooter();
    } catch (IOException e) {
      throw ParquetReadErrors.footerFailure(file, e);
    }
  }

  /** A reader over {@code file}, footer already read; the caller closes it. */
  static ParquetFileReader open(Path file) {
    try {
      ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
          .withCodecFactory(new ParquetCodecFactory(0))
          .build();
      return ParquetFileReader.open(new NamedInputFile(file), options);
    } catch (IOException | RuntimeException e) {
      // parquet-mr reports a missing magic number or a short file as a RuntimeException.
      throw ParquetReadErrors.footerFailure(file, e);
    }
  }

  /** parquet-mr names the input file in its messages; without this it would print an object id. */
  private static final class NamedInputFile extends LocalInputFile {
    private final Path file;

    NamedInputFile(Path file) {
      super(file);
      this.file = file;
    }

    @Override
    public String toString() {
      return ParquetReadErrors.displayName(file);
    }
  }
}
