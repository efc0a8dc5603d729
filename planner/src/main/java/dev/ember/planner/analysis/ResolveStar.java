package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedStar;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
      if (node instanceof Project project && hasStar(project.projectList(), node)) {
        return new Project(expand(project.projectList(), node), project.child());
      }
      if (node instanceof Aggregate aggregate && hasStar(aggregate.aggregateExpressions(), node)) {
        return new Aggregate(aggregate.groupingExpressions(), expand(aggregate.aggregateExpressions(), node),
            aggregate.child());
      }
      return node;
    });
  }

  private static boolean hasStar(List<Expression> expressions, LogicalPlan node) {
    return expressions.stream().anyMatch(expression -> expression instanceof UnresolvedStar
        || qualifiedStar(expression) != null && expandsQualifier(node, qualifiedStar(expression)));
  }

  /** The qualifier {@code a} of {@code col("a.*")} (every column of {@code df.as("a")}), else null. */
  private static String qualifiedStar(Expression expression) {
    if (expression instanceof UnresolvedAttribute attribute && attribute.name().endsWith(".*")
        && attribute.name().length() > 2) {
      return attribute.name().substring(0, attribute.name().length() - 2);
    }
    return null;
  }

  private static boolean expandsQualifier(LogicalPlan node, String qualifier) {
    return Qualifiers.ofInputs(node.children()).values().stream().anyMatch(qualifier::equalsIgnoreCase);
  }

  private static List<Expression> expand(List<Expression> expressions, LogicalPlan node) {
    List<Expression> expanded = new ArrayList<>();
    for (Expression expression : expressions) {
      String qualifier = qualifiedStar(expression);
      if (expression instanceof UnresolvedStar) {
        expanded.addAll(node.childOutput());
      } else if (qualifier != null && expandsQualifier(node, qualifier)) {
        Map<Long, String> qualifiers = Qualifiers.ofInputs(node.children());
        for (AttributeReference column : node.childOutput()) {
          if (qualifier.equalsIgnoreCase(qualifiers.get(column.exprId()))) {
            expanded.add(column);
          }
        }
      } else {
        expanded.add(expression);
      }
    }
    return expanded;
  }
}
