package dev.ember.benchmarks;

import dev.ember.benchmarks.engines.QueryEngine;
import dev.ember.benchmarks.engines.Workload;
import dev.ember.benchmarks.tpch.TpchData;
import dev.ember.runtime.operators.aggregate.HashAggregationTable;
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
 * The aggregation-heavy TPC-H workloads on Ember with the hash aggregate's old paths switched back
 * on ({@code path=serialized}: keys through the scratch buffer, decimal sums always 128-bit) against
 * the current ones ({@code path=words}), in one run, so a noisy machine affects both alike. Compare
 * with {@link TpchBenchmark}'s Spark and DuckDB numbers for the same workloads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {
  "-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
  "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
  "--enable-native-access=ALL-UNNAMED", "-Darrow.allocation.manager.type=Unsafe", "-Xmx8g"})
public class HashAggregatePathBenchmark {
  @Param({"serialized", "words"})
  public String path;

  @Param({"1"})
  public int cores;

  @Param({"1"})
  public String scaleFactor;

  private QueryEngine queryEngine;

  @Setup(Level.Trial)
  public void start() throws Exception {
    boolean old = "serialized".equals(path);
    // Read when kernels are generated and tables made, so set before the engine runs anything.
    System.setProperty(HashAggregationTable.SERIALIZED_KEYS_PROPERTY, Boolean.toString(old));
    System.setProperty(HashAggregationTable.INT128_SUMS_PROPERTY, Boolean.toString(old));
    queryEngine = QueryEngine.start("ember", cores, TpchData.ensure(Double.parseDouble(scaleFactor)));
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    queryEngine.close();
  }

  @Benchmark
  public Object q1() throws Exception {
    return queryEngine.run(Workload.Q1);
  }

  @Benchmark
  public Object aggregateFewGroups() throws Exception {
    return queryEngine.run(Workload.AGGREGATE_FEW_GROUPS);
  }

  @Benchmark
  public Object aggregateManyGroups() throws Exception {
    return queryEngine.run(Workload.AGGREGATE_MANY_GROUPS);
  }
}
