package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A function evaluated over a window: {@code sum(v) OVER (PARTITION BY k ORDER BY o)}. The function is
 * a {@link WindowFunctionCall} or an aggregate. The frame is empty until the analyzer fixes it from
 * the function and the order (Spark's defaults), so the expression counts as resolved only then.
 *
 * <p>Children: the function, the partition expressions, then the order keys.
 */
public record WindowExpression(Expression function, List<Expression> partitionSpec, List<SortOrder> orderSpec,
    WindowFrameSpec frame) implements Expression {
  public WindowExpression {
    Objects.requireNonNull(function, "function is null");
    partitionSpec = List.copyOf(partitionSpec);
    orderSpec = List.copyOf(orderSpec);
  }

  /** The same window with the frame the analyzer chose. */
  public WindowExpression withFrame(WindowFrameSpec newFrame) {
    return new WindowExpression(function, partitionSpec, orderSpec, Objects.requireNonNull(newFrame, "newFrame is null"));
  }

  @Override
  public List<Expression> children() {
    List<Expression> children = new ArrayList<>(1 + partitionSpec.size() + orderSpec.size());
    children.add(function);
    children.addAll(partitionSpec);
    children.addAll(orderSpec);
    return children;
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 1 + partitionSpec.size() + orderSpec.size());
    if (children.equals(children())) {
      return this;
    }
    List<SortOrder> order = new ArrayList<>();
    for (Expression key : children.subList(1 + partitionSpec.size(), children.size())) {
      order.add(key instanceof SortOrder sortOrder ? sortOrder : SortOrder.ascending(key));
    }
    return new WindowExpression(children.get(0), children.subList(1, 1 + partitionSpec.size()), order, frame);
  }

  @Override
  public boolean resolved() {
    return frame != null && Expression.super.resolved();
  }

  @Override
  public DataType dataType() {
    return function.dataType();
  }

  @Override
  public boolean nullable() {
    return function.nullable();
  }

  @Override
  public boolean foldable() {
    return false;
  }

  /** Spark's column name: {@code row_number() OVER (PARTITION BY k ORDER BY o ASC NULLS FIRST ROWS BETWEEN ...)}. */
  @Override
  public String sql() {
    List<String> parts = new ArrayList<>();
    if (!partitionSpec.isEmpty()) {
      parts.add("PARTITION BY " + partitionSpec.stream().map(Expression::sql).collect(Collectors.joining(", ")));
    }
    if (!orderSpec.isEmpty()) {
      parts.add("ORDER BY " + orderSpec.stream().map(Expression::sql).collect(Collectors.joining(", ")));
    }
    if (frame != null) {
      parts.add(frame.sql());
    }
    return function.sql() + " OVER (" + String.join(" ", parts) + ")";
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    partitionSpec.forEach(e -> parts.add(e.toString()));
    orderSpec.forEach(e -> parts.add(e.toString()));
    parts.add(frame == null ? "unspecifiedframe$()" : frame.toString());
    return function + " windowspecdefinition(" + String.join(", ", parts) + ")";
  }
}
