package dev.ember.benchmarks;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.join.HashJoinBuildSink;
import dev.ember.runtime.operators.join.JoinTableHandle;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
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
 * Linking a join's build side (the sink's finish) of unique BIGINT keys, like TPC-H's 1.5 M orders,
 * from two workers' partitions: range by range of slots on two threads (the default), straight from the
 * rows on one thread or on two ({@code ember.join.partitionedBuild}, {@code ember.join.parallelBuild}),
 * with or without the Bloom filter. The keys are encoded per worker before the measured call, as in a query.
 * Run with {@code ./mvnw -Pjmh package -pl benchmarks -am -DskipTests -Dbench.args="JoinTableBuild"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
  "-Darrow.allocation.manager.type=Unsafe", "-Xmx4g"})
public class JoinTableBuildBenchmark {
  private static final StructType SCHEMA = StructType.fromDDL("key0 BIGINT, payload BIGINT");
  private static final int BATCH_ROWS = 4096;

  @Param({"1500000"})
  public int buildRows;

  /** How the keys are linked: {@code partitioned} (the default), {@code straight} or {@code straightTwoThreads}. */
  @Param({"partitioned", "straight", "straightTwoThreads"})
  public String link;

  @Param({"true", "false"})
  public boolean bloomFilter;

  private BufferAllocator allocator;
  private HashJoinBuildSink sink;
  private JoinTableHandle handle;
  private List<SinkPartition> partitions;
  private BatchSource owner;

  @Setup(Level.Trial)
  public void open() {
    System.setProperty(HashJoinBuildSink.PARTITIONED_BUILD_PROPERTY, Boolean.toString(link.equals("partitioned")));
    System.setProperty(HashJoinBuildSink.PARALLEL_BUILD_PROPERTY, Boolean.toString(link.equals("straightTwoThreads")));
    System.setProperty(HashJoinBuildSink.BLOOM_FILTER_PROPERTY, Boolean.toString(bloomFilter));
    allocator = Allocators.newRoot();
  }

  @Setup(Level.Invocation)
  public void fillPartitions() {
    handle = new JoinTableHandle("benchmark join");
    sink = new HashJoinBuildSink(SCHEMA, List.of(false), handle);
    partitions = new ArrayList<>();
    for (int worker = 0; worker < 2; worker++) {
      partitions.add(sink.createPartition(allocator));
    }
    for (int start = 0; start < buildRows; start += BATCH_ROWS) {
      int rows = Math.min(BATCH_ROWS, buildRows - start);
      List<FieldVector> vectors = ColumnBatch.allocateVectors(SCHEMA, allocator, rows);
      for (int row = 0; row < rows; row++) {
        // Scrambled keys: order keys arrive in no particular order after a filter or a scan of many files.
        long key = (start + row) * 0x9E3779B97F4A7C15L >>> 20;
        ((BigIntVector) vectors.get(0)).set(row, key);
        ((BigIntVector) vectors.get(1)).set(row, start + row);
      }
      vectors.forEach(vector -> vector.setValueCount(rows));
      ((BatchConsumer) partitions.get((start / BATCH_ROWS) % 2)).accept(new ColumnBatch(SCHEMA, vectors, rows));
    }
  }

  @Benchmark
  public int build() {
    owner = sink.finish(partitions, allocator);
    return handle.table().rowCount();
  }

  @TearDown(Level.Invocation)
  public void release() {
    if (owner != null) {
      owner.close();
      owner = null;
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    allocator.close();
    System.clearProperty(HashJoinBuildSink.PARALLEL_BUILD_PROPERTY);
    System.clearProperty(HashJoinBuildSink.PARTITIONED_BUILD_PROPERTY);
    System.clearProperty(HashJoinBuildSink.BLOOM_FILTER_PROPERTY);
  }
}
