package dev.ember.planner.optimizer.rules;

import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.optimizer.OptimizerRule;

/**
 * Moves a limit below a project, so the projection is computed only for the rows kept:
 *
 * <pre>
 * GlobalLimit n                Project l
 * +- Project l         =&gt;      +- GlobalLimit n
 *    +- x                         +- x
 * </pre>
 *
 * A project maps each row to one row in the same order, so the first {@code n} rows are the same
 * either way. Filters, aggregates and sorts change which rows come first, so a limit never passes them.
 * A non-deterministic project list keeps the limit above it.
 */
public final class PushLimitThroughProject implements OptimizerRule {
  @Override
  public String name() {
    return "PushLimitThroughProject";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformDown(node -> {
      if (node instanceof Limit limit && limit.child() instanceof Project project
          && Determinism.allDeterministic(project.projectList())) {
        return new Project(project.projectList(), new Limit(limit.limit(), project.child()));
      }
      return node;
    });
  }
}
