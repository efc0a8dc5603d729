package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Spark's exact {@code percentile(x, p)} and {@code median(x)}: the non-null values as doubles, sorted
 * (NaN last), then linear interpolation at position {@code (n - 1) * p} between its floor and
 * ceiling neighbours, as Spark computes it; null for a group without values.
 */
public record PercentileAggregate(DataType type, double percentage) implements ObjectAggregate {
  public PercentileAggregate {
    Objects.requireNonNull(type, "type is null");
  }

  @Override
  public List<DataType> argumentTypes() {
    return List.of(type);
  }

  @Override
  public DataType resultType() {
    return DataTypes.DoubleType;
  }

  @Override
  public GroupState newState() {
    return new State();
  }

  static double toDouble(Object value) {
    if (value instanceof Double d) {
      return d;
    } else if (value instanceof Long l) {
      return l;
    } else if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    throw new IllegalArgumentException("percentile needs a numeric value, got " + value.getClass().getName());
  }

  private final class State implements GroupState {
    private double[] values = new double[4];
    private int size;
    private Double firstZero;

    @Override
    public long update(Object[] arguments, long position) {
      return arguments[0] == null ? 0 : add(toDouble(arguments[0]));
    }

    /** Spark counts -0.0 and 0.0 as one value, the one it saw first. */
    private double zeroAsFirstSeen(double value) {
      if (value != 0.0) {
        return value;
      }
      if (firstZero == null) {
        firstZero = value;
      }
      return firstZero;
    }

    private long add(double value) {
      long grown = 0;
      if (size == values.length) {
        grown = 8L * size;
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = zeroAsFirstSeen(value);
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
      // Arrays.sort puts NaN last, as Spark orders doubles; zeros all have one sign (zeroAsFirstSeen).
      Arrays.sort(sorted);
      double position = (size - 1) * percentage;
      long lower = (long) Math.floor(position);
      long higher = (long) Math.ceil(position);
      double lowerValue = sorted[(int) lower];
      if (lower == higher) {
        return lowerValue;
      }
      double higherValue = sorted[(int) higher];
      return (higher - position) * lowerValue + (position - lower) * higherValue;
    }
  }
}
