package dev.ember.runtime.io.csv;

import java.util.Locale;

/** Spark's {@code mode} option: what the reader does with a record it cannot convert. */
public enum CsvParseMode {
  /** Bad fields become null, short rows are padded with nulls, long rows are cut. */
  PERMISSIVE,
  /** Rows with a bad field or the wrong number of fields are dropped. */
  DROPMALFORMED,
  /** The first bad row fails the read with {@code MALFORMED_RECORD_IN_PARSING}. */
  FAILFAST;

  /**
   * Spark matches the mode case-insensitively and, for an unknown name, logs a warning and reads in
   * PERMISSIVE mode (checked against Spark 4.2: {@code mode=bogus} reads like PERMISSIVE).
   */
  static CsvParseMode fromOption(String value) {
    return switch (value.toUpperCase(Locale.ROOT)) {
      case "DROPMALFORMED" -> DROPMALFORMED;
      case "FAILFAST" -> FAILFAST;
      default -> PERMISSIVE;
    };
  }
}
