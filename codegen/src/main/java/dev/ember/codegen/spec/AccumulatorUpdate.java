package dev.ember.codegen.spec;

import dev.ember.planner.expressions.Expression;
import dev.ember.runtime.operators.aggregate.AccumulatorKind;
import java.util.Objects;

/**
 * One accumulator's per-row update: evaluate the bound {@code argument}; skip the row when it is null
 * (except {@code COUNT_ROWS}, whose argument is ignored and may be null); else call the table's
 * update method for {@code kind}.
 */
public record AccumulatorUpdate(AccumulatorKind kind, Expression argument) {
  public AccumulatorUpdate {
    Objects.requireNonNull(kind, "kind is null");
  }
}
