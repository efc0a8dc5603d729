package dev.ember.planner.sources;

import dev.ember.runtime.io.parquet.ParquetTimestampStorage;
import dev.ember.runtime.io.parquet.ParquetWriteCompression;
import java.util.Objects;

/**
 * Session settings that change how files are written.
 *
 * @param parquetCompression {@code spark.sql.parquet.compression.codec} (default snappy), which the
 *     {@code compression} write option overrides
 * @param parquetTimestamps {@code spark.sql.parquet.outputTimestampType} (default INT96)
 */
public record WriteSettings(ParquetWriteCompression parquetCompression, ParquetTimestampStorage parquetTimestamps) {
  public WriteSettings {
    Objects.requireNonNull(parquetCompression, "parquetCompression is null");
    Objects.requireNonNull(parquetTimestamps, "parquetTimestamps is null");
  }

  /** Spark's defaults. */
  public static WriteSettings defaults() {
    return new WriteSettings(ParquetWriteCompression.DEFAULT, ParquetTimestampStorage.INT96);
  }
}
