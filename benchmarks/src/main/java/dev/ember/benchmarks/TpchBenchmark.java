package dev.ember.benchmarks;

import dev.ember.benchmarks.engines.EmberEngine;
import dev.ember.benchmarks.engines.QueryEngine;
import dev.ember.benchmarks.engines.Workload;
import dev.ember.benchmarks.report.WarmupRuns;
import dev.ember.benchmarks.tpch.TpchData;
import dev.ember.codegen.semantics.BytePatternCall;
import dev.ember.runtime.operators.join.HashJoinBuildSink;
import java.util.ArrayList;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The 22 TPC-H queries and micro-benchmarks over TPC-H data, on Ember, Spark and DuckDB with the same
 * core count. Each engine, benchmark and core count runs in its own fork; one single-shot iteration
 * is one whole query including reading the files and delivering the answer. {@link TpchSuite} checks
 * that all engines agree on every answer before it runs this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {
  "-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
  "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
  "--enable-native-access=ALL-UNNAMED", "-Darrow.allocation.manager.type=Unsafe", "-Xmx8g"})
public class TpchBenchmark {
  @Param({"ember", "spark", "duckdb"})
  public String engine;

  @Param({"1", "2"})
  public int cores;

  /** TPC-H scale factor; the data set is generated into the benchmark cache if missing. */
  @Param({"1"})
  public String scaleFactor;

  /**
   * Ember's {@code spark.ember.parquet.lateMaterialization}; run with
   * {@code -p engine=ember -p lateMaterialization=true,false} to compare both paths in one run.
   * Other engines ignore it.
   */
  @Param({"true"})
  public String lateMaterialization;

  /**
   * Ember's {@code spark.ember.aggregate.batchUpdate}; run with
   * {@code -p engine=ember -p aggregateBatchUpdate=true,false} to compare the batch-at-a-time and the
   * row-at-a-time hash-aggregate update in one run. Other engines ignore it.
   */
  @Param({"true"})
  public String aggregateBatchUpdate;

  /**
   * Whether Ember's join tables hold fixed-width keys as words (false sets the system property
   * {@code ember.join.serializedKeys}); run with {@code -p engine=ember -p joinCompactKeys=true,false}
   * to compare both in one run. Other engines ignore it.
   */
  @Param({"true"})
  public String joinCompactKeys;

  /**
   * Whether Ember's Parquet reader filters dictionary-encoded columns on their ids (false sets the
   * system property {@code ember.parquet.dictionaryIdFilter} to false: values are gathered, then
   * filtered); run with {@code -p engine=ember -p dictionaryIdFilter=true,false} to compare both in
   * one run. Other engines ignore it.
   */
  @Param({"true"})
  public String dictionaryIdFilter;

  /**
   * Whether Ember matches LIKE, startswith, endswith and contains with literal patterns on UTF-8 bytes
   * (false sets the system property {@code ember.codegen.likeBytes} to false: the values are decoded
   * and matched by regular expressions); run with {@code -p engine=ember -p likeBytes=true,false} to
   * compare both in one run. Other engines ignore it.
   */
  @Param({"true"})
  public String likeBytes;

  /**
   * Whether Ember reorders inner joins by estimated sizes (false excludes the optimizer rule
   * {@code ReorderJoins}: the joins run in the written order); run with
   * {@code -p engine=ember -p joinReorder=true,false} to compare both in one run. Other engines ignore it.
   */
  @Param({"true"})
  public String joinReorder;

  /**
   * Whether Ember links a large join build side on two threads when it has two cores (the system
   * property {@code ember.join.parallelBuild}, off by default); run with
   * {@code -p engine=ember -p joinParallelBuild=true,false} to compare both in one run. Other engines ignore it.
   */
  @Param({"false"})
  public String joinParallelBuild;

  /**
   * Whether Ember links a large join table of compact keys range by range of slots (the system property
   * {@code ember.join.partitionedBuild}, on by default); run with
   * {@code -p engine=ember -p joinPartitionedBuild=true,false} to compare both in one run. Other engines ignore it.
   */
  @Param({"true"})
  public String joinPartitionedBuild;

  /**
   * Whether Ember keeps a Bloom filter in front of a large join table's slots (the system property
   * {@code ember.join.bloomFilter}, off by default); run with {@code -p engine=ember -p joinBloomFilter=true,false}
   * to compare both in one run. Other engines ignore it.
   */
  @Param({"false"})
  public String joinBloomFilter;

  /**
   * Seconds each fork spends running its benchmark before JMH's iterations start (at least two runs),
   * so that the iterations measure a warm JVM: Ember's generated kernels and Parquet decoders need
   * 10 to 30 runs of a query before the JIT has compiled them fully. 0 leaves only JMH's warm-up
   * iterations. The suite logs these runs' times ({@link WarmupRuns}).
   */
  @Param({"0"})
  public String warmupSeconds;

  private QueryEngine queryEngine;
  private MemoryRecorder memory;

  @Setup(Level.Trial)
  public void start(BenchmarkParams params) throws Exception {
    memory = MemoryRecorder.start();
    System.setProperty(HashJoinBuildSink.SERIALIZED_KEYS_PROPERTY,
        Boolean.toString(!Boolean.parseBoolean(joinCompactKeys)));
    System.setProperty("ember.parquet.dictionaryIdFilter", dictionaryIdFilter);
    System.setProperty(BytePatternCall.ENABLED_PROPERTY, likeBytes);
    System.setProperty(HashJoinBuildSink.PARALLEL_BUILD_PROPERTY, joinParallelBuild);
    System.setProperty(HashJoinBuildSink.BLOOM_FILTER_PROPERTY, joinBloomFilter);
    System.setProperty(HashJoinBuildSink.PARTITIONED_BUILD_PROPERTY, joinPartitionedBuild);
    queryEngine = QueryEngine.start(engine, cores, TpchData.ensure(Double.parseDouble(scaleFactor)));
    if (queryEngine instanceof EmberEngine ember) {
      ember.setConf("spark.ember.parquet.lateMaterialization", lateMaterialization);
      ember.setConf("spark.ember.aggregate.batchUpdate", aggregateBatchUpdate);
      if (!Boolean.parseBoolean(joinReorder)) {
        ember.setConf("spark.ember.optimizer.excludedRules", "ReorderJoins");
      }
    }
    warmUp(params);
  }

  private void warmUp(BenchmarkParams params) throws Exception {
    double seconds = Double.parseDouble(warmupSeconds);
    if (seconds <= 0) {
      return;
    }
    String benchmark = params.getBenchmark();
    String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    Workload workload = Workload.forBenchmarkMethod(method);
    List<Double> runs = new ArrayList<>();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (runs.size() < 2 || System.nanoTime() < deadline) {
      long start = System.nanoTime();
      queryEngine.run(workload);
      runs.add((System.nanoTime() - start) / 1e6);
    }
    WarmupRuns.record(method, engine, cores, runs);
  }

  @TearDown(Level.Trial)
  public void stop(BenchmarkParams params) throws Exception {
    queryEngine.close();
    String benchmark = params.getBenchmark();
    memory.record(benchmark.substring(benchmark.lastIndexOf('.') + 1), engine, cores);
  }

  @Benchmark
  public Object q1() throws Exception {
    return queryEngine.run(Workload.Q1);
  }

  @Benchmark
  public Object q2() throws Exception {
    return queryEngine.run(Workload.Q2);
  }

  @Benchmark
  public Object q3() throws Exception {
    return queryEngine.run(Workload.Q3);
  }

  @Benchmark
  public Object q4() throws Exception {
    return queryEngine.run(Workload.Q4);
  }

  @Benchmark
  public Object q5() throws Exception {
    return queryEngine.run(Workload.Q5);
  }

  @Benchmark
  public Object q6() throws Exception {
    return queryEngine.run(Workload.Q6);
  }

  @Benchmark
  public Object q7() throws Exception {
    return queryEngine.run(Workload.Q7);
  }

  @Benchmark
  public Object q8() throws Exception {
    return queryEngine.run(Workload.Q8);
  }

  @Benchmark
  public Object q9() throws Exception {
    return queryEngine.run(Workload.Q9);
  }

  @Benchmark
  public Object q10() throws Exception {
    return queryEngine.run(Workload.Q10);
  }

  @Benchmark
  public Object q11() throws Exception {
    return queryEngine.run(Workload.Q11);
  }

  @Benchmark
  public Object q12() throws Exception {
    return queryEngine.run(Workload.Q12);
  }

  @Benchmark
  public Object q13() throws Exception {
    return queryEngine.run(Workload.Q13);
  }

  @Benchmark
  public Object q14() throws Exception {
    return queryEngine.run(Workload.Q14);
  }

  @Benchmark
  public Object q15() throws Exception {
    return queryEngine.run(Workload.Q15);
  }

  @Benchmark
  public Object q16() throws Exception {
    return queryEngine.run(Workload.Q16);
  }

  @Benchmark
  public Object q17() throws Exception {
    return queryEngine.run(Workload.Q17);
  }

  @Benchmark
  public Object q18() throws Exception {
    return queryEngine.run(Workload.Q18);
  }

  @Benchmark
  public Object q19() throws Exception {
    return queryEngine.run(Workload.Q19);
  }

  @Benchmark
  public Object q20() throws Exception {
    return queryEngine.run(Workload.Q20);
  }

  @Benchmark
  public Object q21() throws Exception {
    return queryEngine.run(Workload.Q21);
  }

  @Benchmark
  public Object q22() throws Exception {
    return queryEngine.run(Workload.Q22);
  }

  @Benchmark
  public Object csvScan() throws Exception {
    return queryEngine.run(Workload.CSV_SCAN);
  }

  @Benchmark
  public Object parquetScan() throws Exception {
    return queryEngine.run(Workload.PARQUET_SCAN);
  }

  @Benchmark
  public Object filterProject() throws Exception {
    return queryEngine.run(Workload.FILTER_PROJECT);
  }

  @Benchmark
  public Object aggregateFewGroups() throws Exception {
    return queryEngine.run(Workload.AGGREGATE_FEW_GROUPS);
  }

  @Benchmark
  public Object aggregateManyGroups() throws Exception {
    return queryEngine.run(Workload.AGGREGATE_MANY_GROUPS);
  }

  @Benchmark
  public Object sort() throws Exception {
    return queryEngine.run(Workload.SORT);
  }
}
