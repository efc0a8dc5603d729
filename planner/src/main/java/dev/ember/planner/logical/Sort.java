package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.SortOrder;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** {@code orderBy}: a total sort of the whole input. */
public record Sort(List<SortOrder> order, LogicalPlan child) implements LogicalPlan {
  public Sort {
    order = List.copyOf(order);
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    return children.get(0) == child ? this : new Sort(order, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return List.copyOf(order);
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> mapping) {
    List<SortOrder> mapped = PlanLists.map(order, mapping, SortOrder.class);
    return mapped == order ? this : new Sort(mapped, child);
  }

  @Override
  public String nodeString() {
    return "Sort " + PlanLists.bracketed(order) + ", true";
  }
}
