package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The input's rows as one stream, in order, as Spark's {@code coalesce(1)} makes one partition of them:
 * placed under operators whose result depends on the order rows reach them, such as sampling.
 */
public record SinglePartition(LogicalPlan child) implements LogicalPlan {
  public SinglePartition {
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    return children.get(0) == child ? this : new SinglePartition(children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> mapping) {
    return this;
  }

  @Override
  public String nodeString() {
    return "Repartition 1, false";
  }
}
