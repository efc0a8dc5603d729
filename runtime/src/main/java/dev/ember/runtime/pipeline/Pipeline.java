package dev.ember.runtime.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * One executable pipeline: a source, a fused kernel per worker and a sink. The source is either a
 * scan or the output of an upstream pipeline, which the scheduler runs first; a plan is a tree of
 * pipelines (a join adds build sides, which run before the pipeline that probes them).
 */
public final class Pipeline {
  /** A pipeline's input: a ready source, or the sink output of an upstream pipeline. */
  public sealed interface Input permits SourceInput, UpstreamInput, ConcatenatedInput {}

  public record SourceInput(BatchSource source) implements Input {
    public SourceInput {
      Objects.requireNonNull(source, "source is null");
    }
  }

  public record UpstreamInput(Pipeline upstream) implements Input {
    public UpstreamInput {
      Objects.requireNonNull(upstream, "upstream is null");
    }
  }

  /**
   * The outputs of several upstream pipelines, one after another in list order: a union's inputs.
   * The scheduler runs the upstreams in list order.
   */
  public record ConcatenatedInput(java.util.List<Pipeline> upstreams) implements Input {
    public ConcatenatedInput {
      upstreams = java.util.List.copyOf(Objects.requireNonNull(upstreams, "upstreams is null"));
      if (upstreams.isEmpty()) {
        throw new IllegalArgumentException("a concatenated input needs at least one upstream pipeline");
      }
    }
  }

  private final int id;
  private final Input input;
  private final KernelFactory kernels;
  private final PipelineSink sink;
  private final List<Pipeline> buildSides;

  public Pipeline(int id, Input input, KernelFactory kernels, PipelineSink sink) {
    this(id, input, kernels, sink, List.of());
  }

  /**
   * @param buildSides pipelines that must finish before this one starts, whose sink outputs stay
   *     open until it is done: the build sides of the joins probed in this pipeline
   */
  public Pipeline(int id, Input input, KernelFactory kernels, PipelineSink sink, List<Pipeline> buildSides) {
    this.id = id;
    this.input = Objects.requireNonNull(input, "input is null");
    this.kernels = Objects.requireNonNull(kernels, "kernels is null");
    this.sink = Objects.requireNonNull(sink, "sink is null");
    this.buildSides = List.copyOf(buildSides);
  }

  public List<Pipeline> buildSides() {
    return buildSides;
  }

  public int id() {
    return id;
  }

  public Input input() {
    return input;
  }

  public KernelFactory kernels() {
    return kernels;
  }

  public PipelineSink sink() {
    return sink;
  }
}
