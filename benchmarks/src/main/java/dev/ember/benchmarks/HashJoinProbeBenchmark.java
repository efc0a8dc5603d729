package dev.ember.benchmarks;

import dev.ember.runtime.operators.join.HashJoinBuildSink;
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
 * A hash join of a 5 M-row probe side against a 100 k-row build side (half of the probe rows find one
 * match), counted and summed so that the join's output is not collected: Ember's generated probe, its
 * interpreted probe ({@code spark.sql.codegen.wholeStage=false}) and Spark (a broadcast hash join) on
 * the same generated data with the same core count, Ember with and without compact join keys
 * ({@link #compactKeys}). Each engine runs in its own fork. Run with
 * {@code ./mvnw -Pjmh package -pl benchmarks -am -DskipTests -Dbench.args="HashJoinProbe"}.
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
public class HashJoinProbeBenchmark {
  /** The probe side's rows; its key runs over twice the build side's keys. */
  static final long PROBE_ROWS = 5_000_000;
  static final long BUILD_ROWS = 100_000;

  @Param({"ember-generated", "ember-interpreted", "spark"})
  public String engine;

  @Param({"1", "2"})
  public int cores;

  /**
   * Whether Ember's join table holds the key as words (false: serialized keys, the system property
   * {@code ember.join.serializedKeys}); Spark ignores it.
   */
  @Param({"true", "false"})
  public boolean compactKeys;

  private dev.ember.sql.SparkSession ember;
  private org.apache.spark.sql.SparkSession spark;

  @Setup(Level.Trial)
  public void setUp() {
    String master = "local[" + cores + "]";
    System.setProperty(HashJoinBuildSink.SERIALIZED_KEYS_PROPERTY, Boolean.toString(!compactKeys));
    if (engine.startsWith("ember")) {
      ember = dev.ember.sql.SparkSession.builder().master(master)
          .config("spark.sql.codegen.wholeStage", Boolean.toString(engine.equals("ember-generated")))
          .getOrCreate();
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
  public Object joinCountAndSum() {
    String probeKey = "id % " + (2 * BUILD_ROWS) + " AS k";
    if (ember != null) {
      dev.ember.sql.Dataset<dev.ember.sql.Row> probe = ember.range(PROBE_ROWS).selectExpr(probeKey, "id AS v");
      dev.ember.sql.Dataset<dev.ember.sql.Row> build = ember.range(BUILD_ROWS).selectExpr("id AS k2", "id * 3 AS w");
      List<dev.ember.sql.Row> rows = probe.join(build, probe.col("k").equalTo(build.col("k2")))
          .selectExpr("count(1)", "sum(v + w)").collectAsList();
      return check(rows.get(0).getLong(0));
    }
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> probe = spark.range(PROBE_ROWS).selectExpr(probeKey,
        "id AS v");
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> build = spark.range(BUILD_ROWS).selectExpr("id AS k2",
        "id * 3 AS w");
    List<org.apache.spark.sql.Row> rows = probe.join(build, probe.col("k").equalTo(build.col("k2")))
        .selectExpr("count(1)", "sum(v + w)").collectAsList();
    return check(rows.get(0).getLong(0));
  }

  private static long check(long count) {
    if (count != PROBE_ROWS / 2) {
      throw new IllegalStateException("the join matched " + count + " rows, expected " + PROBE_ROWS / 2);
    }
    return count;
  }
}
