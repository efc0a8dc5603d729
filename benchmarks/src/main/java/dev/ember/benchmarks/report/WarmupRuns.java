package dev.ember.benchmarks.report;

import dev.ember.benchmarks.engines.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The runs one fork made before JMH's iterations, to warm its JVM up (see {@code TpchBenchmark}'s
 * {@code warmupSeconds}), in milliseconds. They show how far from warm the first runs after a JVM
 * start are: earlier suites measured runs 2 to 4.
 */
public final class WarmupRuns {
  /** System property naming the file every fork appends its line to. */
  public static final String LOG_PROPERTY = "ember.bench.warmupLog";

  private WarmupRuns() {}

  /** Appends {@code benchmark engine cores millis,millis,...} to the log, if one is set. */
  public static void record(String benchmark, String engine, int cores, List<Double> millis) throws IOException {
    String log = System.getProperty(LOG_PROPERTY);
    if (log == null || millis.isEmpty()) {
      return;
    }
    String line = String.join("\t", benchmark, engine, Integer.toString(cores),
        String.join(",", millis.stream().map(value -> String.format(Locale.ROOT, "%.1f", value)).toList())) + "\n";
    Files.writeString(Path.of(log), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Reads a warm-up log; a missing file means no fork warmed up. */
  public static List<Timing> read(Path log) throws IOException {
    List<Timing> runs = new ArrayList<>();
    if (!Files.exists(log)) {
      return runs;
    }
    int lineNumber = 0;
    for (String line : Files.readAllLines(log)) {
      lineNumber++;
      String[] fields = line.split("\t");
      if (fields.length != 4) {
        throw new IOException(log + ":" + lineNumber + ": expected 4 tab-separated fields, got: " + line);
      }
      runs.add(new Timing(Workload.forBenchmarkMethod(fields[0]), fields[1], Integer.parseInt(fields[2]),
          Arrays.stream(fields[3].split(",")).map(Double::parseDouble).toList()));
    }
    return runs;
  }
}
