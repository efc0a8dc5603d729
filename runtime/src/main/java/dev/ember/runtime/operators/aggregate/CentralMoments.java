package dev.ember.runtime.operators.aggregate;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Count, mean and central moment sums (m2, m3, m4) of doubles, in a 40-byte state
 * ({@code n@0 avg@8 m2@16 m3@24 m4@32}), for the variance, standard deviation, skewness and kurtosis
 * families. Updates and merges are Spark's: the one-pass Welford update, with m3 and m4 corrected by
 * the updated lower moments, and Pébay's pairwise merge, so the doubles come out bit for bit as
 * Spark's when rows are added and merged in the same order.
 */
final class CentralMoments {
  static final int WIDTH = 40;

  private CentralMoments() {}

  static void update(long state, double value, int order) {
    double n = getDouble(state) + 1.0;
    double average = getDouble(state + 8);
    double m2 = getDouble(state + 16);
    double delta = value - average;
    double deltaN = delta / n;
    double newM2 = m2 + delta * (delta - deltaN);
    putDouble(state, n);
    putDouble(state + 8, average + deltaN);
    putDouble(state + 16, newM2);
    if (order >= 3) {
      double delta2 = delta * delta;
      double deltaN2 = deltaN * deltaN;
      double newM3 = getDouble(state + 24) - 3.0 * deltaN * newM2 + delta * (delta2 - deltaN2);
      putDouble(state + 24, newM3);
      if (order >= 4) {
        double newM4 = getDouble(state + 32) - 4.0 * deltaN * newM3 - 6.0 * deltaN2 * newM2
            + delta * (delta * delta2 - deltaN * deltaN2);
        putDouble(state + 32, newM4);
      }
    }
  }

  static void merge(long into, long from, int order) {
    double n1 = getDouble(into);
    double n2 = getDouble(from);
    double n = n1 + n2;
    double delta = getDouble(from + 8) - getDouble(into + 8);
    double deltaN = n == 0.0 ? 0.0 : delta / n;
    double m21 = getDouble(into + 16);
    double m22 = getDouble(from + 16);
    double m31 = getDouble(into + 24);
    double m32 = getDouble(from + 24);
    putDouble(into, n);
    putDouble(into + 8, getDouble(into + 8) + deltaN * n2);
    putDouble(into + 16, m21 + m22 + delta * deltaN * n1 * n2);
    if (order >= 3) {
      putDouble(into + 24, m31 + m32 + deltaN * deltaN * delta * n1 * n2 * (n1 - n2)
          + 3.0 * deltaN * (n1 * m22 - n2 * m21));
      if (order >= 4) {
        putDouble(into + 32, getDouble(into + 32) + getDouble(from + 32)
            + deltaN * deltaN * deltaN * delta * n1 * n2 * (n1 * n1 - n1 * n2 + n2 * n2)
            + 6.0 * deltaN * deltaN * (n1 * n1 * m22 + n2 * n2 * m21)
            + 4.0 * deltaN * (n1 * m32 - n2 * m31));
      }
    }
  }

  /** The highest moment {@code kind} needs. */
  static int order(AccumulatorKind kind) {
    return switch (kind) {
      case SKEWNESS -> 3;
      case KURTOSIS -> 4;
      default -> 2;
    };
  }

  /**
   * Spark's result, or null: null without rows; a sample statistic of one row and the skewness or
   * kurtosis of constant input are null too (Spark 4's divide-by-zero result for these).
   */
  static Double result(long state, AccumulatorKind kind) {
    double n = getDouble(state);
    if (n == 0.0) {
      return null;
    }
    double m2 = getDouble(state + 16);
    return switch (kind) {
      case VAR_POP -> m2 / n;
      case STDDEV_POP -> Math.sqrt(m2 / n);
      case VAR_SAMP -> n == 1.0 ? null : m2 / (n - 1.0);
      case STDDEV_SAMP -> n == 1.0 ? null : Math.sqrt(m2 / (n - 1.0));
      case SKEWNESS -> m2 == 0.0 ? null : Math.sqrt(n) * getDouble(state + 24) / Math.sqrt(m2 * m2 * m2);
      case KURTOSIS -> m2 == 0.0 ? null : n * getDouble(state + 32) / (m2 * m2) - 3.0;
      default -> throw new IllegalArgumentException("not a central moment aggregate: " + kind);
    };
  }

  static double getDouble(long address) {
    return Double.longBitsToDouble(MemoryUtil.getLong(address));
  }

  static void putDouble(long address, double value) {
    MemoryUtil.putLong(address, Double.doubleToRawLongBits(value));
  }
}
