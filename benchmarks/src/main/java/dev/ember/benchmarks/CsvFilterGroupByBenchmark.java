package dev.ember.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code read.csv → filter → groupBy → count} over one CSV file, Ember and Spark in the same run with
 * the same core count, so their ratio holds on a noisy machine. Each engine runs in its own fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {
  "-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
  "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
  "-Darrow.allocation.manager.type=Unsafe", "-Xmx8g"})
public class CsvFilterGroupByBenchmark {
  @Param({"ember", "spark"})
  public String engine;

  @Param({"1024"})
  public int megabytes;

  @Param({"2"})
  public int cores;

  private Path file;
  private dev.ember.sql.SparkSession ember;
  private org.apache.spark.sql.SparkSession spark;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    file = BenchmarkData.eventsCsv(megabytes);
    String master = "local[" + cores + "]";
    if (engine.equals("ember")) {
      ember = dev.ember.sql.SparkSession.builder().master(master).getOrCreate();
    } else {
      spark = org.apache.spark.sql.SparkSession.builder().master(master)
          .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", cores)
          .config("spark.driver.host", "127.0.0.1").getOrCreate();
      spark.sparkContext().setLogLevel("ERROR");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (ember != null) {
      ember.stop();
    }
    if (spark != null) {
      spark.stop();
    }
  }

  @Benchmark
  public Object filterGroupByCount() {
    if (ember != null) {
      List<dev.ember.sql.Row> rows = ember.read().option("header", "true").schema(BenchmarkData.EVENTS_SCHEMA)
          .csv(file.toString()).filter("age > 30").groupBy("city").count().collectAsList();
      return rows;
    }
    List<org.apache.spark.sql.Row> rows = spark.read().option("header", "true").schema(BenchmarkData.EVENTS_SCHEMA)
        .csv(file.toString()).filter("age > 30").groupBy("city").count().collectAsList();
    return rows;
  }
}
