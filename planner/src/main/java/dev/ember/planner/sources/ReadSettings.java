package dev.ember.planner.sources;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Session settings that change how files are read as a table.
 *
 * @param partitionTypeInference {@code spark.sql.sources.partitionColumnTypeInference.enabled}
 *     (default true): partition values are typed, else strings
 * @param parquetMergeSchema {@code spark.sql.parquet.mergeSchema} (default false), which the
 *     {@code mergeSchema} option overrides
 * @param sessionZone the zone partition timestamps are read in
 */
public record ReadSettings(boolean partitionTypeInference, boolean parquetMergeSchema, ZoneId sessionZone) {
  public ReadSettings {
    Objects.requireNonNull(sessionZone, "sessionZone is null");
  }

  /** Spark's defaults, in the JVM's time zone. */
  public static ReadSettings defaults() {
    return new ReadSettings(true, false, ZoneId.systemDefault());
  }
}
