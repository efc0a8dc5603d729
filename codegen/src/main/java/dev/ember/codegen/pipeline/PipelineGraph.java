package dev.ember.codegen.pipeline;

import dev.ember.runtime.pipeline.Pipeline;
import java.util.List;
import java.util.Objects;

/** A plan's pipelines in execution order (ids 1, 2, 3 ...); {@code root} runs last and yields the result. */
public record PipelineGraph(List<BuiltPipeline> pipelines, Pipeline root) {
  public PipelineGraph {
    pipelines = List.copyOf(pipelines);
    Objects.requireNonNull(root, "root is null");
  }
}
