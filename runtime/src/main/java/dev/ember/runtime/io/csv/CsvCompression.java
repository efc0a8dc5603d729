package dev.ember.runtime.io.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;

/**
 * The compression codecs Spark picks by file-name extension, as Hadoop's codec factory does:
 * {@code .gz} (gzip), {@code .bz2} (bzip2) and {@code .deflate} (zlib). A compressed file cannot be
 * cut into byte ranges, so it is read whole by one worker (Spark reads it as one partition too).
 */
enum CsvCompression {
  NONE(""),
  GZIP(".gz"),
  BZIP2(".bz2"),
  DEFLATE(".deflate");

  private final String extension;

  CsvCompression(String extension) {
    this.extension = extension;
  }

  /** The codec of {@code file}, from its name; {@link #NONE} when the extension names none. */
  static CsvCompression of(Path file) {
    Objects.requireNonNull(file, "file is null");
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (CsvCompression codec : values()) {
      if (codec != NONE && name.endsWith(codec.extension)) {
        return codec;
      }
    }
    return NONE;
  }

  boolean isCompressed() {
    return this != NONE;
  }

  /** The file's decompressed bytes; the caller closes the stream. */
  InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      return switch (this) {
        case NONE -> raw;
        // GZIPInputStream reads concatenated members, as Hadoop's gzip codec does.
        case GZIP -> new GZIPInputStream(raw, 1 << 16);
        case DEFLATE -> new InflaterInputStream(raw);
        case BZIP2 -> bzip2(raw);
      };
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static InputStream bzip2(InputStream raw) throws IOException {
    BZip2Codec codec = new BZip2Codec();
    // An empty configuration: the pure-Java decoder, no site files read.
    codec.setConf(new Configuration(false));
    return codec.createInputStream(raw);
  }
}
