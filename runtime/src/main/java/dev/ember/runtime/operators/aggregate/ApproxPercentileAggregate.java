package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Spark's {@code percentile_approx(x, p, accuracy)}: the smallest value whose rank (1-based, in
 * ascending order, NaN last) is at least {@code ceil(p * n)}, an actual input value, of the input's
 * type; null for a group without values. With {@code array(p1, p2, ...)} for p, an array of one such
 * value per percentage.
 *
 * <p>Spark keeps a Greenwald-Khanna summary whose rank error is at most {@code n / accuracy}; while
 * it holds every value (few rows for the accuracy; always for the default 10000 and up to a few
 * thousand rows) its answer is this exact one. Ember always keeps every value, so with many rows and a
 * low accuracy Spark may return a neighbouring value where Ember returns the exact one. Values are
 * compared as doubles, as Spark does, so longs beyond 2^53 lose precision alike.
 */
public record ApproxPercentileAggregate(DataType type, List<Double> percentages, boolean array, int accuracy)
    implements ObjectAggregate {
  public ApproxPercentileAggregate {
    Objects.requireNonNull(type, "type is null");
    percentages = List.copyOf(Objects.requireNonNull(percentages, "percentages is null"));
    for (double percentage : percentages) {
      if (!(percentage >= 0.0 && percentage <= 1.0)) {
        throw new IllegalArgumentException("percentage must be between 0.0 and 1.0, got " + percentage);
      }
    }
    if (!array && percentages.size() != 1) {
      throw new IllegalArgumentException("one percentage without an array result, got " + percentages);
    }
    if (accuracy <= 0) {
      throw new IllegalArgumentException("accuracy must be positive, got " + accuracy);
    }
  }

  /** {@code percentile_approx(x, p, accuracy)}: one value of the input's type. */
  public ApproxPercentileAggregate(DataType type, double percentage, int accuracy) {
    this(type, List.of(percentage), false, accuracy);
  }

  @Override
  public List<DataType> argumentTypes() {
    return List.of(type);
  }

  @Override
  public DataType resultType() {
    return array ? new ArrayType(type, false) : type;
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
      // Spark gives null for an empty array of percentages too.
      if (size == 0 || percentages.isEmpty()) {
        return null;
      }
      double[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      List<Object> results = new ArrayList<>(percentages.size());
      for (double percentage : percentages) {
        long rank = (long) Math.ceil(percentage * size);
        int index = (int) Math.min(size, Math.max(1, rank)) - 1;
        results.add(fromDouble(sorted[index]));
      }
      return array ? results : results.get(0);
    }
  }
}
