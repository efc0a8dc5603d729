package dev.ember.benchmarks;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Peak memory of one benchmark fork. A daemon thread samples the JVM's used heap and NIO direct
 * buffers every 20 ms; at the end the kernel's peak resident set size ({@code VmHWM} in
 * {@code /proc/self/status}) is read, which also covers Arrow's and DuckDB's native allocations. Each
 * fork runs one engine, so the peak belongs to that engine (plus the JVM and JMH themselves).
 */
public final class MemoryRecorder implements AutoCloseable {
  /** System property naming the file every fork appends its line to. */
  public static final String LOG_PROPERTY = "ember.bench.memoryLog";

  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peakHeapBytes;
  private volatile long peakDirectBytes;

  private MemoryRecorder() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
    sampler = new Thread(() -> {
      while (running) {
        peakHeapBytes = Math.max(peakHeapBytes, memory.getHeapMemoryUsage().getUsed());
        long direct = 0;
        for (BufferPoolMXBean pool : pools) {
          direct += pool.getMemoryUsed();
        }
        peakDirectBytes = Math.max(peakDirectBytes, direct);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "benchmark-memory-sampler");
    sampler.setDaemon(true);
  }

  public static MemoryRecorder start() {
    MemoryRecorder recorder = new MemoryRecorder();
    recorder.sampler.start();
    return recorder;
  }

  /** Appends {@code benchmark engine cores peakRss peakHeap peakDirect} (bytes) to the log, if one is set. */
  public void record(String benchmark, String engine, int cores) throws IOException {
    close();
    String log = System.getProperty(LOG_PROPERTY);
    if (log == null) {
      return;
    }
    String line = String.join("\t", benchmark, engine, Integer.toString(cores), Long.toString(peakResidentBytes()),
        Long.toString(peakHeapBytes), Long.toString(peakDirectBytes)) + "\n";
    Files.writeString(Path.of(log), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }

  /** The process's peak resident set size, or -1 where {@code /proc} is missing (not Linux). */
  static long peakResidentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
