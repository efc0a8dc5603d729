package dev.ember.planner.sources;

import java.time.ZoneId;
import java.util.Objects;

/** Session settings a scan needs: the time zone that text timestamps are read in, the split size. */
public record ScanSettings(ZoneId sessionZone, long splitBytes) {
  public ScanSettings {
    Objects.requireNonNull(sessionZone, "sessionZone is null");
    if (splitBytes <= 0) {
      throw new IllegalArgumentException("splitBytes must be positive, got " + splitBytes);
    }
  }
}
