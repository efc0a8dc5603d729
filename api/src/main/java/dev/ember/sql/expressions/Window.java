package dev.ember.sql.expressions;

import dev.ember.planner.expressions.WindowFrameSpec;
import dev.ember.sql.Column;
import java.util.List;

/**
 * Starts window specifications, as Spark's {@code Window}: {@code Window.partitionBy("k").orderBy("o")}.
 * Frame bounds are offsets from the current row: {@link #unboundedPreceding()},
 * {@link #unboundedFollowing()} and {@link #currentRow()} are the special values.
 */
public final class Window {
  private static final WindowSpec EMPTY = new WindowSpec(List.of(), List.of(), null);

  private Window() {}

  public static long unboundedPreceding() {
    return WindowFrameSpec.UNBOUNDED_PRECEDING;
  }

  public static long unboundedFollowing() {
    return WindowFrameSpec.UNBOUNDED_FOLLOWING;
  }

  public static long currentRow() {
    return WindowFrameSpec.CURRENT_ROW;
  }

  public static WindowSpec partitionBy(String colName, String... colNames) {
    return EMPTY.partitionBy(colName, colNames);
  }

  public static WindowSpec partitionBy(Column... cols) {
    return EMPTY.partitionBy(cols);
  }

  public static WindowSpec orderBy(String colName, String... colNames) {
    return EMPTY.orderBy(colName, colNames);
  }

  public static WindowSpec orderBy(Column... cols) {
    return EMPTY.orderBy(cols);
  }

  public static WindowSpec rowsBetween(long start, long end) {
    return EMPTY.rowsBetween(start, end);
  }

  public static WindowSpec rangeBetween(long start, long end) {
    return EMPTY.rangeBetween(start, end);
  }
}
