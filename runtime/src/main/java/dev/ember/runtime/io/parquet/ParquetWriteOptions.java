package dev.ember.runtime.io.parquet;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Parquet writer's options: {@code compression} (Spark also accepts the older
 * {@code parquet.compression}; {@code compression} wins; without either, the session's
 * {@code spark.sql.parquet.compression.codec}), {@code parquet.block.size}, the row-group size in bytes,
 * and how timestamps are stored (only the session's {@code spark.sql.parquet.outputTimestampType}
 * decides that in Spark, not a write option). Option names are case-insensitive, as Spark's are.
 */
public record ParquetWriteOptions(ParquetWriteCompression compression, long rowGroupSizeBytes,
    ParquetTimestampStorage timestampStorage) {
  /** parquet-mr's and Spark's default row-group size: 128 MiB. */
  public static final long DEFAULT_ROW_GROUP_SIZE_BYTES = 128L * 1024 * 1024;

  public static final ParquetWriteOptions DEFAULTS =
      new ParquetWriteOptions(ParquetWriteCompression.DEFAULT, DEFAULT_ROW_GROUP_SIZE_BYTES,
          ParquetTimestampStorage.INT96);

  public ParquetWriteOptions {
    Objects.requireNonNull(compression, "compression is null");
    Objects.requireNonNull(timestampStorage, "timestampStorage is null");
    if (rowGroupSizeBytes <= 0) {
      throw new IllegalArgumentException("parquet.block.size must be positive, got " + rowGroupSizeBytes);
    }
  }

  /** The options of one write with Spark's session defaults. */
  public static ParquetWriteOptions parse(Map<String, String> options) {
    return parse(options, DEFAULTS);
  }

  /**
   * The options of one write; what they leave out comes from {@code sessionDefaults} (the session's
   * codec and timestamp storage).
   */
  public static ParquetWriteOptions parse(Map<String, String> options, ParquetWriteOptions sessionDefaults) {
    Objects.requireNonNull(options, "options is null");
    Objects.requireNonNull(sessionDefaults, "sessionDefaults is null");
    String codecName = null;
    String legacyCodecName = null;
    String blockSize = null;
    for (Map.Entry<String, String> option : options.entrySet()) {
      switch (option.getKey().toLowerCase(Locale.ROOT)) {
        case "compression" -> codecName = option.getValue();
        case "parquet.compression" -> legacyCodecName = option.getValue();
        case "parquet.block.size" -> blockSize = option.getValue();
        default -> {
          // Other options belong to other formats or to the write itself (mode, partitionBy …).
        }
      }
    }
    String chosen = codecName != null ? codecName : legacyCodecName;
    ParquetWriteCompression compression =
        chosen == null ? sessionDefaults.compression() : ParquetWriteCompression.fromName(chosen);
    long rowGroupSize = blockSize == null ? sessionDefaults.rowGroupSizeBytes() : parseSize(blockSize);
    return new ParquetWriteOptions(compression, rowGroupSize, sessionDefaults.timestampStorage());
  }

  private static long parseSize(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("parquet.block.size must be a number of bytes, got '" + text + "'", e);
    }
  }
}
