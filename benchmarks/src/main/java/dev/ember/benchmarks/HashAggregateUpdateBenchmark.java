package dev.ember.benchmarks;

import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.aggregate.AccumulatorKind;
import dev.ember.runtime.operators.aggregate.AccumulatorSpec;
import dev.ember.runtime.operators.aggregate.AggregationSpec;
import dev.ember.runtime.operators.aggregate.CompactKeyLayout;
import dev.ember.runtime.operators.aggregate.HashAggregationTable;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
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
 * The per-row hash-aggregate update of TPC-H Q1, as a generated kernel makes it: a key of two
 * one-byte strings (return flag, line status; 4 groups), then four decimal sums, three decimal
 * averages and a count. Rows per second, one thread, on one table kept across invocations. Profiles
 * of Q1 put two thirds of its time here; compare runs of this benchmark across commits (or with an
 * older {@code HashAggregationTable} first on the class path) to see a change to the table.
 *
 * <p>{@code keys}: {@code serialized} builds the key in the table's scratch buffer (beginKey, keyBytes,
 * findOrInsertGroup()), {@code words} in two longs as generated code now does. {@code decimalSums}:
 * {@code int128} turns off the long fast path of decimal sums.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
  "-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--sun-misc-unsafe-memory-access=allow", "-Darrow.allocation.manager.type=Unsafe", "-Xmx1g"})
public class HashAggregateUpdateBenchmark {
  private static final int ROWS = 4096;
  private static final DecimalType SUM = new DecimalType(25, 2);
  private static final DecimalType WIDE_SUM = new DecimalType(38, 4);
  private static final DecimalType AVERAGE = new DecimalType(19, 6);

  @Param({"serialized", "words"})
  public String keys;

  @Param({"int128", "long"})
  public String decimalSums;

  private BufferAllocator allocator;
  private AggregationSpec spec;
  private HashAggregationTable table;
  private ArrowBuf flags;
  private long[] prices;

  @Setup(Level.Trial)
  public void open() {
    allocator = Allocators.newRoot();
    DecimalType input = new DecimalType(15, 2);
    spec = new AggregationSpec(List.of(DataTypes.StringType, DataTypes.StringType), List.of(
        new AccumulatorSpec(AccumulatorKind.SUM_DECIMAL, input, SUM),
        new AccumulatorSpec(AccumulatorKind.SUM_DECIMAL, input, SUM),
        new AccumulatorSpec(AccumulatorKind.SUM_DECIMAL, new DecimalType(32, 4), WIDE_SUM),
        new AccumulatorSpec(AccumulatorKind.SUM_DECIMAL, new DecimalType(38, 6), new DecimalType(38, 6)),
        new AccumulatorSpec(AccumulatorKind.AVG_DECIMAL, input, AVERAGE),
        new AccumulatorSpec(AccumulatorKind.AVG_DECIMAL, input, AVERAGE),
        new AccumulatorSpec(AccumulatorKind.AVG_DECIMAL, input, AVERAGE),
        new AccumulatorSpec(AccumulatorKind.COUNT_ROWS, DataTypes.NullType, DataTypes.LongType)));
    CompactKeyLayout layout = CompactKeyLayout.of(spec.keyTypes()).orElseThrow();
    if (layout.word(0) != 0 || layout.shift(0) != 0 || layout.word(1) != 1 || layout.shift(1) != 0) {
      throw new IllegalStateException("the benchmark assumes each flag in a word of its own");
    }
    SplittableRandom random = new SplittableRandom(7);
    flags = allocator.buffer(2L * ROWS);
    prices = new long[ROWS];
    byte[] returnFlags = {'A', 'N', 'R'};
    for (int row = 0; row < ROWS; row++) {
      flags.setByte(2L * row, returnFlags[random.nextInt(3)]);
      flags.setByte(2L * row + 1, random.nextBoolean() ? 'O' : 'F');
      prices[row] = random.nextLong(90_000L, 10_500_000L);
    }
  }

  /** A new table per iteration, so the running sums stay in the range Q1's do (well within a long). */
  @Setup(Level.Iteration)
  public void openTable() {
    System.setProperty(HashAggregationTable.INT128_SUMS_PROPERTY, Boolean.toString("int128".equals(decimalSums)));
    table = new HashAggregationTable(spec, allocator);
  }

  @TearDown(Level.Iteration)
  public void closeTable() {
    table.close();
  }

  @TearDown(Level.Trial)
  public void close() {
    flags.close();
    allocator.close();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public int updateRows() {
    return "words".equals(keys) ? updateRowsByWords() : updateRowsSerialized();
  }

  private int updateRowsSerialized() {
    long flagAddress = flags.memoryAddress();
    int last = 0;
    for (int row = 0; row < ROWS; row++) {
      table.beginKey();
      table.keyBytes(flagAddress + 2L * row, 1);
      table.keyBytes(flagAddress + 2L * row + 1, 1);
      int group = table.findOrInsertGroup();
      last = accumulate(group, row);
    }
    return last;
  }

  private int updateRowsByWords() {
    long flagAddress = flags.memoryAddress();
    int last = 0;
    for (int row = 0; row < ROWS; row++) {
      long returnFlag = table.stringKeyBits(0, 0, flagAddress + 2L * row, 1);
      long lineStatus = table.stringKeyBits(1, 0, flagAddress + 2L * row + 1, 1);
      int group = table.findOrInsertGroup(returnFlag, lineStatus, 0);
      last = accumulate(group, row);
    }
    return last;
  }

  private int accumulate(int group, int row) {
    long price = prices[row];
    table.sumDecimal(group, 0, price, 0L);
    table.sumDecimal(group, 1, price, 0L);
    table.sumDecimal(group, 2, price * 96, 0L);
    table.sumDecimal(group, 3, price * 9600, 0L);
    table.avgDecimal(group, 4, price, 0L);
    table.avgDecimal(group, 5, price, 0L);
    table.avgDecimal(group, 6, 5L, 0L);
    table.count(group, 7);
    return group;
  }
}
