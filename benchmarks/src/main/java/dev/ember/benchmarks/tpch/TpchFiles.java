package dev.ember.benchmarks.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where one generated TPC-H data set lives: {@code csv/<table>.csv}, {@code parquet-spark/<table>/}
 * (written by Spark) and {@code parquet-duckdb/<table>.parquet} (written by DuckDB) under {@code root},
 * with row counts in {@code manifest.properties}.
 */
public record TpchFiles(Path root) {
  static final String MANIFEST = "manifest.properties";

  public TpchFiles {
    Objects.requireNonNull(root, "root is null");
  }

  public Path csv(String table) {
    return root.resolve("csv").resolve(table + ".csv");
  }

  public Path sparkParquet(String table) {
    return root.resolve("parquet-spark").resolve(table);
  }

  public Path duckDbParquet(String table) {
    return root.resolve("parquet-duckdb").resolve(table + ".parquet");
  }

  /** The number of rows the generator produced for {@code table}. */
  public long rows(String table) {
    Properties manifest = new Properties();
    try (InputStream in = Files.newInputStream(root.resolve(MANIFEST))) {
      manifest.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the TPC-H manifest in " + root, e);
    }
    String rows = manifest.getProperty("rows." + table);
    if (rows == null) {
      throw new IllegalArgumentException("no table " + table + " in " + root.resolve(MANIFEST));
    }
    return Long.parseLong(rows);
  }

  /** Bytes of a file, or of every data file under a directory (Spark's marker files are empty). */
  public static long bytes(Path path) {
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }
}
