package dev.ember.runtime.io.parquet;

import dev.ember.sql.AnalysisException;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The {@code compression} option of the Parquet writer: Spark's codec names, the parquet-mr codec
 * each selects and the infix Spark puts in part-file names ({@code part-….snappy.parquet}).
 */
public enum ParquetWriteCompression {
  NONE(CompressionCodecName.UNCOMPRESSED, ""),
  UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED, ""),
  SNAPPY(CompressionCodecName.SNAPPY, ".snappy"),
  GZIP(CompressionCodecName.GZIP, ".gz"),
  ZSTD(CompressionCodecName.ZSTD, ".zstd"),
  // Spark's "lz4" is Hadoop's framed LZ4 codec, hence its odd suffix; "lz4_raw" is the plain block format.
  LZ4(CompressionCodecName.LZ4, ".lz4hadoop"),
  LZ4_RAW(CompressionCodecName.LZ4_RAW, ".lz4raw"),
  BROTLI(CompressionCodecName.BROTLI, ".br"),
  LZO(CompressionCodecName.LZO, ".lzo");

  /** Spark's default ({@code spark.sql.parquet.compression.codec}). */
  public static final ParquetWriteCompression DEFAULT = SNAPPY;

  private final CompressionCodecName codec;
  private final String fileNameInfix;

  ParquetWriteCompression(CompressionCodecName codec, String fileNameInfix) {
    this.codec = codec;
    this.fileNameInfix = fileNameInfix;
  }

  public CompressionCodecName codec() {
    return codec;
  }

  /** The part-file extension, e.g. {@code .snappy.parquet}, or {@code .parquet} when uncompressed. */
  public String extension() {
    return fileNameInfix + ".parquet";
  }

  /**
   * Whether Ember can write the codec: brotli and lzo need codec jars neither Spark nor Ember ships.
   * (Hadoop-framed LZ4 is Ember's own, {@link HadoopLz4Codec}.)
   */
  public boolean isAvailable() {
    return switch (this) {
      case BROTLI, LZO -> false;
      default -> true;
    };
  }

  /**
   * The codec named {@code name} (case-insensitive). Unknown names fail with Spark's
   * {@code CODEC_NOT_AVAILABLE} text; codecs whose library is missing ({@link #isAvailable()})
   * fail here instead of in the middle of a write.
   */
  public static ParquetWriteCompression fromName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (ParquetWriteCompression compression : values()) {
      if (compression.name().toLowerCase(Locale.ROOT).equals(lower)) {
        if (!compression.isAvailable()) {
          throw new AnalysisException("EMBER_NOT_YET_SUPPORTED",
              Map.of("feature", "writing Parquet with " + lower + " compression"),
              "Ember does not support writing Parquet with " + lower
                  + " compression (its codec is not on the classpath). SQLSTATE: 0A000");
        }
        return compression;
      }
    }
    // Spark 4.2 raises SparkIllegalArgumentException with this text, listing codecs in this order.
    throw new IllegalArgumentException("[CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION] The codec "
        + name + " is not available. Available codecs are brotli, uncompressed, lzo, snappy, lz4_raw, none,"
        + " zstd, lz4, gzip. SQLSTATE: 56038");
  }
}
