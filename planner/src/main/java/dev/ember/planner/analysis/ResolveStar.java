package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.UnresolvedStar;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands {@code *} in a select list (or an aggregate list, as Spark does) into the input's columns.
 * A star anywhere else is left for {@link ResolveFunctions} ({@code count(*)}) or reported.
 *
 * <pre>
 * Project [*]                        Project [name#1, age#2]
 * +- Relation [name#1,age#2] csv  =&gt; +- Relation [name#1,age#2] csv
 * </pre>
 */
final class ResolveStar implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!ColumnResolver.childrenReady(node)) {
        return node;
      }
      if (node instanceof Project project && hasStar(project.projectList())) {
        return new Project(expand(project.projectList(), node), project.child());
      }
      if (node instanceof Aggregate aggregate && hasStar(aggregate.aggregateExpressions())) {
        return new Aggregate(aggregate.groupingExpressions(), expand(aggregate.aggregateExpressions(), node),
            aggregate.child());
      }
      return node;
    });
  }

  private static boolean hasStar(List<Expression> expressions) {
    return expressions.stream().anyMatch(expression -> expression instanceof UnresolvedStar);
  }

  private static List<Expression> expand(List<Expression> expressions, LogicalPlan node) {
    List<Expression> expanded = new ArrayList<>();
    for (Expression expression : expressions) {
      if (expression instanceof UnresolvedStar) {
        expanded.addAll(node.childOutput());
      } else {
        expanded.add(expression);
      }
    }
    return expanded;
  }
}
