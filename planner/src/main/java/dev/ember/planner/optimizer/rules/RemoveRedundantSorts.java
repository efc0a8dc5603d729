package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.Sort;
import dev.ember.planner.optimizer.OptimizerRule;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes sorts whose order nobody can observe, as Spark's {@code EliminateSorts} does: a sort below
 * another sort (through deterministic projects and filters, which keep rows in order), a sort below
 * an aggregate whose every function gives the same result in any input order, and sort keys that are
 * constants.
 *
 * <pre>
 * Sort [a ASC]                          Sort [a ASC]
 * +- Project [a, b]                     +- Project [a, b]
 *    +- Sort [b DESC]          =&gt;          +- x
 *       +- x
 *
 * Aggregate [k], [k, max(v)]            Aggregate [k], [k, max(v)]
 * +- Sort [v ASC]              =&gt;       +- x
 *    +- x
 * </pre>
 *
 * A sort below a limit stays: the limit keeps the rows it sorted first. So does a sort below
 * {@code first}, {@code last} or a floating-point {@code sum} (rounding depends on the order).
 */
public final class RemoveRedundantSorts implements OptimizerRule {
  @Override
  public String name() {
    return "RemoveRedundantSorts";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Sort sort) {
        List<SortOrder> order = withoutConstants(sort.order());
        LogicalPlan child = removeSorts(sort.child());
        if (order.isEmpty()) {
          return child;
        }
        return order.size() == sort.order().size() && child == sort.child() ? sort : new Sort(order, child);
      }
      if (node instanceof Aggregate aggregate && orderIrrelevant(aggregate.aggregateExpressions())) {
        return aggregate.withNewChildren(List.of(removeSorts(aggregate.child())));
      }
      return node;
    });
  }

  private static List<SortOrder> withoutConstants(List<SortOrder> order) {
    List<SortOrder> kept = new ArrayList<>(order.size());
    for (SortOrder key : order) {
      if (!key.child().foldable()) {
        kept.add(key);
      }
    }
    return kept.size() == order.size() ? order : kept;
  }

  /** {@code plan} without the sorts at its top, looking through operators that keep row order. */
  private static LogicalPlan removeSorts(LogicalPlan plan) {
    if (plan instanceof Sort sort) {
      return removeSorts(sort.child());
    }
    if (plan instanceof Project project && Determinism.allDeterministic(project.projectList())
        || plan instanceof Filter filter && Determinism.isDeterministic(filter.condition())) {
      return plan.withNewChildren(List.of(removeSorts(plan.children().get(0))));
    }
    return plan;
  }

  private static boolean orderIrrelevant(List<Expression> aggregateExpressions) {
    for (Expression expression : aggregateExpressions) {
      if (expression.exists(node -> node instanceof AggregateCall call && !orderIrrelevant(call))) {
        return false;
      }
    }
    return true;
  }

  private static boolean orderIrrelevant(AggregateCall call) {
    return switch (call.function()) {
      case COUNT, MIN, MAX, COUNT_IF, BOOL_AND, BOOL_OR -> true;
      // Sums of doubles round differently in another order; integral and decimal sums do not.
      case SUM, AVG, STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP, SKEWNESS, KURTOSIS ->
          call.arguments().stream().noneMatch(argument ->
              argument.dataType() instanceof DoubleType || argument.dataType() instanceof FloatType);
      default -> false;
    };
  }
}
