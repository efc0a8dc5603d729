package dev.ember.runtime.io.arrow;

import java.util.Locale;
import java.util.Map;
import org.apache.arrow.vector.compression.CompressionUtil;

/** The buffer compression of written Arrow IPC files, the writer option {@code compression}. */
public enum ArrowIpcCompression {
  UNCOMPRESSED(CompressionUtil.CodecType.NO_COMPRESSION),
  LZ4_FRAME(CompressionUtil.CodecType.LZ4_FRAME),
  ZSTD(CompressionUtil.CodecType.ZSTD);

  public static final String OPTION = "compression";

  private final CompressionUtil.CodecType codecType;

  ArrowIpcCompression(CompressionUtil.CodecType codecType) {
    this.codecType = codecType;
  }

  CompressionUtil.CodecType codecType() {
    return codecType;
  }

  /**
   * The codec named by the {@code compression} option (case-insensitive; {@code none} and
   * {@code uncompressed} are the default, {@code lz4} means {@code lz4_frame}).
   *
   * @throws IllegalArgumentException for other names, listing the available ones, as Spark does for
   *     an unknown Parquet codec
   */
  public static ArrowIpcCompression fromOptions(Map<String, String> options) {
    String name = null;
    for (Map.Entry<String, String> option : options.entrySet()) {
      if (option.getKey().equalsIgnoreCase(OPTION)) {
        name = option.getValue();
      }
    }
    if (name == null) {
      return UNCOMPRESSED;
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "none", "uncompressed" -> UNCOMPRESSED;
      case "lz4", "lz4_frame" -> LZ4_FRAME;
      case "zstd" -> ZSTD;
      default -> throw new IllegalArgumentException(
          "Codec [" + name + "] is not available. Available codecs are uncompressed, none, lz4_frame, lz4, zstd.");
    };
  }
}
