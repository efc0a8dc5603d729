package dev.ember.codegen.spec;

import dev.ember.planner.expressions.Expression;
import java.util.Objects;

/** Keeps rows whose bound boolean {@code condition} is true (false and null drop the row). */
public record FilterStep(Expression condition) implements StreamingStep {
  public FilterStep {
    Objects.requireNonNull(condition, "condition is null");
  }
}
