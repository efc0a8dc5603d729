package dev.ember.codegen.spec;

import java.util.List;
import dev.ember.planner.expressions.Expression;

/**
 * Each row reaching the sink finds its group by the bound {@code keys} (in order: beginKey, one key
 * call per key, findOrInsertGroup) and updates accumulator slot {@code i} with {@code accumulators.get(i)}.
 */
public record AggregateUpdate(List<Expression> keys, List<AccumulatorUpdate> accumulators) implements SinkStep {
  public AggregateUpdate {
    keys = List.copyOf(keys);
    accumulators = List.copyOf(accumulators);
  }
}
