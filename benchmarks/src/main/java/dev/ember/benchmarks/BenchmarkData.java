package dev.ember.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * Generates benchmark input once into a cache directory outside the repository
 * ({@code EMBER_BENCH_DATA}, else {@code ~/.cache/ember-benchmarks}) and reuses it afterwards.
 */
public final class BenchmarkData {
  /** The schema of the events file, as DDL; both engines read it with this schema (no inference). */
  public static final String EVENTS_SCHEMA = "id BIGINT, user STRING, city STRING, age INT, amount DOUBLE, category STRING";

  private static final String[] CITIES = {
    "Amsterdam", "Berlin", "Chicago", "Delhi", "Edinburgh", "Florence", "Geneva", "Helsinki", "Istanbul",
    "Jakarta", "Kyoto", "Lisbon", "Madrid", "Nairobi", "Oslo", "Paris", "Quito", "Rome", "Seoul", "Toronto",
  };
  private static final String[] CATEGORIES = {"books", "games", "garden", "music", "sports", "tools", "toys"};

  private BenchmarkData() {}

  public static Path cacheDirectory() throws IOException {
    String configured = System.getenv("EMBER_BENCH_DATA");
    Path directory = configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "ember-benchmarks");
    return Files.createDirectories(directory);
  }

  /** An events CSV of about {@code megabytes} MB with a header line; written once, then reused. */
  public static Path eventsCsv(int megabytes) throws IOException {
    Path file = cacheDirectory().resolve("events-" + megabytes + "mb.csv");
    if (Files.exists(file)) {
      return file;
    }
    Path partial = Files.createTempFile(cacheDirectory(), "events-", ".partial");
    long targetBytes = (long) megabytes << 20;
    SplittableRandom random = new SplittableRandom(42);
    try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      out.write("id,user,city,age,amount,category\n");
      long written = 0;
      StringBuilder line = new StringBuilder(96);
      for (long id = 0; written < targetBytes; id++) {
        line.setLength(0);
        line.append(id).append(",user_").append(random.nextInt(1_000_000)).append(',')
            .append(CITIES[random.nextInt(CITIES.length)]).append(',')
            .append(18 + random.nextInt(63)).append(',')
            .append(random.nextInt(1_000_000) / 100.0).append(',')
            .append(CATEGORIES[random.nextInt(CATEGORIES.length)]).append('\n');
        out.append(line);
        written += line.length();
      }
    }
    // Publish atomically so an interrupted generation is never mistaken for a complete file.
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }
}
