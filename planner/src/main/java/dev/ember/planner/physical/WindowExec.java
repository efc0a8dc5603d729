package dev.ember.planner.physical;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.logical.PlanLists;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Window functions over one partitioning and ordering. Every input the functions read, every
 * partition key and every order key is a column of the child (the planner projects expressions
 * first); runs as a sort by partition then order keys followed by a pass over each partition.
 */
public record WindowExec(List<Alias> windowExpressions, List<AttributeReference> partitionSpec,
    List<SortOrder> orderSpec, PhysicalPlan child) implements PhysicalPlan {
  public WindowExec {
    windowExpressions = List.copyOf(windowExpressions);
    partitionSpec = List.copyOf(partitionSpec);
    orderSpec = List.copyOf(orderSpec);
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> output = new ArrayList<>(child.output());
    windowExpressions.forEach(alias -> output.add(alias.toAttribute()));
    return output;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
    return children.get(0) == child ? this : new WindowExec(windowExpressions, partitionSpec, orderSpec, children.get(0));
  }

  @Override
  public String nodeString() {
    return "Window " + PlanLists.bracketed(windowExpressions) + ", " + PlanLists.bracketed(partitionSpec) + ", "
        + PlanLists.bracketed(orderSpec);
  }
}
