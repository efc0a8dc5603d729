package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Spark's {@code percentile_approx(x, p, accuracy)}: the smallest value whose rank (1-based, in
 * ascending order, NaN last) is at least {@code ceil(p * n)}, an actual input value, of the input's
 * type; null for a group without values.
 *
 * <p>Spark keeps a Greenwald-Khanna summary whose rank error is at most {@code n / accuracy}; while
 * it holds every value (few rows for the accuracy; always for the default 10000 and up to a few
 * thousand rows) its answer is this exact one. Ember always keeps every value, so with many rows and a
 * low accuracy Spark may return a neighbouring value where Ember returns the exact one. Values are
 * compared as doubles, as Spark does, so longs beyond 2^53 lose precision alike.
 */
public record ApproxPercentileAggregate(DataType type, double percentage, int accuracy) implements ObjectAggregate {
  public ApproxPercentileAggregate {
    Objects.requireNonNull(type, "type is null");
    if (!(percentage >= 0.0 && percentage <= 1.0)) {
      throw new IllegalArgumentException("percentage must be between 0.0 and 1.0, got " + percentage);
    }
    if (accuracy <= 0) {
      throw new IllegalArgumentException("accuracy must be positive, got " + accuracy);
    }
  }

  @Override
  public List<DataType> argumentTypes() {
    return List.of(type);
  }

  @Override
  public DataType resultType() {
    return type;
  }

  @Override
  public GroupState newState() {
    return new State();
  }

  /** The chosen double as the input type's boxed form ({@link BoxedValues}). */
  private Object fromDouble(double value) {
    if (type instanceof DoubleType || type instanceof FloatType) {
      return value;
    }
    if (type instanceof DecimalType decimal) {
      // Spark keeps the double's own scale (3.0 shows as 3.0 in a decimal(10,2) column); Arrow keeps the type's.
      return BigDecimal.valueOf(value).setScale(decimal.scale(), java.math.RoundingMode.HALF_UP);
    }
    return (long) value;
  }

  private final class State implements GroupState {
    private double[] values = new double[4];
    private int size;

    @Override
    public long update(Object[] arguments, long position) {
      return arguments[0] == null ? 0 : add(PercentileAggregate.toDouble(arguments[0]));
    }

    private long add(double value) {
      long grown = 0;
      if (size == values.length) {
        grown = 8L * size;
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
      return grown;
    }

    @Override
    public long merge(GroupState other) {
      State state = (State) other;
      long grown = 0;
      for (int i = 0; i < state.size; i++) {
        grown += add(state.values[i]);
      }
      return grown;
    }

    @Override
    public Object result() {
      if (size == 0) {
        return null;
      }
      double[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      long rank = (long) Math.ceil(percentage * size);
      int index = (int) Math.min(size, Math.max(1, rank)) - 1;
      return fromDouble(sorted[index]);
    }
  }
}
