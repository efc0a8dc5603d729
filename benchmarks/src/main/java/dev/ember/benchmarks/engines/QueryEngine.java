package dev.ember.benchmarks.engines;

import dev.ember.benchmarks.tpch.TpchFiles;
import java.util.List;
import java.util.Locale;

/** One engine under test, started with a number of cores over one TPC-H data set. */
public sealed interface QueryEngine extends AutoCloseable permits EmberEngine, SparkEngine, DuckDbEngine {
  /** Runs {@code workload} to completion and returns the engine's own answer object (what is timed). */
  Object run(Workload workload) throws Exception;

  /** Runs {@code workload} and returns its answer as rows of plain Java values. */
  List<List<Object>> answer(Workload workload) throws Exception;

  /** The engine's name and version, e.g. {@code "DuckDB v1.4.0"}. */
  String version() throws Exception;

  /** Stops the engine and releases its threads and memory. */
  @Override
  void close();

  /** Starts the engine named {@code ember}, {@code spark} or {@code duckdb}. */
  static QueryEngine start(String name, int cores, TpchFiles files) throws Exception {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be at least 1, got " + cores);
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "ember" -> new EmberEngine(cores, files);
      case "spark" -> new SparkEngine(cores, files);
      case "duckdb" -> new DuckDbEngine(cores, files);
      default -> throw new IllegalArgumentException("unknown engine '" + name + "'; expected ember, spark or duckdb");
    };
  }
}
