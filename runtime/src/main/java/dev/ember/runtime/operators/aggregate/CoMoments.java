package dev.ember.runtime.operators.aggregate;

import static dev.ember.runtime.operators.aggregate.CentralMoments.getDouble;
import static dev.ember.runtime.operators.aggregate.CentralMoments.putDouble;

/**
 * Count, means, co-moment and the two second moments of pairs of doubles, in a 48-byte state
 * ({@code n@0 xAvg@8 yAvg@16 ck@24 xMk@32 yMk@40}), for {@code covar_pop}, {@code covar_samp} and
 * {@code corr}, updated and merged with Spark's formulas.
 */
final class CoMoments {
  static final int WIDTH = 48;

  private CoMoments() {}

  static void update(long state, double x, double y) {
    double n = getDouble(state) + 1.0;
    double xAverage = getDouble(state + 8);
    double yAverage = getDouble(state + 16);
    double dx = x - xAverage;
    double dy = y - yAverage;
    double newXAverage = xAverage + dx / n;
    double newYAverage = yAverage + dy / n;
    putDouble(state, n);
    putDouble(state + 8, newXAverage);
    putDouble(state + 16, newYAverage);
    putDouble(state + 24, getDouble(state + 24) + dx * (y - newYAverage));
    putDouble(state + 32, getDouble(state + 32) + dx * (x - newXAverage));
    putDouble(state + 40, getDouble(state + 40) + dy * (y - newYAverage));
  }

  static void merge(long into, long from) {
    double n1 = getDouble(into);
    double n2 = getDouble(from);
    double n = n1 + n2;
    double dx = getDouble(from + 8) - getDouble(into + 8);
    double dy = getDouble(from + 16) - getDouble(into + 16);
    double dxN = n == 0.0 ? 0.0 : dx / n;
    double dyN = n == 0.0 ? 0.0 : dy / n;
    putDouble(into, n);
    putDouble(into + 8, getDouble(into + 8) + dxN * n2);
    putDouble(into + 16, getDouble(into + 16) + dyN * n2);
    putDouble(into + 24, getDouble(into + 24) + getDouble(from + 24) + dx * dyN * n1 * n2);
    putDouble(into + 32, getDouble(into + 32) + getDouble(from + 32) + dx * dxN * n1 * n2);
    putDouble(into + 40, getDouble(into + 40) + getDouble(from + 40) + dy * dyN * n1 * n2);
  }

  /**
   * Spark's result or null (no rows; one row for the sample covariance and the correlation). A
   * correlation of a constant column divides by zero: an error under ANSI, else null.
   */
  static Double result(long state, AccumulatorKind kind, boolean ansiEnabled) {
    double n = getDouble(state);
    if (n == 0.0) {
      return null;
    }
    double ck = getDouble(state + 24);
    return switch (kind) {
      case COVAR_POP -> ck / n;
      case COVAR_SAMP -> n == 1.0 ? null : ck / (n - 1.0);
      case CORR -> {
        if (n == 1.0) {
          yield null;
        }
        double divisor = Math.sqrt(getDouble(state + 32) * getDouble(state + 40));
        if (divisor == 0.0) {
          if (ansiEnabled) {
            throw AggregateErrors.divideByZero();
          }
          yield null;
        }
        yield ck / divisor;
      }
      default -> throw new IllegalArgumentException("not a co-moment aggregate: " + kind);
    };
  }
}
