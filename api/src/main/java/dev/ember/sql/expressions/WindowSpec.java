package dev.ember.sql.expressions;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.WindowExpression;
import dev.ember.planner.expressions.WindowFrameSpec;
import dev.ember.sql.Column;
import dev.ember.sql.functions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A window specification, as in Spark: partitioning, ordering and optionally a frame. Immutable; each
 * method returns a new specification. Build one with {@link Window}, use it with {@link Column#over}.
 */
public final class WindowSpec {
  private final List<Expression> partitionSpec;
  private final List<SortOrder> orderSpec;
  private final WindowFrameSpec frame;

  WindowSpec(List<Expression> partitionSpec, List<SortOrder> orderSpec, WindowFrameSpec frame) {
    this.partitionSpec = List.copyOf(partitionSpec);
    this.orderSpec = List.copyOf(orderSpec);
    this.frame = frame;
  }

  public WindowSpec partitionBy(String colName, String... colNames) {
    return partitionBy(columns(colName, colNames));
  }

  public WindowSpec partitionBy(Column... cols) {
    List<Expression> keys = new ArrayList<>();
    for (Column column : cols) {
      keys.add(Objects.requireNonNull(column, "partition column is null").expr());
    }
    return new WindowSpec(keys, orderSpec, frame);
  }

  public WindowSpec orderBy(String colName, String... colNames) {
    return orderBy(columns(colName, colNames));
  }

  /** Columns that are not {@code asc()}/{@code desc()} sort ascending with nulls first. */
  public WindowSpec orderBy(Column... cols) {
    List<SortOrder> keys = new ArrayList<>();
    for (Column column : cols) {
      Expression key = Objects.requireNonNull(column, "order column is null").expr();
      keys.add(key instanceof SortOrder order ? order : SortOrder.ascending(key));
    }
    return new WindowSpec(partitionSpec, keys, frame);
  }

  /** Rows from {@code start} to {@code end} relative to the current row; see {@link Window#rowsBetween}. */
  public WindowSpec rowsBetween(long start, long end) {
    return new WindowSpec(partitionSpec, orderSpec, new WindowFrameSpec(true, start, end));
  }

  /** Rows whose order key lies from {@code start} to {@code end} away from the current row's. */
  public WindowSpec rangeBetween(long start, long end) {
    return new WindowSpec(partitionSpec, orderSpec, new WindowFrameSpec(false, start, end));
  }

  /**
   * {@code function} over this window: what {@link Column#over(WindowSpec)} builds. Ember's own
   * bridge between the API packages, not part of Spark's API.
   */
  public WindowExpression apply(Expression function) {
    return new WindowExpression(Objects.requireNonNull(function, "function is null"), partitionSpec, orderSpec, frame);
  }

  private static Column[] columns(String first, String... rest) {
    Column[] columns = new Column[rest.length + 1];
    columns[0] = functions.col(first);
    for (int i = 0; i < rest.length; i++) {
      columns[i + 1] = functions.col(rest[i]);
    }
    return columns;
  }
}
