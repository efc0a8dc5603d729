package dev.ember.benchmarks;

import dev.ember.benchmarks.engines.Answers;
import dev.ember.benchmarks.engines.QueryEngine;
import dev.ember.benchmarks.engines.Workload;
import dev.ember.benchmarks.tpch.TpchFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every workload once on Ember, Spark and DuckDB and fails if any answer differs from Spark's,
 * so that no engine is timed on work that gives a different result.
 */
public final class AnswerCheck {
  private AnswerCheck() {}

  /** What the check established: answer rows per workload, and each engine's version. */
  public record Verified(Map<Workload, Integer> rows, Map<String, String> versions) {}

  /** Checks every workload; throws, naming each difference, unless all engines agree on all of them. */
  public static Verified verify(TpchFiles files, int cores, List<Workload> workloads) throws Exception {
    Map<Workload, Integer> rows = new LinkedHashMap<>();
    Map<String, String> versions = new LinkedHashMap<>();
    try (QueryEngine spark = QueryEngine.start("spark", cores, files);
         QueryEngine ember = QueryEngine.start("ember", cores, files);
         QueryEngine duckDb = QueryEngine.start("duckdb", cores, files)) {
      versions.put("ember", ember.version());
      versions.put("spark", spark.version());
      versions.put("duckdb", duckDb.version());
      List<String> failures = new ArrayList<>();
      for (Workload workload : workloads) {
        List<List<Object>> expected = spark.answer(workload);
        Optional<String> emberDifference = Answers.difference("Spark", expected, "Ember", ember.answer(workload), workload.ordered());
        Optional<String> duckDbDifference = Answers.difference("Spark", expected, "DuckDB", duckDb.answer(workload), workload.ordered());
        emberDifference.ifPresent(difference -> failures.add(workload + ": " + difference));
        duckDbDifference.ifPresent(difference -> failures.add(workload + ": " + difference));
        System.out.printf("answer check %-22s %9d rows: %s%n", workload, expected.size(),
            emberDifference.isEmpty() && duckDbDifference.isEmpty() ? "Ember = Spark = DuckDB" : "DIFFERENT");
        rows.put(workload, expected.size());
      }
      if (!failures.isEmpty()) {
        throw new IllegalStateException("answers differ between engines; nothing was timed:\n" + String.join("\n", failures));
      }
    }
    return new Verified(rows, versions);
  }
}
