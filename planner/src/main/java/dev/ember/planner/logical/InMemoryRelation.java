package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.sources.TableSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The cached result of a persisted Dataset's plan, standing in for that plan: {@code output} is the
 * plan's output (same attribute ids), column i of {@code source}. Placed by the cache lookup after
 * analysis, so the user's plans never hold it.
 */
public record InMemoryRelation(TableSource source, List<AttributeReference> output) implements LogicalPlan {
  public InMemoryRelation {
    Objects.requireNonNull(source, "source is null");
    output = List.copyOf(output);
    if (output.size() != source.schema().fields().length) {
      throw new IllegalArgumentException("a cached relation of " + source.schema().fields().length
          + " columns cannot output " + output);
    }
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of();
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    if (!children.isEmpty()) {
      throw new IllegalArgumentException("an in-memory relation has no children");
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
    return "InMemoryRelation " + PlanLists.bracketed(output) + ", " + source.describe();
  }
}
