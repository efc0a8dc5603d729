package dev.ember.codegen.spec;

import dev.ember.planner.expressions.Expression;
import dev.ember.runtime.operators.aggregate.AccumulatorKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One accumulator's per-row update: evaluate the bound {@code arguments}; skip the row when one is null
 * (except {@code COUNT_ROWS}, whose argument is ignored and may be absent, and {@code OBJECT}, whose
 * arguments are all staged, nulls too); else call the table's update method for {@code kind}.
 */
public record AccumulatorUpdate(AccumulatorKind kind, List<Expression> arguments) {
  public AccumulatorUpdate {
    Objects.requireNonNull(kind, "kind is null");
    arguments = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(arguments, "arguments is null")));
  }

  /** A one-argument update; {@code argument} may be null for {@code COUNT_ROWS}. */
  public AccumulatorUpdate(AccumulatorKind kind, Expression argument) {
    this(kind, argument == null ? List.of() : List.of(argument));
  }

  /** The first argument, or null when there is none. */
  public Expression argument() {
    return arguments.isEmpty() ? null : arguments.get(0);
  }
}
