package dev.ember.planner.physical;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.PlanLists;
import java.util.List;
import java.util.Objects;

/**
 * Groups rows by {@code groupingExpressions} (each an attribute of the child, or an alias of an
 * expression over it) and computes {@code aggregates}, each an {@code Alias} of one
 * {@link AggregateCall}. Each worker updates its own hash table in the pipeline that feeds this
 * operator; the tables are merged when the pipeline ends. The merged table's rows are grouping values
 * then aggregate values, whose columns are {@link #groupingAttributes()} and the aggregates'
 * attributes; {@code resultExpressions} are computed over those columns to give {@link #output()}.
 */
public record HashAggregateExec(List<Expression> groupingExpressions, List<Alias> aggregates,
    List<Expression> resultExpressions, PhysicalPlan child) implements PhysicalPlan {
  public HashAggregateExec {
    groupingExpressions = List.copyOf(groupingExpressions);
    aggregates = List.copyOf(aggregates);
    resultExpressions = List.copyOf(resultExpressions);
    Objects.requireNonNull(child, "child is null");
    for (Alias aggregate : aggregates) {
      if (!(aggregate.child() instanceof AggregateCall)) {
        throw new IllegalArgumentException("aggregate is not an aliased aggregate call: " + aggregate);
      }
    }
  }

  /** The columns holding grouping values in the merged table. */
  public List<AttributeReference> groupingAttributes() {
    return groupingExpressions.stream()
        .map(expression -> expression instanceof Alias alias ? alias.toAttribute() : (AttributeReference) expression)
        .toList();
  }

  @Override
  public List<AttributeReference> output() {
    return PlanLists.toAttributes(resultExpressions);
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
    return children.get(0) == child ? this : new HashAggregateExec(groupingExpressions, aggregates, resultExpressions,
        children.get(0));
  }

  @Override
  public String nodeString() {
    return "HashAggregate(keys=" + PlanLists.bracketed(groupingExpressions)
        + ", functions=" + PlanLists.bracketed(aggregates.stream().map(Alias::child).toList())
        + ", output=" + PlanLists.bracketed(output()) + ")";
  }
}
