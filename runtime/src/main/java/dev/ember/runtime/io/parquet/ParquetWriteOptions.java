package dev.ember.runtime.io.parquet;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Parquet writer's options: {@code compression} (Spark also accepts the older
 * {@code parquet.compression}; {@code compression} wins) and {@code parquet.block.size}, the row-group
 * size in bytes. Option names are case-insensitive, as Spark's are.
 */
public record ParquetWriteOptions(ParquetWriteCompression compression, long rowGroupSizeBytes) {
  /** parquet-mr's and Spark's default row-group size: 128 MiB. */
  public static final long DEFAULT_ROW_GROUP_SIZE_BYTES = 128L * 1024 * 1024;

  public static final ParquetWriteOptions DEFAULTS =
      new ParquetWriteOptions(ParquetWriteCompression.DEFAULT, DEFAULT_ROW_GROUP_SIZE_BYTES);

  public ParquetWriteOptions {
    Objects.requireNonNull(compression, "compression is null");
    if (rowGroupSizeBytes <= 0) {
      throw new IllegalArgumentException("parquet.block.size must be positive, got " + rowGroupSizeBytes);
    }
  }

  public static ParquetWriteOptions parse(Map<String, String> options) {
    Objects.requireNonNull(options, "options is null");
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
        chosen == null ? ParquetWriteCompression.DEFAULT : ParquetWriteCompression.fromName(chosen);
    long rowGroupSize = blockSize == null ? DEFAULT_ROW_GROUP_SIZE_BYTES : parseSize(blockSize);
    return new ParquetWriteOptions(compression, rowGroupSize);
  }

  private static long parseSize(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("parquet.block.size must be a number of bytes, got '" + text + "'", e);
    }
  }
}
