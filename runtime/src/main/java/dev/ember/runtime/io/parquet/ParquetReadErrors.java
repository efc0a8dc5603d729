package dev.ember.runtime.io.parquet;

import dev.ember.SparkException;
import java.nio.file.Path;
import java.util.Map;

/** Spark's errors for Parquet files that cannot be read (conditions and messages as in Spark 4.2). */
final class ParquetReadErrors {
  private ParquetReadErrors() {}

  /** How Spark (through Hadoop) prints a local path: {@code file:/dir/part.parquet}. */
  static String displayName(Path file) {
    return "file:" + file.toAbsolutePath().normalize();
  }

  /** The footer is missing or unreadable: truncated file, not Parquet, corrupt metadata. */
  static SparkException footerFailure(Path file, Throwable cause) {
    String path = displayName(file);
    return new SparkException(
        "FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER",
        Map.of("path", path),
        "Encountered error while reading file " + path + ". Could not read footer. Please ensure that the"
            + " file is in either ORC or Parquet format.\nIf not, please convert it to a valid format. If the"
            + " file is in the valid format, please check if it is corrupt.\nIf it is, you can choose to either"
            + " ignore it or fix the corruption. SQLSTATE: KD001\n" + describe(cause),
        cause);
  }

  /** Data pages could not be read or decoded; {@code where} names the row group and column. */
  static SparkException readFailure(Path file, String where, Throwable cause) {
    String path = file.toAbsolutePath().normalize().toUri().toString();
    return new SparkException(
        "FAILED_READ_FILE.NO_HINT",
        Map.of("path", path),
        "Encountered error while reading file " + path + ".  SQLSTATE: KD001\n" + where + ": " + describe(cause),
        cause);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
