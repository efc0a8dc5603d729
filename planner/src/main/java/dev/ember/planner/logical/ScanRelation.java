package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.sources.TableSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A scan of a table source. {@code output} names the columns read, each matching a column of the
 * source's schema by name; column pruning narrows it to what the query uses.
 */
public record ScanRelation(TableSource source, List<AttributeReference> output) implements LogicalPlan {
  public ScanRelation {
    Objects.requireNonNull(source, "source is null");
    output = List.copyOf(output);
  }

  /** A scan of every column of {@code source}, with fresh attribute ids. */
  public static ScanRelation of(TableSource source) {
    List<AttributeReference> attributes = source.schema().fieldList().stream()
        .map(field -> AttributeReference.create(field.name(), field.dataType(), field.nullable()))
        .toList();
    return new ScanRelation(source, attributes);
  }

  /** Indexes into the source schema of the output columns, in output order. */
  public int[] columnIndexes() {
    int[] indexes = new int[output.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = source.schema().fieldIndex(output.get(i).name());
    }
    return indexes;
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of();
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    if (!children.isEmpty()) {
      throw new IllegalArgumentException("a scan has no children");
    }
    return this;
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
    return "Relation " + output.stream().map(Object::toString).collect(Collectors.joining(",", "[", "]"))
        + " " + source.formatName()
        + (source.partitionFilters().isEmpty() ? "" : ", PartitionFilters: " + PlanLists.bracketed(source.partitionFilters()))
        + (source.pushedFilters().isEmpty() ? "" : ", PushedFilters: " + PlanLists.bracketed(source.pushedFilters()));
  }
}
