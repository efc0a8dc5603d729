package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code groupBy(...).agg(...)}: one output row per distinct value of the grouping expressions (one
 * row in all when there are none). Aggregate expressions are named and may combine aggregate calls
 * and grouping expressions ({@code sum(x) + 1 AS y}).
 */
public record Aggregate(List<Expression> groupingExpressions, List<Expression> aggregateExpressions,
    LogicalPlan child) implements LogicalPlan {
  public Aggregate {
    groupingExpressions = List.copyOf(groupingExpressions);
    aggregateExpressions = List.copyOf(aggregateExpressions);
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    return PlanLists.toAttributes(aggregateExpressions);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    return children.get(0) == child ? this : new Aggregate(groupingExpressions, aggregateExpressions, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    List<Expression> all = new ArrayList<>(groupingExpressions);
    all.addAll(aggregateExpressions);
    return all;
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> mapping) {
    List<Expression> grouping = PlanLists.map(groupingExpressions, mapping, Expression.class);
    List<Expression> aggregates = PlanLists.map(aggregateExpressions, mapping, Expression.class);
    return grouping == groupingExpressions && aggregates == aggregateExpressions
        ? this
        : new Aggregate(grouping, aggregates, child);
  }

  @Override
  public String nodeString() {
    return "Aggregate " + PlanLists.bracketed(groupingExpressions) + ", " + PlanLists.bracketed(aggregateExpressions);
  }
}
