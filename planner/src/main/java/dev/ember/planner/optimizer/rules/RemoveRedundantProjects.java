package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.optimizer.OptimizerRule;
import java.util.List;

/**
 * Removes a project that passes its child's columns through unchanged, in the same order:
 *
 * <pre>
 * Project [a#1, b#2]
 * +- x [a#1, b#2]       =&gt;      x [a#1, b#2]
 * </pre>
 *
 * Names must match too: a project that only renames a column is not redundant.
 */
public final class RemoveRedundantProjects implements OptimizerRule {
  @Override
  public String name() {
    return "RemoveRedundantProjects";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node instanceof Project project && passesChildThrough(project)) {
        return project.child();
      }
      return node;
    });
  }

  private static boolean passesChildThrough(Project project) {
    List<Expression> projectList = project.projectList();
    List<AttributeReference> childOutput = project.child().output();
    if (projectList.size() != childOutput.size()) {
      return false;
    }
    for (int i = 0; i < projectList.size(); i++) {
      AttributeReference produced = childOutput.get(i);
      if (!(projectList.get(i) instanceof AttributeReference entry)
          || entry.exprId() != produced.exprId() || !entry.name().equals(produced.name())) {
        return false;
      }
    }
    return true;
  }
}
