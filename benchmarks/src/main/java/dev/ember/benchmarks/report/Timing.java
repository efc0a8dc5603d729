package dev.ember.benchmarks.report;

import dev.ember.benchmarks.engines.Workload;
import java.util.List;
import java.util.Objects;

/** The measured iterations of one workload on one engine with one core count, in milliseconds. */
public record Timing(Workload workload, String engine, int cores, List<Double> iterationsMillis) {
  public Timing {
    Objects.requireNonNull(workload, "workload is null");
    Objects.requireNonNull(engine, "engine is null");
    iterationsMillis = List.copyOf(iterationsMillis);
    if (iterationsMillis.isEmpty()) {
      throw new IllegalArgumentException("no measured iterations for " + workload + " on " + engine);
    }
  }

  /** The median iteration: single shots on a noisy machine have outliers the mean would follow. */
  public double medianMillis() {
    List<Double> sorted = iterationsMillis.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
