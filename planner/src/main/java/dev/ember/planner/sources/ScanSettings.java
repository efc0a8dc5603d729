package dev.ember.planner.sources;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Session settings a scan needs: the time zone that text timestamps are read in, the split size, and
 * whether Parquet scans decode the columns of pushed filters first and the others only at the rows
 * those filters keep ({@code spark.ember.parquet.lateMaterialization}).
 */
public record ScanSettings(ZoneId sessionZone, long splitBytes, boolean parquetLateMaterialization) {
  /** With late materialisation on, its default. */
  public ScanSettings(ZoneId sessionZone, long splitBytes) {
    this(sessionZone, splitBytes, true);
  }

  public ScanSettings {
    Objects.requireNonNull(sessionZone, "sessionZone is null");
    if (splitBytes <= 0) {
      throw new IllegalArgumentException("splitBytes must be positive, got " + splitBytes);
    }
  }
}
