package dev.ember.runtime.operators.aggregate;

import dev.ember.runtime.functions.XxHash64;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Spark's {@code approx_count_distinct(x, rsd)}: HyperLogLog++ (Heule, Nunkesser and Hall, 2013) over
 * the 64-bit XXH64 hash (seed 42) of each non-null value, with {@code p = ceil(2 log2(1.106 / rsd))}
 * index bits. Registers merge by maximum, so the estimate does not depend on the number of workers.
 *
 * <p>Estimates use linear counting below the paper's threshold for {@code p} and the raw estimate
 * above five times the register count, as Spark does. Between the two Spark subtracts an empirical bias
 * (the paper's interpolation tables), which Ember does not have: there its estimate may differ from
 * Spark's by that bias.
 */
public record ApproxCountDistinctAggregate(DataType type, double relativeSd) implements ObjectAggregate {
  private static final long SEED = 42L;
  /** The paper's linear-counting thresholds, for p = 4 to 18. */
  private static final int[] THRESHOLDS = {
    10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 11500, 20000, 50000, 120000, 350000,
  };

  public ApproxCountDistinctAggregate {
    Objects.requireNonNull(type, "type is null");
  }

  /** Spark's index bits for a relative standard deviation; Spark requires at least 4. */
  public static int precision(double relativeSd) {
    return (int) Math.ceil(2.0 * Math.log(1.106 / relativeSd) / Math.log(2.0));
  }

  @Override
  public List<DataType> argumentTypes() {
    return List.of(type);
  }

  @Override
  public DataType resultType() {
    return DataTypes.LongType;
  }

  @Override
  public GroupState newState() {
    return new State(precision(relativeSd));
  }

  /** The value's hash as Spark's {@code xxhash64(value)} computes it. */
  long hash(Object value) {
    if (value instanceof Boolean b) {
      return XxHash64.hashInt(b ? 1 : 0, SEED);
    } else if (value instanceof Long l) {
      return type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType
          ? XxHash64.hashLong(l, SEED) : XxHash64.hashInt((int) (long) l, SEED);
    } else if (value instanceof Double d) {
      if (type instanceof FloatType) {
        float f = (float) (double) d;
        return XxHash64.hashInt(f == 0.0f ? 0 : Float.floatToIntBits(f), SEED);
      }
      return XxHash64.hashLong(d == 0.0 ? 0L : Double.doubleToLongBits(d), SEED);
    } else if (value instanceof BigDecimal decimal) {
      return ((DecimalType) type).precision() <= 18
          ? XxHash64.hashLong(decimal.unscaledValue().longValue(), SEED)
          : XxHash64.hashBytes(decimal.unscaledValue().toByteArray(), SEED);
    } else if (value instanceof byte[] bytes) {
      return XxHash64.hashBytes(bytes, SEED);
    }
    throw new IllegalArgumentException("approx_count_distinct cannot hash " + value.getClass().getName());
  }

  private final class State implements GroupState {
    private final int precision;
    private final byte[] registers;
    private boolean charged;

    State(int precision) {
      this.precision = precision;
      this.registers = new byte[1 << precision];
    }

    @Override
    public long update(Object[] arguments, long position) {
      if (arguments[0] != null) {
        add(hash(arguments[0]));
      }
      return charge();
    }

    private long charge() {
      if (charged) {
        return 0;
      }
      charged = true;
      return 32L + registers.length;
    }

    private void add(long hash) {
      int index = (int) (hash >>> (64 - precision));
      long remaining = (hash << precision) | (1L << (precision - 1));
      int rank = Long.numberOfLeadingZeros(remaining) + 1;
      if (rank > registers[index]) {
        registers[index] = (byte) rank;
      }
    }

    @Override
    public long merge(GroupState other) {
      byte[] those = ((State) other).registers;
      for (int i = 0; i < registers.length; i++) {
        registers[i] = (byte) Math.max(registers[i], those[i]);
      }
      return charge();
    }

    @Override
    public Object result() {
      int m = registers.length;
      double inverseSum = 0;
      int zeros = 0;
      for (byte register : registers) {
        inverseSum += 1.0 / (1L << register);
        if (register == 0) {
          zeros++;
        }
      }
      double estimate = alpha(m) * m * m / inverseSum;
      if (zeros > 0) {
        double linear = m * Math.log((double) m / zeros);
        if (linear <= THRESHOLDS[precision - 4]) {
          estimate = linear;
        }
      }
      return Math.round(estimate);
    }

    private double alpha(int m) {
      return switch (precision) {
        case 4 -> 0.673;
        case 5 -> 0.697;
        case 6 -> 0.709;
        default -> 0.7213 / (1.0 + 1.079 / m);
      };
    }
  }
}
