package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.WindowExpression;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves the window expressions of a select list into {@link Window} nodes below it, one node per
 * distinct partitioning and ordering, as Spark does; the select list then reads their columns. Waits
 * until the list is resolved and named, so column names and ids stay those the user saw.
 *
 * <pre>
 * Project [k#0, row_number() OVER (...) AS rn#5]  =&gt;  Project [k#0, rn#5]
 *                                                      +- Window [row_number() OVER (...) AS rn#5], [k#0], [o#1 ASC NULLS FIRST]
 * </pre>
 */
final class ExtractWindowExpressions implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Project project)
          || project.projectList().stream().noneMatch(e -> e.exists(part -> part instanceof WindowExpression))
          || !project.projectList().stream().allMatch(ExtractWindowExpressions::named)) {
        return node;
      }
      Map<WindowExpression, Alias> windows = new LinkedHashMap<>();
      List<Expression> projectList = new ArrayList<>();
      for (Expression item : project.projectList()) {
        if (item instanceof Alias alias && alias.child() instanceof WindowExpression window
            && !windows.containsKey(window)) {
          windows.put(window, alias);
          projectList.add(alias.toAttribute());
        } else {
          projectList.add(item.transformDown(part -> part instanceof WindowExpression window
              ? windows.computeIfAbsent(window, w -> Alias.of(w, Identifiers.sql(w))).toAttribute() : part));
        }
      }
      Map<List<Expression>, List<Alias>> bySpecification = new LinkedHashMap<>();
      for (Map.Entry<WindowExpression, Alias> entry : windows.entrySet()) {
        List<Expression> specification = new ArrayList<>(entry.getKey().partitionSpec());
        specification.addAll(entry.getKey().orderSpec());
        bySpecification.computeIfAbsent(specification, s -> new ArrayList<>()).add(entry.getValue());
      }
      LogicalPlan child = project.child();
      for (List<Alias> group : bySpecification.values()) {
        WindowExpression first = (WindowExpression) group.get(0).child();
        child = new Window(group, first.partitionSpec(), first.orderSpec(), child);
      }
      return new Project(projectList, child);
    });
  }

  private static boolean named(Expression item) {
    return item.resolved() && (item instanceof Alias || item instanceof AttributeReference);
  }
}
