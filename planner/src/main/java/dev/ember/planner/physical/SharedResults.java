package dev.ember.planner.physical;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.optimizer.rules.Determinism;
import java.util.ArrayList;
import java.util.List;

/**
 * Which subplans may be computed once for two places in a query that hold equal copies of them, as
 * Spark reuses an exchange: a view used twice (TPC-H Q15 aggregates revenue per supplier, then joins
 * both the revenue and its maximum). Equal means equal physical plans, attribute ids included, which
 * is what one Dataset used twice plans into. Only plans of scans, filters, projections, hash joins and
 * hash aggregates with deterministic expressions qualify: computing {@code rand()} once instead of
 * twice would change the answer, and other operators are not worth the risk yet.
 */
public final class SharedResults {
  private SharedResults() {}

  public static boolean canShare(PhysicalPlan plan) {
    List<Expression> expressions = new ArrayList<>();
    if (plan instanceof ScanExec) {
      return true;
    } else if (plan instanceof FilterExec filter) {
      expressions.add(filter.condition());
    } else if (plan instanceof ProjectExec project) {
      expressions.addAll(project.projectList());
    } else if (plan instanceof HashJoinExec join) {
      expressions.addAll(join.leftKeys());
      expressions.addAll(join.rightKeys());
      join.condition().ifPresent(expressions::add);
    } else if (plan instanceof HashAggregateExec aggregate) {
      expressions.addAll(aggregate.groupingExpressions());
      expressions.addAll(aggregate.aggregates());
      expressions.addAll(aggregate.resultExpressions());
    } else {
      return false;
    }
    return Determinism.allDeterministic(expressions) && plan.children().stream().allMatch(SharedResults::canShare);
  }
}
