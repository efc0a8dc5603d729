package dev.ember.codegen.spec;

import dev.ember.sql.types.StructType;
import java.util.Objects;

/** Rows reaching the sink are emitted as batches of {@code schema} (the sink input schema). */
public record BatchOutput(StructType schema) implements SinkStep {
  public BatchOutput {
    Objects.requireNonNull(schema, "schema is null");
  }
}
