package dev.ember.benchmarks;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.join.HashJoinBuildSink;
import dev.ember.runtime.operators.join.JoinHashTable;
import dev.ember.runtime.operators.join.JoinKeyEncoder;
import dev.ember.runtime.operators.join.JoinTableHandle;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.StructType;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The join hash table alone, one thread: a build side of unique BIGINT keys (like TPC-H's orders or
 * part keys), probed in a scrambled order with keys of which half match, as the generated probe does
 * it: the lookup, then the matching row's batch and row and its chain. Compact keys (words in the
 * slot, {@code findFirst(long)}) against serialized keys (the encoder, byte hashing and key arrays).
 * Run with {@code ./mvnw -Pjmh package -pl benchmarks -am -DskipTests -Dbench.args="JoinTableProbe"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
  "-Darrow.allocation.manager.type=Unsafe", "-Xmx4g"})
public class JoinTableProbeBenchmark {
  private static final StructType SCHEMA = StructType.fromDDL("key0 BIGINT, payload BIGINT");
  private static final int PROBES = 1 << 20;
  private static final int BATCH_ROWS = 4096;

  /** 100 k rows fit the caches partly; 1.5 M rows (TPC-H SF1 orders) do not. */
  @Param({"100000", "1500000"})
  public int buildRows;

  @Param({"true", "false"})
  public boolean compactKeys;

  /** Whether the table keeps a Bloom filter ({@code ember.join.bloomFilter}); half the probes miss. */
  @Param({"true", "false"})
  public boolean bloomFilter;

  private BufferAllocator allocator;
  private BatchSource owner;
  private JoinHashTable table;
  private JoinKeyEncoder encoder;
  private long[] probeKeys;

  @Setup(Level.Trial)
  public void build() {
    System.setProperty(HashJoinBuildSink.SERIALIZED_KEYS_PROPERTY, Boolean.toString(!compactKeys));
    System.setProperty(HashJoinBuildSink.BLOOM_FILTER_PROPERTY, Boolean.toString(bloomFilter));
    allocator = Allocators.newRoot();
    JoinTableHandle handle = new JoinTableHandle("benchmark join");
    HashJoinBuildSink sink = new HashJoinBuildSink(SCHEMA, List.of(false), handle);
    SinkPartition partition = sink.createPartition(allocator);
    for (int start = 0; start < buildRows; start += BATCH_ROWS) {
      int rows = Math.min(BATCH_ROWS, buildRows - start);
      List<FieldVector> vectors = ColumnBatch.allocateVectors(SCHEMA, allocator, rows);
      for (int row = 0; row < rows; row++) {
        // Keys 1, 5, 9, ...: sparse like TPC-H's order keys.
        ((BigIntVector) vectors.get(0)).set(row, 4L * (start + row) + 1);
        ((BigIntVector) vectors.get(1)).set(row, start + row);
      }
      vectors.forEach(vector -> vector.setValueCount(rows));
      ((BatchConsumer) partition).accept(new ColumnBatch(SCHEMA, vectors, rows));
    }
    owner = sink.finish(List.of(partition), allocator);
    table = handle.table();
    if (compactKeys != (table.compactLayout() != null)) {
      throw new IllegalStateException("compact keys " + compactKeys + " but the table's layout is "
          + table.compactLayout());
    }
    encoder = new JoinKeyEncoder(allocator);
    probeKeys = new long[PROBES];
    long state = 42;
    for (int probe = 0; probe < PROBES; probe++) {
      state = state * 6364136223846793005L + 1442695040888963407L;
      long row = (state >>> 33) % (2L * buildRows);
      probeKeys[probe] = row < buildRows ? 4 * row + 1 : 4 * (row - buildRows) + 2;
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    encoder.close();
    owner.close();
    allocator.close();
    System.clearProperty(HashJoinBuildSink.SERIALIZED_KEYS_PROPERTY);
    System.clearProperty(HashJoinBuildSink.BLOOM_FILTER_PROPERTY);
  }

  /** Nanoseconds per probe row. */
  @Benchmark
  @OperationsPerInvocation(PROBES)
  public long probe() {
    long sum = 0;
    for (long key : probeKeys) {
      int match;
      if (compactKeys) {
        match = table.findFirst(key);
      } else {
        encoder.beginKey();
        encoder.keyLong(key);
        match = table.findFirst(encoder);
      }
      while (match >= 0) {
        sum += table.batchIndex(match) + table.rowInBatch(match);
        match = table.nextMatch(match);
      }
    }
    return sum;
  }
}
