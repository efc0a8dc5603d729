package dev.ember.runtime.io.json;

import dev.ember.SparkException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Opening JSON files: plain or gzip-compressed (by the {@code .gz} suffix, as Hadoop's codecs go). */
final class JsonFileInput {
  private JsonFileInput() {}

  static boolean isCompressed(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /** The file's (decompressed) bytes from {@code offset}; a compressed file only from 0. */
  static InputStream open(Path file, long offset) throws IOException {
    if (isCompressed(file)) {
      if (offset != 0) {
        throw new IllegalArgumentException("A compressed file cannot be read from offset " + offset + ": " + file);
      }
      return new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)), 1 << 16);
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      channel.position(offset);
      return Channels.newInputStream(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  static byte[] readAll(Path file) throws IOException {
    try (InputStream input = open(file, 0)) {
      return input.readAllBytes();
    }
  }

  /** Spark's error for a file that cannot be read, with Ember's detail after the SQLSTATE. */
  static SparkException readFailure(Path file, String detail, Throwable cause) {
    String path = file.toAbsolutePath().normalize().toUri().toString();
    return new SparkException(
        "FAILED_READ_FILE.NO_HINT",
        Map.of("path", path),
        "Encountered error while reading file " + path + ".  SQLSTATE: KD001\n" + detail,
        cause);
  }

  static SparkException readFailure(Path file, IOException cause) {
    return readFailure(file, cause.toString(), cause);
  }
}
