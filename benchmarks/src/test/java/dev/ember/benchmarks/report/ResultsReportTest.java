package dev.ember.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.benchmarks.engines.Workload;
import dev.ember.benchmarks.tpch.TpchFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsReportTest {
  @TempDir
  Path directory;

  @Test
  void theGeneratedSectionIsReplacedAndHandWrittenTextAroundItKept() throws Exception {
    Path results = directory.resolve("RESULTS.md");
    Files.writeString(results, "# Results\n\nintro\n\n" + ResultsReport.BEGIN + "\nold numbers\n" + ResultsReport.END
        + "\n\n## Analysis\n\nkept\n");

    ResultsReport.write(results, run(List.of(
        new Timing(Workload.Q1, "ember", 1, List.of(100.0, 300.0, 200.0)),
        new Timing(Workload.Q1, "spark", 1, List.of(800.0)),
        new Timing(Workload.Q1, "duckdb", 1, List.of(50.0)),
        new Timing(Workload.Q6, "ember", 1, List.of(10.0)),
        new Timing(Workload.Q6, "spark", 1, List.of(40.0)),
        new Timing(Workload.Q6, "duckdb", 1, List.of(20.0)))));
    ResultsReport.write(results, run(List.of(new Timing(Workload.Q1, "ember", 1, List.of(100.0)))));

    String text = Files.readString(results);
    assertTrue(text.startsWith("# Results\n\nintro\n\n" + ResultsReport.BEGIN), text);
    assertTrue(text.endsWith(ResultsReport.END + "\n\n## Analysis\n\nkept\n"), text);
    assertFalse(text.contains("old numbers"), text);
    assertEquals(1, text.split(java.util.regex.Pattern.quote(ResultsReport.BEGIN), -1).length - 1, "exactly one generated section");
  }

  @Test
  void ratiosAndTheirGeometricMeanAreEmberOverTheOtherEngine() throws Exception {
    String text = ResultsReport.render(run(List.of(
        new Timing(Workload.Q1, "ember", 1, List.of(100.0, 300.0, 200.0)),
        new Timing(Workload.Q1, "spark", 1, List.of(800.0)),
        new Timing(Workload.Q1, "duckdb", 1, List.of(50.0)),
        new Timing(Workload.Q6, "ember", 1, List.of(10.0)),
        new Timing(Workload.Q6, "spark", 1, List.of(40.0)),
        new Timing(Workload.Q6, "duckdb", 1, List.of(20.0)))));
    // Q1: median 200 ms; 200/800 = 0.25, 200/50 = 4. Q6: 0.25 and 0.5. Geometric means 0.25 and sqrt(2).
    assertTrue(text.contains("| TPC-H Q1 | 1 | 200 | 800 | 50.0 | 0.25 | 4.00 |"), text);
    assertTrue(text.contains("| **Geometric mean of ratios** | 1 | | | | **0.25** | **1.41** |"), text);
  }

  @Test
  void theChartIsAPngWithOnePanelPerCoreCount() throws Exception {
    Path chart = directory.resolve("chart.png");
    List<Timing> timings = new ArrayList<>();
    for (Workload workload : Workload.values()) {
      for (int cores = 1; cores <= 2; cores++) {
        timings.add(new Timing(workload, "ember", cores, List.of(120.0 * cores)));
        timings.add(new Timing(workload, "spark", cores, List.of(4500.0)));
        timings.add(new Timing(workload, "duckdb", cores, List.of(35.0)));
      }
    }
    ResultsChart.write(chart, "title", timings, List.of(Workload.values()), List.of(1, 2));
    BufferedImage image = ImageIO.read(chart.toFile());
    // Every workload gets a 90-pixel group beside the 80-pixel axis and 20-pixel margin.
    assertEquals(80 + 20 + 90 * Workload.values().length, image.getWidth());
    assertEquals(2 * 380 + 30, image.getHeight());
  }

  @Test
  void aChartOfFewWorkloadsKeepsTheMinimumWidth() throws Exception {
    Path chart = directory.resolve("small.png");
    List<Timing> timings = List.of(new Timing(Workload.Q1, "ember", 1, List.of(100.0)),
        new Timing(Workload.Q6, "ember", 1, List.of(10.0)));
    ResultsChart.write(chart, "title", timings, List.of(Workload.Q1, Workload.Q6), List.of(1));
    BufferedImage image = ImageIO.read(chart.toFile());
    assertEquals(1100, image.getWidth());
    assertEquals(380 + 30, image.getHeight());
  }

  @Test
  void earlyRunsAreTheMedianOfWarmUpRunsTwoToFour() throws Exception {
    List<Timing> timings = List.of(
        new Timing(Workload.Q1, "ember", 1, List.of(100.0)),
        new Timing(Workload.Q1, "spark", 1, List.of(800.0)),
        new Timing(Workload.Q1, "duckdb", 1, List.of(50.0)));
    List<Timing> warmup = List.of(
        // Run 1 (5000) and run 5 on (100) are left out: the median of 900, 400, 300 is 400.
        new Timing(Workload.Q1, "ember", 1, List.of(5000.0, 900.0, 400.0, 300.0, 100.0, 100.0)),
        new Timing(Workload.Q1, "spark", 1, List.of(9000.0, 1600.0)),
        new Timing(Workload.Q1, "duckdb", 1, List.of(80.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0)));

    String text = ResultsReport.render(run(timings, warmup, 8));

    assertTrue(text.contains("each fork first runs its query for 8 s (at least twice)"), text);
    assertTrue(text.contains("| TPC-H Q1 | 1 | 400 | 1 600 | 50.0 | 0.25 | 8.00 | 6, 2, 7 |"), text);
    assertTrue(text.contains("| **Geometric mean of ratios** | 1 | | | | **0.25** | **8.00** | |"), text);
    // The warm table is untouched by the warm-up runs.
    assertTrue(text.contains("| TPC-H Q1 | 1 | 100 | 800 | 50.0 | 0.13 | 2.00 |"), text);
  }

  @Test
  void withoutWarmUpRunsThereIsNoEarlyRunsTable() throws Exception {
    String text = ResultsReport.render(run(List.of(new Timing(Workload.Q1, "ember", 1, List.of(100.0)))));

    assertFalse(text.contains("Before warm-up"), text);
    assertFalse(text.contains("each fork first runs"), text);
  }

  @Test
  void warmUpRunsRoundTripThroughTheLog() throws Exception {
    Path log = directory.resolve("warmup.tsv");
    System.setProperty(WarmupRuns.LOG_PROPERTY, log.toString());
    try {
      WarmupRuns.record("q6", "ember", 2, List.of(1500.25, 480.0, 175.5));
      WarmupRuns.record("q1", "spark", 2, List.of(9000.0, 7000.0));
    } finally {
      System.clearProperty(WarmupRuns.LOG_PROPERTY);
    }

    List<Timing> runs = WarmupRuns.read(log);

    assertEquals(List.of(new Timing(Workload.Q6, "ember", 2, List.of(1500.3, 480.0, 175.5)),
        new Timing(Workload.Q1, "spark", 2, List.of(9000.0, 7000.0))), runs);
    assertTrue(WarmupRuns.read(directory.resolve("missing.tsv")).isEmpty());
  }

  private ResultsReport.Run run(List<Timing> timings) throws Exception {
    return run(timings, List.of(), 0);
  }

  private ResultsReport.Run run(List<Timing> timings, List<Timing> warmupRuns, double warmupSeconds) throws Exception {
    Path data = Files.createDirectories(directory.resolve("data"));
    TpchFiles files = new TpchFiles(data);
    Files.createDirectories(files.csv("lineitem").getParent());
    Files.writeString(files.csv("lineitem"), "header\n1\n");
    Files.createDirectories(files.sparkParquet("lineitem"));
    Files.write(files.sparkParquet("lineitem").resolve("part-0.parquet"), new byte[2_000_000]);
    Files.writeString(data.resolve("manifest.properties"), "rows.lineitem=1\nrows.orders=1\n");
    List<Workload> workloads = timings.stream().map(Timing::workload).distinct().toList();
    return new ResultsReport.Run("1", List.of(1), warmupSeconds, 1, 3, "./mvnw -Pbench", "2026-11-24",
        new Machine("CPU", 2, 1L << 34, "Linux", "JDK 17"), Map.of("ember", "Ember", "spark", "Spark 4.2.0"),
        Map.of(), files, workloads, timings, warmupRuns, List.of(), "chart.png", "0.5 / 0.4 / 0.3",
        "1.0 / 0.6 / 0.4");
  }
}
