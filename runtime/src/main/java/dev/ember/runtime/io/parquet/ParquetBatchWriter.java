package dev.ember.runtime.io.parquet;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;

/** Writes one Parquet part file through parquet-mr's column writers, row groups cut by size. */
final class ParquetBatchWriter implements BatchFileWriter {
  private final Path file;
  private final StructType schema;
  private final ParquetWriteSupport writeSupport;
  private final ParquetWriteOutputFile outputFile;
  private final ParquetWriter<ParquetWriteSupport.RowNumber> writer;
  private final ParquetWriteSupport.RowNumber rowNumber = new ParquetWriteSupport.RowNumber();
  private boolean finished;

  ParquetBatchWriter(Path file, StructType schema, ParquetWriteOptions options) {
    this.file = Objects.requireNonNull(file, "file is null");
    this.schema = Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(options, "options is null");
    this.writeSupport = new ParquetWriteSupport(schema, options.timestampStorage());
    this.outputFile = new ParquetWriteOutputFile(file);
    try {
      this.writer = new Builder(outputFile, writeSupport)
          .withConf(new PlainParquetConfiguration())
          .withCompressionCodec(options.compression().codec())
          .withCodecFactory(new ParquetCodecFactory(ParquetProperties.DEFAULT_PAGE_SIZE))
          .withRowGroupSize(options.rowGroupSizeBytes())
          .build();
    } catch (IOException e) {
      outputFile.closeQuietly();
      throw new UncheckedIOException("cannot create Parquet file " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      outputFile.closeQuietly();
      throw e;
    }
  }

  @Override
  public void write(ColumnBatch batch) {
    Objects.requireNonNull(batch, "batch is null");
    if (finished) {
      throw new IllegalStateException("Parquet file " + file + " is already closed");
    }
    if (batch.columnCount() != schema.length()) {
      throw new IllegalArgumentException("batch of " + batch.schema().simpleString() + " does not match Parquet file "
          + file + " of " + schema.simpleString());
    }
    writeSupport.bind(batch);
    try {
      int rows = batch.rowCount();
      for (int row = 0; row < rows; row++) {
        rowNumber.row = row;
        writer.write(rowNumber);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to Parquet file " + file + ": " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("cannot write to Parquet file " + file + ": " + e.getMessage(), e);
    } finally {
      writeSupport.unbind();
    }
  }

  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      writer.close();
    } catch (IOException e) {
      outputFile.closeQuietly();
      throw new UncheckedIOException("cannot complete Parquet file " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      outputFile.closeQuietly();
      throw e;
    }
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    // Closing parquet-mr's writer would write a footer; only the file handle needs releasing (the
    // column buffers are on the Java heap).
    outputFile.closeQuietly();
  }

  private static final class Builder extends ParquetWriter.Builder<ParquetWriteSupport.RowNumber, Builder> {
    private final ParquetWriteSupport writeSupport;

    Builder(ParquetWriteOutputFile outputFile, ParquetWriteSupport writeSupport) {
      super(outputFile);
      this.writeSupport = writeSupport;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<ParquetWriteSupport.RowNumber> getWriteSupport(Configuration configuration) {
      return writeSupport;
    }

    @Override
    protected WriteSupport<ParquetWriteSupport.RowNumber> getWriteSupport(ParquetConfiguration configuration) {
      return writeSupport;
    }
  }
}
