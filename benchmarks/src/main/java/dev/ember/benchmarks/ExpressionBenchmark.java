package dev.ember.benchmarks;

import dev.ember.benchmarks.expressions.BenchmarkExpression;
import dev.ember.benchmarks.expressions.ExpressionAnswers;
import dev.ember.benchmarks.expressions.ExpressionData;
import dev.ember.benchmarks.expressions.ExpressionEngine;
import java.nio.file.Path;
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
 * Expression evaluation speed: {@code sum(hash(<expression>))} over a cached in-memory table (see
 * {@link ExpressionData}) on Ember's generated kernels, Ember's interpreted kernels
 * ({@code spark.sql.codegen.wholeStage=false}) and Spark, with the same core count. The expressions are
 * those of {@link BenchmarkExpression}; {@code column} and {@code stringColumn} time the scan and the
 * checksum alone. Before timing, each fork checks its engine's answer against the answer all three
 * engines agreed on ({@link ExpressionAnswers}, computed once per data set). Run with
 * {@code ./mvnw -Pjmh package -pl benchmarks -am -DskipTests -Dbench.args="ExpressionBenchmark -f 1 -wi 2 -i 3"}
 * (add {@code -p cores=1,2} or {@code -p expression=upper,md5} to choose).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {
  "-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
  "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
  "--enable-native-access=ALL-UNNAMED", "-Darrow.allocation.manager.type=Unsafe", "-Xmx3g"})
public class ExpressionBenchmark {
  @Param({ExpressionEngine.EMBER_GENERATED, ExpressionEngine.EMBER_INTERPRETED, ExpressionEngine.SPARK})
  public String engine;

  @Param({"column", "stringColumn", "intCaseWhen", "doubleArithmetic", "decimalArithmetic", "upper", "substring",
    "concat", "like", "regexpReplace", "year", "dateAdd", "datediff", "dateFormat", "hash", "xxhash64", "md5",
    "coalesceNvlGreatest", "castStringToInt", "castDoubleToString", "splitElementAt"})
  public String expression;

  @Param({"1"})
  public int cores;

  /** Rows of the cached table; the data set is generated into the benchmark cache if missing. */
  @Param({"2000000"})
  public long rows;

  private BenchmarkExpression measured;
  private ExpressionEngine queryEngine;

  @Setup(Level.Trial)
  public void start() throws Exception {
    measured = BenchmarkExpression.forParameter(expression);
    Path data = ExpressionData.ensure(rows);
    long agreed = ExpressionAnswers.agreed(data, measured);
    queryEngine = ExpressionEngine.start(engine, cores, data);
    long answer = queryEngine.checksum(measured);
    if (answer != agreed) {
      throw new IllegalStateException(engine + " answers " + answer + " for " + measured.checksumSql() + " over "
          + data + ", but all three engines agreed on " + agreed + " when checked");
    }
    queryEngine.codegenFallback().ifPresent(reason ->
        System.out.println("note: " + measured.parameterName() + " runs interpreted on " + engine + ": " + reason));
  }

  @TearDown(Level.Trial)
  public void stop() {
    if (queryEngine != null) {
      queryEngine.close();
    }
  }

  @Benchmark
  public long evaluate() {
    return queryEngine.checksum(measured);
  }
}
