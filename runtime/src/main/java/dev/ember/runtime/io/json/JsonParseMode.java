package dev.ember.runtime.io.json;

import java.util.Locale;

/** Spark's {@code mode} option for JSON: what the reader does with a record it cannot parse or convert. */
public enum JsonParseMode {
  /** Bad values become null; the record's text goes to the corrupt-record column when there is one. */
  PERMISSIVE,
  /** Bad records are left out. */
  DROPMALFORMED,
  /** The first bad record fails the read with {@code MALFORMED_RECORD_IN_PARSING}. */
  FAILFAST;

  /** Case-insensitive; an unknown name reads as PERMISSIVE, as Spark does (it only logs a warning). */
  static JsonParseMode fromOption(String value) {
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "DROPMALFORMED" -> DROPMALFORMED;
      case "FAILFAST" -> FAILFAST;
      default -> PERMISSIVE;
    };
  }
}
