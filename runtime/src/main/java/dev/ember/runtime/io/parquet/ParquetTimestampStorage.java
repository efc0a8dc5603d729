package dev.ember.runtime.io.parquet;

import java.util.Locale;

/**
 * How timestamps are stored in written Parquet files: Spark's {@code spark.sql.parquet.outputTimestampType}.
 * INT96 is Spark's default and what older readers (Hive, Impala) expect; the INT64 forms carry the
 * standard {@code TIMESTAMP(unit, isAdjustedToUTC=true)} annotation, and millis drops sub-millisecond
 * digits (rounding towards negative infinity, as Spark does for instants before 1970).
 */
public enum ParquetTimestampStorage {
  INT96,
  TIMESTAMP_MICROS,
  TIMESTAMP_MILLIS;

  /** The setting's key in Spark. */
  public static final String SETTING = "spark.sql.parquet.outputTimestampType";

  /**
   * The storage named {@code name}, ignoring case (Spark accepts only upper case at write time but
   * lower case when the setting is set, so rejecting it later would only surprise).
   */
  public static ParquetTimestampStorage fromName(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    for (ParquetTimestampStorage storage : values()) {
      if (storage.name().equals(upper)) {
        return storage;
      }
    }
    throw new IllegalArgumentException("[INVALID_CONF_VALUE.OUT_OF_RANGE_OF_OPTIONS] The value '" + name
        + "' in the config \"" + SETTING + "\" is invalid. It should be one of"
        + " 'INT96, TIMESTAMP_MICROS, TIMESTAMP_MILLIS'. SQLSTATE: 22022");
  }
}
