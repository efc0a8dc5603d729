package dev.ember.runtime.scheduler;

import dev.ember.runtime.memory.Resources;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.runtime.sources.MaterializedSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs of pipelines that more than one pipeline reads (a result computed once for two equal
 * parts of a plan). The first reader runs the pipeline; its output is split into one source per
 * reader, and the later readers take theirs from here. Outputs no reader took (the query failed
 * first) are freed by {@link #close()}.
 */
final class SharedOutputs implements AutoCloseable {
  private final Map<Pipeline, Integer> readers;
  private final Map<Pipeline, Deque<BatchSource>> waiting = new IdentityHashMap<>();

  private SharedOutputs(Map<Pipeline, Integer> readers) {
    this.readers = readers;
  }

  /** Counts the readers of every pipeline under {@code root}: inputs, union members and build sides. */
  static SharedOutputs of(Pipeline root) {
    Map<Pipeline, Integer> readers = new IdentityHashMap<>();
    Deque<Pipeline> pending = new ArrayDeque<>();
    pending.push(root);
    readers.put(root, 0);
    while (!pending.isEmpty()) {
      for (Pipeline upstream : upstreams(pending.pop())) {
        Integer count = readers.get(upstream);
        readers.put(upstream, count == null ? 1 : count + 1);
        if (count == null) {
          pending.push(upstream);
        }
      }
    }
    return new SharedOutputs(readers);
  }

  private static List<Pipeline> upstreams(Pipeline pipeline) {
    List<Pipeline> upstreams = new ArrayList<>(pipeline.buildSides());
    if (pipeline.input() instanceof Pipeline.UpstreamInput upstream) {
      upstreams.add(upstream.upstream());
    } else if (pipeline.input() instanceof Pipeline.ConcatenatedInput concatenated) {
      upstreams.addAll(concatenated.upstreams());
    }
    return upstreams;
  }

  /** The output left for this reader of {@code pipeline}, or null when the pipeline has not run yet. */
  BatchSource take(Pipeline pipeline) {
    Deque<BatchSource> outputs = waiting.get(pipeline);
    return outputs == null ? null : outputs.poll();
  }

  /** {@code output} itself for a pipeline with one reader; otherwise the first reader's share of it. */
  BatchSource distribute(Pipeline pipeline, BatchSource output) {
    int count = readers.getOrDefault(pipeline, 0);
    if (count <= 1) {
      return output;
    }
    if (!(output instanceof MaterializedSource materialized)) {
      output.close();
      throw new IllegalStateException("pipeline " + pipeline.id() + " has " + count
          + " readers, but its output " + output.getClass().getSimpleName() + " cannot be shared");
    }
    List<MaterializedSource> shares = materialized.share(count);
    waiting.put(pipeline, new ArrayDeque<>(shares.subList(1, shares.size())));
    return shares.get(0);
  }

  @Override
  public void close() {
    List<BatchSource> untaken = new ArrayList<>();
    waiting.values().forEach(untaken::addAll);
    waiting.clear();
    Resources.closeAll(untaken);
  }
}
