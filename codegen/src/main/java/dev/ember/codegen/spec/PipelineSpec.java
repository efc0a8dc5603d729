package dev.ember.codegen.spec;

import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Objects;

/**
 * The fused body of one pipeline in bound form: what a kernel does to each input batch, from the
 * source's columns through filters and projections to the sink's per-row work. Both kernel
 * implementations read it: the Janino-generated one and the interpreted, vectorized fallback, which
 * must give the same results.
 *
 * <p>Expressions are bound: column references are {@code BoundReference}s whose ordinals index the
 * schema flowing into that step ({@code inputSchema} for the first step, the previous project's
 * {@code outputSchema} after it; a filter does not change the schema). They contain no aliases,
 * attributes or unresolved nodes.
 */
public record PipelineSpec(int pipelineId, StructType inputSchema, List<StreamingStep> steps, SinkStep sink) {
  public PipelineSpec {
    Objects.requireNonNull(inputSchema, "inputSchema is null");
    steps = List.copyOf(steps);
    Objects.requireNonNull(sink, "sink is null");
  }

  /** The schema that reaches the sink step. */
  public StructType sinkInputSchema() {
    StructType schema = inputSchema;
    for (StreamingStep step : steps) {
      if (step instanceof ProjectStep project) {
        schema = project.outputSchema();
      } else if (step instanceof JoinProbeStep join) {
        schema = join.outputSchema();
      }
    }
    return schema;
  }
}
