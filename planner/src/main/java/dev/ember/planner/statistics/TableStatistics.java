package dev.ember.planner.statistics;

import java.util.Map;
import java.util.Objects;

/**
 * What a table source knows about its data without reading it, such as Parquet footers: the row
 * count and, per column name, the range of its values. Estimates only: no answer depends on them.
 */
public record TableStatistics(long rowCount, Map<String, ValueRange> ranges) {
  public TableStatistics {
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount must not be negative: " + rowCount);
    }
    ranges = Map.copyOf(Objects.requireNonNull(ranges, "ranges is null"));
  }

  /**
   * The smallest and largest non-null value of a column as doubles (days since the epoch for dates),
   * and how many of its values are null. An all-null column has min +inf and max -inf.
   */
  public record ValueRange(double min, double max, long nullCount) {}
}
