package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.PlanLists;
import dev.ember.planner.sources.TableSource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Reads columns {@code columnIndexes} of a table source; they become {@code output}, in order. */
public record ScanExec(TableSource source, List<AttributeReference> output, List<Integer> columnIndexes)
    implements PhysicalPlan {
  public ScanExec {
    Objects.requireNonNull(source, "source is null");
    output = List.copyOf(output);
    columnIndexes = List.copyOf(columnIndexes);
    if (output.size() != columnIndexes.size()) {
      throw new IllegalArgumentException("scan output and column indexes differ in length");
    }
  }

  static ScanExec of(TableSource source, List<AttributeReference> output, int[] columnIndexes) {
    return new ScanExec(source, output, Arrays.stream(columnIndexes).boxed().toList());
  }

  public int[] columns() {
    return columnIndexes.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of();
  }

  @Override
  public PhysicalPlan withNewChildren(List<PhysicalPlan> children) {
    return LeafExec.noChildren(this, children);
  }

  @Override
  public String nodeString() {
    return "FileScan " + source.formatName() + " "
        + output.stream().map(Object::toString).collect(Collectors.joining(",", "[", "]"))
        + (source.partitionFilters().isEmpty() ? "" : ", PartitionFilters: " + PlanLists.bracketed(source.partitionFilters()))
        + (source.pushedFilters().isEmpty() ? "" : ", PushedFilters: " + PlanLists.bracketed(source.pushedFilters()))
        + ", " + source.describe();
  }
}
