package dev.ember.benchmarks;

import dev.ember.benchmarks.engines.Workload;
import dev.ember.benchmarks.report.Machine;
import dev.ember.benchmarks.report.PeakMemory;
import dev.ember.benchmarks.report.ResultsChart;
import dev.ember.benchmarks.report.ResultsReport;
import dev.ember.benchmarks.report.Timing;
import dev.ember.benchmarks.report.WarmupRuns;
import dev.ember.benchmarks.tpch.TpchData;
import dev.ember.benchmarks.tpch.TpchFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The one command behind {@code ./mvnw -Pbench ...}: makes sure the TPC-H data exists, checks that
 * Ember, Spark and DuckDB give equal answers to every benchmark, runs {@link TpchBenchmark} under JMH
 * for each engine and core count, then rewrites the generated section of {@code RESULTS.md}, the chart
 * and the raw JMH JSON beside it.
 *
 * <p>Options: {@code --scale 1 --cores 1,2 --warmup-seconds 10 --warmup 1 --iterations 3 --engines ember,spark,duckdb
 * --benchmarks all|q1,q6,... --results path/RESULTS.md}.
 */
public final class TpchSuite {
  private TpchSuite() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    String scale = options.getOrDefault("scale", "1");
    List<Integer> cores = Arrays.stream(options.getOrDefault("cores", "1,2").split(",")).map(String::trim)
        .map(Integer::parseInt).toList();
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
    int iterations = Integer.parseInt(options.getOrDefault("iterations", "3"));
    String warmupSeconds = options.getOrDefault("warmup-seconds", "10");
    List<String> engines = Arrays.stream(options.getOrDefault("engines", "ember,spark,duckdb").split(","))
        .map(String::trim).toList();
    String benchmarks = options.getOrDefault("benchmarks", "all");
    List<Workload> workloads = benchmarks.equals("all") ? List.of(Workload.values())
        : Arrays.stream(benchmarks.split(",")).map(String::trim).map(Workload::forBenchmarkMethod).toList();
    Path results = Path.of(options.getOrDefault("results", "benchmarks/RESULTS.md")).toAbsolutePath();
    Path directory = results.getParent();
    String command = "./mvnw -Pbench package -pl benchmarks -am -DskipTests -Dbench.scale=" + scale
        + " -Dbench.cores=" + String.join(",", cores.stream().map(String::valueOf).toList())
        + (benchmarks.equals("all") ? "" : " -Dbench.benchmarks=" + benchmarks)
        + (warmupSeconds.equals("10") ? "" : " -Dbench.warmupSeconds=" + warmupSeconds);

    String loadBefore = Machine.loadAverage();
    String commit = gitCommit(directory); // Now, before anything is timed: the code that is measured.
    TpchFiles files = TpchData.ensure(Double.parseDouble(scale));
    System.out.println("TPC-H data: " + files.root());
    int checkCores = cores.stream().mapToInt(Integer::intValue).max().orElse(1);
    AnswerCheck.Verified verified = AnswerCheck.verify(files, checkCores, workloads);

    Path memoryLog = Files.createTempFile("ember-bench-memory-", ".tsv");
    Path warmupLog = Files.createTempFile("ember-bench-warmup-", ".tsv");
    Path json = directory.resolve("jmh-tpch.json");
    Options jmh = new OptionsBuilder()
        .include(TpchBenchmark.class.getName() + "\\.("
            + String.join("|", workloads.stream().map(Workload::benchmarkMethod).toList()) + ")$")
        .param("engine", engines.toArray(new String[0]))
        .param("cores", cores.stream().map(String::valueOf).toArray(String[]::new))
        .param("scaleFactor", scale)
        .param("warmupSeconds", warmupSeconds)
        .warmupIterations(warmup)
        .measurementIterations(iterations)
        .jvmArgsPrepend("-D" + MemoryRecorder.LOG_PROPERTY + "=" + memoryLog,
            "-D" + WarmupRuns.LOG_PROPERTY + "=" + warmupLog)
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString())
        .build();
    Collection<RunResult> runs = new Runner(jmh).run();

    List<Timing> timings = new ArrayList<>();
    for (RunResult run : runs) {
      String benchmark = run.getParams().getBenchmark();
      Workload workload = Workload.forBenchmarkMethod(benchmark.substring(benchmark.lastIndexOf('.') + 1));
      List<Double> millis = new ArrayList<>();
      for (BenchmarkResult fork : run.getBenchmarkResults()) {
        for (IterationResult iteration : fork.getIterationResults()) {
          millis.add(iteration.getPrimaryResult().getScore());
        }
      }
      timings.add(new Timing(workload, run.getParams().getParam("engine"),
          Integer.parseInt(run.getParams().getParam("cores")), millis));
    }
    List<PeakMemory> memory = PeakMemory.read(memoryLog);
    Files.deleteIfExists(memoryLog);
    List<Timing> warmupRuns = WarmupRuns.read(warmupLog);
    Files.deleteIfExists(warmupLog);

    String chart = "tpch-results.png";
    ResultsChart.write(directory.resolve(chart), "TPC-H scale factor " + scale + ": Ember, Spark 4.2, DuckDB",
        timings, workloads, cores);
    Map<String, String> versions = new LinkedHashMap<>(verified.versions());
    versions.put("ember", "Ember " + options.getOrDefault("ember-version", "") + commit);
    versions.put("duckdb", verified.versions().get("duckdb") + " (duckdb_jdbc)");
    ResultsReport.write(results, new ResultsReport.Run(scale, cores, Double.parseDouble(warmupSeconds), warmup,
        iterations, command,
        ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE), Machine.current(), versions,
        verified.rows(), files, workloads, timings, warmupRuns, memory, chart, loadBefore, Machine.loadAverage()));
    System.out.println("Wrote " + results + ", " + directory.resolve(chart) + " and " + json);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected '--name value' pairs, got '" + String.join(" ", args) + "'");
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  /** {@code " (commit abc1234)"} when git can tell, so a result names the code it measured. */
  private static String gitCommit(Path directory) {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(directory.toFile())
          .redirectErrorStream(true).start();
      String commit = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
      return git.waitFor() == 0 && !commit.isEmpty() ? " (commit " + commit + ")" : "";
    } catch (java.io.IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
