package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * {@code repartition(n[, cols])} ({@code shuffle}) or {@code coalesce(n)}. Ember's workers share every
 * result, so the node changes no row and the optimizer drops it; what it still decides is how many
 * files a write of its rows produces, which the writer reads from the plan before optimization.
 *
 * @param numPartitions empty for {@code repartition(cols)}, whose partition count Spark's adaptive
 *     execution picks from the data size
 * @param partitionExpressions the hash-partitioning keys of {@code repartition([n, ]cols)}, empty for
 *     round-robin {@code repartition(n)} and for {@code coalesce(n)}
 */
public record Repartition(OptionalInt numPartitions, List<Expression> partitionExpressions, boolean shuffle,
    LogicalPlan child) implements LogicalPlan {
  public Repartition {
    Objects.requireNonNull(numPartitions, "numPartitions is null");
    if (numPartitions.isPresent() && numPartitions.getAsInt() < 1) {
      throw new IllegalArgumentException("numPartitions must be positive, got " + numPartitions.getAsInt());
    }
    if (numPartitions.isEmpty() && (!shuffle || partitionExpressions.isEmpty())) {
      throw new IllegalArgumentException("only repartition(cols) leaves the number of partitions open");
    }
    partitionExpressions = List.copyOf(Objects.requireNonNull(partitionExpressions, "partitionExpressions is null"));
    Objects.requireNonNull(child, "child is null");
    if (!shuffle && !partitionExpressions.isEmpty()) {
      throw new IllegalArgumentException("coalesce takes no partitioning expressions");
    }
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
    return children.get(0) == child ? this
        : new Repartition(numPartitions, partitionExpressions, shuffle, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return partitionExpressions;
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> mapping) {
    List<Expression> mapped = PlanLists.map(partitionExpressions, mapping, Expression.class);
    return mapped == partitionExpressions ? this : new Repartition(numPartitions, mapped, shuffle, child);
  }

  @Override
  public String nodeString() {
    String count = numPartitions.isPresent() ? Integer.toString(numPartitions.getAsInt()) : "adaptive";
    if (!shuffle) {
      return "Repartition " + count + ", false";
    }
    return partitionExpressions.isEmpty() ? "Repartition " + count + ", true"
        : "RepartitionByExpression " + partitionExpressions + ", " + count;
  }
}
