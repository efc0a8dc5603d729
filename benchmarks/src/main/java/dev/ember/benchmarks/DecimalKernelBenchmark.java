package dev.ember.benchmarks;

import dev.ember.codegen.generated.GeneratedRuntime;
import dev.ember.codegen.semantics.DecimalOps;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-row decimal work of TPC-H Q1's {@code sum(l_extendedprice * (1 - l_discount))}: a
 * decimal(15,2) times a decimal(16,2) into decimal(32,4), then the sum's 128-bit halves. {@code path}
 * switches between what generated kernels did before profiling ({@code bigDecimal}: BigDecimal
 * multiply with rounding and precision check, high word by a BigInteger shift) and now
 * ({@code int128}: {@link GeneratedRuntime#decimalProduct} and the shift-free high word). Rows per
 * second, one thread; values drawn like TPC-H prices and discounts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class DecimalKernelBenchmark {
  private static final int ROWS = 4096;

  @Param({"bigDecimal", "int128"})
  public String path;

  private long[] prices;
  private long[] discounts;

  @Setup
  public void generate() {
    SplittableRandom random = new SplittableRandom(42);
    prices = new long[ROWS];
    discounts = new long[ROWS];
    for (int row = 0; row < ROWS; row++) {
      prices[row] = random.nextLong(90_000L, 10_500_000L); // 900.00 .. 105,000.00
      discounts[row] = 100L - random.nextLong(0L, 11L); // 1 - 0.00 .. 0.10
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long productAndSumWords() {
    long checksum = 0;
    if (path.equals("int128")) {
      for (int row = 0; row < ROWS; row++) {
        BigDecimal product = GeneratedRuntime.decimalProduct(prices[row], discounts[row], 4);
        checksum += GeneratedRuntime.decimalLow(product) ^ GeneratedRuntime.decimalHigh(product);
      }
    } else {
      for (int row = 0; row < ROWS; row++) {
        BigDecimal product = DecimalOps.multiply(BigDecimal.valueOf(prices[row], 2),
            BigDecimal.valueOf(discounts[row], 2), 32, 4, true);
        checksum += product.unscaledValue().longValue() ^ product.unscaledValue().shiftRight(64).longValue();
      }
    }
    return checksum;
  }
}
