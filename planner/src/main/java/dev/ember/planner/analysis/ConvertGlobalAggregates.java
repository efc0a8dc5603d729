package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import java.util.List;

/**
 * A select list with an aggregate call aggregates the whole input, as in Spark:
 * {@code select(count("*"))} is an aggregate without grouping.
 *
 * <pre>
 * Project [count(1) AS count(1)#5L]  =&gt;  Aggregate [], [count(1) AS count(1)#5L]
 * </pre>
 */
final class ConvertGlobalAggregates implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Project project
          && project.projectList().stream().anyMatch(Expression::containsAggregate)) {
        return new Aggregate(List.of(), project.projectList(), project.child());
      }
      return node;
    });
  }
}
