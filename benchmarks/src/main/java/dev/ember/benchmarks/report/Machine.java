package dev.ember.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine and JVM a run happened on, as far as the JVM and {@code /proc} tell. */
public record Machine(String cpuModel, int cores, long memoryBytes, String operatingSystem, String jdk) {
  public static Machine current() {
    return new Machine(readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryBytes(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
            + " (" + System.getProperty("java.vendor") + ")");
  }

  public String describe() {
    return String.format(Locale.ROOT, "%s, %d cores visible to the JVM, %.1f GiB RAM, %s; %s",
        cpuModel, cores, memoryBytes / (double) (1L << 30), operatingSystem, jdk);
  }

  /**
   * The 1, 5 and 15 minute load averages from {@code /proc/loadavg}: on a shared machine they show how
   * much other work competed with the benchmark.
   */
  public static String loadAverage() {
    List<String> lines = lines("/proc/loadavg");
    if (lines.isEmpty()) {
      return "unknown";
    }
    String[] fields = lines.get(0).trim().split("\\s+");
    return fields.length >= 3 ? fields[0] + " / " + fields[1] + " / " + fields[2] : "unknown";
  }

  private static String readCpuModel() {
    for (String line : lines("/proc/cpuinfo")) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown CPU";
  }

  private static long readMemoryBytes() {
    for (String line : lines("/proc/meminfo")) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return 0;
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of();
    }
  }
}
