package dev.ember.benchmarks.expressions;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One engine under test in {@code ExpressionBenchmark}, holding the data set of {@link ExpressionData}
 * cached in memory and computing expression checksums over it.
 */
public sealed interface ExpressionEngine extends AutoCloseable permits EmberExpressionEngine, SparkExpressionEngine {
  /** The engine names the benchmark's {@code engine} parameter takes. */
  String EMBER_GENERATED = "emberGenerated";
  String EMBER_INTERPRETED = "emberInterpreted";
  String SPARK = "spark";

  /** {@code sum(hash(expression))} over every cached row: what is timed. */
  long checksum(BenchmarkExpression expression);

  /**
   * Why the last {@link #checksum} ran (some of) its work interpreted although generated code was
   * asked for; empty when it did not, or when this engine has no such switch.
   */
  Optional<String> codegenFallback();

  @Override
  void close();

  /** Starts {@code name} on {@code local[cores]}, reads {@code data} and caches it (counted, so filled). */
  static ExpressionEngine start(String name, int cores, Path data) {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be at least 1, got " + cores);
    }
    return switch (name) {
      case EMBER_GENERATED -> EmberExpressionEngine.start(cores, data, true);
      case EMBER_INTERPRETED -> EmberExpressionEngine.start(cores, data, false);
      case SPARK -> SparkExpressionEngine.start(cores, data);
      default -> throw new IllegalArgumentException("unknown engine '" + name + "'; expected "
          + EMBER_GENERATED + ", " + EMBER_INTERPRETED + " or " + SPARK);
    };
  }
}
