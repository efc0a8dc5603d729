package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** {@code select}: computes a list of named expressions (aliases or attributes) per input row. */
public record Project(List<Expression> projectList, LogicalPlan child) implements LogicalPlan {
  public Project {
    projectList = List.copyOf(projectList);
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    return PlanLists.toAttributes(projectList);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    return children.get(0) == child ? this : new Project(projectList, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return projectList;
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> mapping) {
    List<Expression> mapped = PlanLists.map(projectList, mapping, Expression.class);
    return mapped == projectList ? this : new Project(mapped, child);
  }

  @Override
  public String nodeString() {
    return "Project " + PlanLists.bracketed(projectList);
  }
}
