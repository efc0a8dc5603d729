package dev.ember.codegen.spec;

import dev.ember.planner.expressions.Expression;
import dev.ember.sql.types.StructType;
import java.util.List;

/** Computes one bound expression per output column; {@code outputSchema} names and types them. */
public record ProjectStep(List<Expression> expressions, StructType outputSchema) implements StreamingStep {
  public ProjectStep {
    expressions = List.copyOf(expressions);
    if (expressions.size() != outputSchema.length()) {
      throw new IllegalArgumentException("project has " + expressions.size() + " expressions for "
          + outputSchema.length() + " output columns");
    }
  }
}
