package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.PlanLists;
import dev.ember.planner.sources.TableSource;
import java.util.List;
import java.util.Objects;

/** Reads a persisted Dataset's cached batches; {@code output} is column i of {@code source}. */
public record InMemoryTableScanExec(TableSource source, List<AttributeReference> output) implements PhysicalPlan {
  public InMemoryTableScanExec {
    Objects.requireNonNull(source, "source is null");
    output = List.copyOf(output);
  }

  /** Every column of the source, in order. */
  public int[] columns() {
    int[] columns = new int[output.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = i;
    }
    return columns;
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
    if (!children.isEmpty()) {
      throw new IllegalArgumentException("an in-memory table scan has no children");
    }
    return this;
  }

  @Override
  public String nodeString() {
    return "InMemoryTableScan " + PlanLists.bracketed(output) + ", InMemoryRelation " + source.describe();
  }
}
