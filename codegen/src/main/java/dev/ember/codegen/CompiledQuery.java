package dev.ember.codegen;

import dev.ember.codegen.pipeline.BuiltPipeline;
import dev.ember.codegen.spec.FilterStep;
import dev.ember.codegen.spec.HasSource;
import dev.ember.codegen.spec.JoinProbeStep;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.codegen.spec.ProjectStep;
import dev.ember.codegen.spec.StreamingStep;
import dev.ember.runtime.pipeline.Pipeline;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A physical plan ready to run: its pipelines with their kernels. Run {@link #root()} with a
 * {@code PipelineExecutor}; the executor runs upstream pipelines first.
 */
public final class CompiledQuery {
  private final List<BuiltPipeline> pipelines;
  private final Pipeline root;
  private final Map<Integer, String> fallbacks;

  CompiledQuery(List<BuiltPipeline> pipelines, Pipeline root, Map<Integer, String> fallbacks) {
    this.pipelines = List.copyOf(pipelines);
    this.root = Objects.requireNonNull(root, "root is null");
    this.fallbacks = Map.copyOf(fallbacks);
  }

  public Pipeline root() {
    return root;
  }

  /** The bound body of each pipeline, in execution order. */
  public List<PipelineSpec> specs() {
    return pipelines.stream().map(BuiltPipeline::spec).toList();
  }

  public List<Pipeline> pipelines() {
    return pipelines.stream().map(BuiltPipeline::pipeline).toList();
  }

  /** Why generated kernels were not used, by pipeline id, for pipelines that fell back to interpreted. */
  public Map<Integer, String> fallbacks() {
    return fallbacks;
  }

  /** One line per pipeline: id, source, fused steps, sink and kernel. */
  public String explainPipelines() {
    StringBuilder out = new StringBuilder();
    for (BuiltPipeline built : pipelines) {
      PipelineSpec spec = built.spec();
      Pipeline pipeline = built.pipeline();
      out.append("Pipeline ").append(spec.pipelineId())
          .append(": source=").append(built.sourceDescription())
          .append(" steps=").append(spec.steps().stream().map(CompiledQuery::describe)
              .collect(Collectors.joining(", ", "[", "]")))
          .append(" sink=").append(pipeline.sink().describe())
          .append(" kernel=").append(pipeline.kernels().describe());
      String fallback = fallbacks.get(spec.pipelineId());
      if (fallback != null) {
        out.append(" (codegen failed: ").append(fallback).append(')');
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** For each pipeline, its kernel's description and, for a generated kernel, its source. */
  public String explainCodegen() {
    StringBuilder out = new StringBuilder();
    for (BuiltPipeline built : pipelines) {
      var kernels = built.pipeline().kernels();
      out.append("== Pipeline ").append(built.spec().pipelineId()).append(": ")
          .append(kernels.describe()).append(" ==\n");
      if (kernels instanceof HasSource generated) {
        out.append(generated.source());
        if (!generated.source().endsWith("\n")) {
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String describe(StreamingStep step) {
    if (step instanceof FilterStep filter) {
      return "Filter " + filter.condition();
    }
    if (step instanceof JoinProbeStep join) {
      return "JoinProbe " + join.mode() + " keys=" + join.keys()
          + (join.residual() == null ? "" : " condition=" + join.residual());
    }
    ProjectStep project = (ProjectStep) step;
    return "Project " + project.expressions();
  }
}
