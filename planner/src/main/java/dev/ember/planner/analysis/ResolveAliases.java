package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.PlanLists;
import dev.ember.planner.logical.Project;
import java.util.List;

/**
 * Names every unnamed, resolved entry of a select or aggregate list with Spark's generated name, its
 * pretty SQL: {@code (age > 26)}, {@code avg(age)}, {@code count(1)}. Runs before type coercion so
 * names never show implicit casts.
 *
 * <pre>
 * Project [(age#2 > 26)]  =&gt;  Project [(age#2 > 26) AS (age > 26)#7]
 * </pre>
 */
final class ResolveAliases implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Project project) {
        List<Expression> named = name(project.projectList());
        return named == project.projectList() ? node : new Project(named, project.child());
      }
      if (node instanceof Aggregate aggregate) {
        List<Expression> named = name(aggregate.aggregateExpressions());
        return named == aggregate.aggregateExpressions() ? node
            : new Aggregate(aggregate.groupingExpressions(), named, aggregate.child());
      }
      return node;
    });
  }

  private static List<Expression> name(List<Expression> expressions) {
    return PlanLists.map(expressions, ResolveAliases::name, Expression.class);
  }

  private static Expression name(Expression expression) {
    if (expression instanceof Alias || expression instanceof AttributeReference || !expression.resolved()
        || expression instanceof dev.ember.planner.expressions.Generator) {
      // A generator's columns are named when ExtractGenerators moves it out of the select list.
      return expression;
    }
    if (expression instanceof dev.ember.planner.expressions.Cast cast
        && cast.child() instanceof AttributeReference column) {
      // Spark names a cast (or try_cast) of a column after the column: CAST(i AS TINYINT) is i.
      return Alias.of(expression, column.name());
    }
    return Alias.of(expression, Identifiers.sql(expression));
  }
}
