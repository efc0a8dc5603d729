package dev.ember.codegen.pipeline;

import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.runtime.pipeline.Pipeline;
import java.util.Objects;

/** One pipeline cut from a plan: its bound body, where its input comes from (for explain), and the runtime pipeline. */
public record BuiltPipeline(PipelineSpec spec, String sourceDescription, Pipeline pipeline) {
  public BuiltPipeline {
    Objects.requireNonNull(spec, "spec is null");
    Objects.requireNonNull(sourceDescription, "sourceDescription is null");
    Objects.requireNonNull(pipeline, "pipeline is null");
  }
}
