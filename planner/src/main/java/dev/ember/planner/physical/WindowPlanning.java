package dev.ember.planner.physical;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.WindowExpression;
import dev.ember.planner.expressions.WindowFunctionCall;
import dev.ember.planner.logical.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a logical {@link Window}. The window operator reads columns only: inputs that are expressions
 * ({@code sum(v + 1)}, {@code count(1)}, {@code partitionBy(k % 2)}) are computed by a projection below it,
 * and a projection above drops them again.
 *
 * <pre>
 * Window [sum((v + 1)) OVER (...)], [k], [o]   =&gt;   Project [k, o, v, s]
 *                                                   +- Window [sum(_w0) OVER (...) AS s], [k], [o]
 *                                                      +- Project [k, o, v, (v + 1) AS _w0]
 * </pre>
 */
final class WindowPlanning {
  private final Map<Expression, AttributeReference> computed = new LinkedHashMap<>();
  private final List<Alias> projections = new ArrayList<>();

  private WindowPlanning() {}

  static PhysicalPlan plan(Window window, PhysicalPlan child) {
    return new WindowPlanning().build(window, child);
  }

  private PhysicalPlan build(Window window, PhysicalPlan child) {
    List<Alias> windows = new ArrayList<>();
    for (Alias alias : window.windowExpressions()) {
      WindowExpression expression = (WindowExpression) alias.child();
      windows.add(new Alias(new WindowExpression(function(expression.function()),
          expression.partitionSpec().stream().map(e -> (Expression) column(e)).toList(),
          orderKeys(expression.orderSpec()), expression.frame()), alias.name(), alias.exprId()));
    }
    List<AttributeReference> partition = window.partitionSpec().stream().map(this::column).toList();
    List<SortOrder> order = orderKeys(window.orderSpec());
    if (projections.isEmpty()) {
      return new WindowExec(windows, partition, order, child);
    }
    List<Expression> extended = new ArrayList<>(child.output());
    extended.addAll(projections);
    WindowExec exec = new WindowExec(windows, partition, order, new ProjectExec(extended, child));
    return new ProjectExec(List.copyOf(window.output()), exec);
  }

  private Expression function(Expression function) {
    if (function instanceof AggregateCall call) {
      return call.withArguments(call.arguments().stream().map(e -> (Expression) column(e)).toList());
    } else if (function instanceof WindowFunctionCall call) {
      return call.withNewChildren(call.arguments().stream().map(e -> (Expression) column(e)).toList());
    }
    throw new IllegalStateException("not a window function: " + function);
  }

  private List<SortOrder> orderKeys(List<SortOrder> order) {
    return order.stream().map(key -> new SortOrder(column(key.child()), key.ascending(), key.nullsFirst())).toList();
  }

  private AttributeReference column(Expression expression) {
    if (expression instanceof AttributeReference attribute) {
      return attribute;
    }
    return computed.computeIfAbsent(expression, e -> {
      Alias alias = Alias.of(e, "_w" + projections.size());
      projections.add(alias);
      return alias.toAttribute();
    });
  }
}
