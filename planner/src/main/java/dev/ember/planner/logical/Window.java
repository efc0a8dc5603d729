package dev.ember.planner.logical;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Window functions sharing one partitioning and ordering, each named by an alias over a
 * {@code WindowExpression}. Output: the child's columns, then one column per window expression.
 */
public record Window(List<Alias> windowExpressions, List<Expression> partitionSpec, List<SortOrder> orderSpec,
    LogicalPlan child) implements LogicalPlan {
  public Window {
    windowExpressions = List.copyOf(windowExpressions);
    partitionSpec = List.copyOf(partitionSpec);
    orderSpec = List.copyOf(orderSpec);
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> output = new ArrayList<>(child.output());
    windowExpressions.forEach(alias -> output.add(alias.toAttribute()));
    return output;
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    return children.get(0) == child ? this : new Window(windowExpressions, partitionSpec, orderSpec, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> expressions = new ArrayList<>(windowExpressions);
    expressions.addAll(partitionSpec);
    expressions.addAll(orderSpec);
    return expressions;
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> mapping) {
    List<Alias> windows = PlanLists.map(windowExpressions, mapping, Alias.class);
    List<Expression> partition = PlanLists.map(partitionSpec, mapping, Expression.class);
    List<SortOrder> order = PlanLists.map(orderSpec, mapping, SortOrder.class);
    if (windows == windowExpressions && partition == partitionSpec && order == orderSpec) {
      return this;
    }
    return new Window(windows, partition, order, child);
  }

  @Override
  public String nodeString() {
    return "Window " + PlanLists.bracketed(windowExpressions) + ", " + PlanLists.bracketed(partitionSpec) + ", "
        + PlanLists.bracketed(orderSpec);
  }
}
