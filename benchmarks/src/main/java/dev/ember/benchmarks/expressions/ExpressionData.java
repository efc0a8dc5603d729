package dev.ember.benchmarks.expressions;

import dev.ember.benchmarks.BenchmarkData;
import dev.ember.sql.SparkSession;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The input of {@code ExpressionBenchmark}: {@code rows} rows of numbers, decimals, strings, dates and
 * nullable integers, drawn from a fixed seed and written once as 8 Parquet files into the benchmark
 * cache ({@code <cache>/expressions/rows-<rows>}). Both engines read these files and cache the table
 * in memory before timing, so only expression evaluation and the cheap checksum are measured.
 */
public final class ExpressionData {
  /** The columns, as DDL. */
  public static final String SCHEMA = "a INT, b INT, d DOUBLE, e DOUBLE, price DECIMAL(15,2), discount DECIMAL(15,2), "
      + "tax DECIMAL(15,2), s STRING, t STRING, digits STRING, csv STRING, dt DATE, n1 INT, n2 INT";

  /** Words of {@code s} and {@code csv}: mixed case, some with letters outside ASCII (upper and md5 see bytes). */
  private static final String[] WORDS = {
    "alpha", "Banana", "cantaloupe", "Delta", "echo", "fandango", "Grape", "hanover", "Indigo", "juniper",
    "kangaroo", "Lantern", "mango", "Nordic", "orange", "Panama", "quartz", "Romance", "savanna", "Tango",
    "café", "Straße", "naïve", "Ångström",
  };
  private static final int FILES = 8;
  private static final LocalDate FIRST_DATE = LocalDate.of(1992, 1, 1);

  private ExpressionData() {}

  /** The Parquet directory for {@code rows} rows, generated first if missing. */
  public static Path ensure(long rows) throws IOException {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be at least 1, got " + rows);
    }
    Path root = Files.createDirectories(BenchmarkData.cacheDirectory().resolve("expressions"));
    Path target = root.resolve("rows-" + rows);
    if (Files.isDirectory(target)) {
      return target;
    }
    Path work = Files.createTempDirectory(root, "rows-" + rows + "-partial-");
    Path csv = work.resolve("data.csv");
    writeCsv(csv, rows);
    Path parquet = work.resolve("parquet");
    SparkSession session = SparkSession.builder().master("local[2]").appName("expression-data").getOrCreate();
    try {
      session.read().schema(SCHEMA).option("sep", "|").csv(csv.toString())
          .repartition(FILES).write().parquet(parquet.toString());
    } finally {
      session.stop();
    }
    // Publish atomically so an interrupted generation is never mistaken for a complete data set.
    Files.move(parquet, target, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(work);
    return target;
  }

  private static void writeCsv(Path file, long rows) throws IOException {
    SplittableRandom random = new SplittableRandom(20261124);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder(160);
      for (long row = 0; row < rows; row++) {
        line.setLength(0);
        line.append(random.nextInt(-1_000_000, 1_000_001)).append('|')
            .append(random.nextInt(1, 1001)).append('|')
            .append((random.nextDouble() - 0.3) * 10_000).append('|')
            .append(random.nextDouble()).append('|')
            .append(BigDecimal.valueOf(random.nextLong(90_000L, 10_500_000L), 2).toPlainString()).append('|')
            .append(BigDecimal.valueOf(random.nextLong(0L, 11L), 2).toPlainString()).append('|')
            .append(BigDecimal.valueOf(random.nextLong(0L, 9L), 2).toPlainString()).append('|');
        appendWords(line, random, ' ', 2 + random.nextInt(3));
        line.append("|T").append(random.nextInt(1000)).append('|')
            .append(random.nextInt(-1_000_000_000, 1_000_000_000)).append('|');
        appendWords(line, random, ',', 2 + random.nextInt(5));
        line.append('|').append(FIRST_DATE.plusDays(random.nextInt(2557))).append('|');
        if (random.nextInt(10) >= 3) {
          line.append(random.nextInt(-1000, 1000));
        }
        line.append('|');
        if (random.nextBoolean()) {
          line.append(random.nextInt(-1000, 1000));
        }
        out.append(line).append('\n');
      }
    }
  }

  private static void appendWords(StringBuilder line, SplittableRandom random, char separator, int count) {
    for (int word = 0; word < count; word++) {
      if (word > 0) {
        line.append(separator);
      }
      line.append(WORDS[random.nextInt(WORDS.length)]);
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete " + path, e);
        }
      });
    }
  }
}
