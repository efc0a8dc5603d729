package dev.ember.planner.statistics;

import java.util.Map;
import java.util.Objects;

/**
 * An estimated output size of a logical plan: its row count and, by attribute id, what is known of
 * its columns. Columns without an entry are unknown; {@link #column} then bounds them by the rows.
 */
public record Estimate(double rows, Map<Long, ColumnEstimate> columns) {
  public Estimate {
    if (!(rows >= 0)) {
      throw new IllegalArgumentException("rows must be a non-negative number: " + rows);
    }
    columns = Map.copyOf(Objects.requireNonNull(columns, "columns is null"));
  }

  /** The column's estimate, or one bounded only by this plan's row count. */
  public ColumnEstimate column(long exprId) {
    ColumnEstimate known = columns.get(exprId);
    return known != null ? known : ColumnEstimate.unknown(Math.max(1, rows));
  }

  public Estimate withRows(double newRows) {
    return new Estimate(newRows, columns);
  }
}
