package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.optimizer.OptimizerRule;

/**
 * Moves a filter below a project, writing its condition in terms of the project's input, so rows are
 * dropped before the projection is computed for them:
 *
 * <pre>
 * Filter (next#7 &gt; 5)                       Project [name#1, (age#2 + 1) AS next#7]
 * +- Project [name#1, (age#2 + 1) AS next#7]   =&gt;   +- Filter ((age#2 + 1) &gt; 5)
 *    +- x                                             +- x
 * </pre>
 *
 * Does not fire when the project list is non-deterministic (the filter would see other values than
 * the rows it keeps), or when the condition uses an alias of an aggregate call, which means nothing
 * below the project.
 */
public final class PushFilterThroughProject implements OptimizerRule {
  @Override
  public String name() {
    return "PushFilterThroughProject";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformDown(node -> {
      if (node instanceof Filter filter && filter.child() instanceof Project project && canPush(filter, project)) {
        Expression condition = AliasSubstitution.of(project.projectList()).substitute(filter.condition());
        return new Project(project.projectList(), new Filter(condition, project.child()));
      }
      return node;
    });
  }

  private static boolean canPush(Filter filter, Project project) {
    if (!Determinism.allDeterministic(project.projectList()) || !Determinism.isDeterministic(filter.condition())) {
      return false;
    }
    AliasSubstitution substitution = AliasSubstitution.of(project.projectList());
    return !filter.condition().exists(node -> node instanceof AttributeReference attribute
        && substitution.definitionOf(attribute) != null
        && substitution.definitionOf(attribute).containsAggregate());
  }
}
