package dev.ember.benchmarks;

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
 * A pipeline that builds an array and a struct per row and takes them apart again ({@code size},
 * {@code element_at}, {@code array_contains}, a struct field), summed so that nothing nested is
 * collected: Ember's generated kernel against its interpreted one
 * ({@code spark.sql.codegen.wholeStage=false}), one core, each engine in its own fork. Run with
 * {@code ./mvnw -Pjmh package -pl benchmarks -am -DskipTests -Dbench.args="NestedExpression"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {
  "-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--add-opens=java.base/java.util=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
  "-Darrow.allocation.manager.type=Unsafe", "-Xmx4g"})
public class NestedExpressionBenchmark {
  static final long ROWS = 2_000_000;

  @Param({"ember-generated", "ember-interpreted"})
  public String engine;

  private dev.ember.sql.SparkSession ember;
  private long expectedSum;
  private long expectedContains;

  @Setup(Level.Trial)
  public void setUp() {
    ember = dev.ember.sql.SparkSession.builder().master("local[1]")
        .config("spark.sql.codegen.wholeStage", Boolean.toString(engine.equals("ember-generated")))
        .getOrCreate();
    for (long id = 0; id < ROWS; id++) {
      expectedSum += 3 + id % 7 + id % 3;
      expectedContains += id == 3 || id + 1 == 3 || id % 7 == 3 ? 1 : 0;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    ember.stop();
  }

  @Benchmark
  public long buildAndTakeApart() {
    List<dev.ember.sql.Row> rows = ember.range(ROWS)
        .selectExpr("array(id, id + 1, id % 7) a", "named_struct('x', id, 'y', id % 3) s")
        .select(dev.ember.sql.functions.expr("size(a) + element_at(a, 3)")
            .plus(dev.ember.sql.functions.col("s").getField("y")).as("v"),
            dev.ember.sql.functions.expr("array_contains(a, 3L)").as("c"))
        .selectExpr("sum(v)", "count_if(c)").collectAsList();
    long sum = rows.get(0).getLong(0);
    long contains = rows.get(0).getLong(1);
    if (sum != expectedSum || contains != expectedContains) {
      throw new IllegalStateException("sum " + sum + " and count " + contains + ", expected " + expectedSum + " and "
          + expectedContains);
    }
    return sum;
  }
}
