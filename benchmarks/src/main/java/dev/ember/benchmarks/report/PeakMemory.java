package dev.ember.benchmarks.report;

import dev.ember.benchmarks.engines.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Peak memory of one fork as {@link dev.ember.benchmarks.MemoryRecorder} logged it, in bytes. */
public record PeakMemory(Workload workload, String engine, int cores, long residentBytes, long heapBytes, long directBytes) {
  /** Reads a memory log; a missing file means no fork recorded anything. */
  public static List<PeakMemory> read(Path log) throws IOException {
    List<PeakMemory> peaks = new ArrayList<>();
    if (!Files.exists(log)) {
      return peaks;
    }
    int lineNumber = 0;
    for (String line : Files.readAllLines(log)) {
      lineNumber++;
      String[] fields = line.split("\t");
      if (fields.length != 6) {
        throw new IOException(log + ":" + lineNumber + ": expected 6 tab-separated fields, got: " + line);
      }
      peaks.add(new PeakMemory(Workload.forBenchmarkMethod(fields[0]), fields[1], Integer.parseInt(fields[2]),
          Long.parseLong(fields[3]), Long.parseLong(fields[4]), Long.parseLong(fields[5])));
    }
    return peaks;
  }
}
