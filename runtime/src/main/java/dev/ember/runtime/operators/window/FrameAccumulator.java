package dev.ember.runtime.operators.window;

import dev.ember.runtime.operators.aggregate.BoxedValues;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An aggregate over the rows of one frame, fed in frame order. Rows only ever get added: a frame that
 * loses rows is recomputed from its first row, as Spark does, so floating point sums match Spark's.
 */
interface FrameAccumulator {
  void reset();

  /** Adds one row's value (null for NULL). */
  void add(Object value);

  /** The aggregate of the rows added since the last reset. */
  Object result();

  static FrameAccumulator of(WindowFunctionSpec spec) {
    DataType type = spec.output().dataType();
    return switch (spec.kind()) {
      case COUNT -> new Count();
      case SUM -> type instanceof DecimalType decimal ? new DecimalSum(decimal, false)
          : type.isIntegral() ? new LongSum() : new DoubleSum();
      case AVG -> type instanceof DecimalType decimal ? new DecimalSum(decimal, true) : new DoubleAverage();
      case MIN -> new Extreme(-1);
      case MAX -> new Extreme(1);
      case FIRST -> new NthValue(1, spec.ignoreNulls());
      case NTH_VALUE -> new NthValue(spec.offset(), spec.ignoreNulls());
      case LAST -> new Last(spec.ignoreNulls());
      case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP -> new Moments(spec.kind());
      default -> throw new IllegalArgumentException(spec.kind() + " is not a frame aggregate");
    };
  }

  final class Count implements FrameAccumulator {
    private long count;

    @Override
    public void reset() {
      count = 0;
    }

    @Override
    public void add(Object value) {
      if (value != null) {
        count++;
      }
    }

    @Override
    public Object result() {
      return count;
    }
  }

  final class LongSum implements FrameAccumulator {
    private long sum;
    private boolean any;

    @Override
    public void reset() {
      sum = 0;
      any = false;
    }

    @Override
    public void add(Object value) {
      if (value != null) {
        try {
          sum = Math.addExact(sum, ((Number) value).longValue());
        } catch (ArithmeticException overflow) {
          throw new ArithmeticException("[ARITHMETIC_OVERFLOW] long overflow in a window sum. Use 'try_sum' to "
              + "tolerate overflow and return NULL instead. SQLSTATE: 22003");
        }
        any = true;
      }
    }

    @Override
    public Object result() {
      return any ? sum : null;
    }
  }

  final class DoubleSum implements FrameAccumulator {
    private double sum;
    private boolean any;

    @Override
    public void reset() {
      sum = 0;
      any = false;
    }

    @Override
    public void add(Object value) {
      if (value != null) {
        sum += ((Number) value).doubleValue();
        any = true;
      }
    }

    @Override
    public Object result() {
      return any ? sum : null;
    }
  }

  /** Spark sums an average's input as double and divides by the count at the end. */
  final class DoubleAverage implements FrameAccumulator {
    private double sum;
    private long count;

    @Override
    public void reset() {
      sum = 0;
      count = 0;
    }

    @Override
    public void add(Object value) {
      if (value != null) {
        sum += ((Number) value).doubleValue();
        count++;
      }
    }

    @Override
    public Object result() {
      return count == 0 ? null : sum / count;
    }
  }

  /** Decimal sums are exact; an average rounds half up to the result type's scale. */
  final class DecimalSum implements FrameAccumulator {
    private final DecimalType resultType;
    private final boolean average;
    private BigDecimal sum;
    private long count;

    DecimalSum(DecimalType resultType, boolean average) {
      this.resultType = resultType;
      this.average = average;
    }

    @Override
    public void reset() {
      sum = BigDecimal.ZERO;
      count = 0;
    }

    @Override
    public void add(Object value) {
      if (value != null) {
        sum = sum.add((BigDecimal) value);
        count++;
      }
    }

    @Override
    public Object result() {
      if (count == 0) {
        return null;
      }
      return average ? sum.divide(BigDecimal.valueOf(count), resultType.scale(), RoundingMode.HALF_UP)
          : sum.setScale(resultType.scale(), RoundingMode.HALF_UP);
    }
  }

  /** min (sign -1) or max (sign 1) with Spark's ordering. */
  final class Extreme implements FrameAccumulator {
    private final int sign;
    private Object best;

    Extreme(int sign) {
      this.sign = sign;
    }

    @Override
    public void reset() {
      best = null;
    }

    @Override
    public void add(Object value) {
      if (value != null && (best == null || sign * BoxedValues.compare(value, best) > 0)) {
        best = value;
      }
    }

    @Override
    public Object result() {
      return best;
    }
  }

  /** The n-th row's value (first is n = 1), counting only non-null values when nulls are ignored. */
  final class NthValue implements FrameAccumulator {
    private final long n;
    private final boolean ignoreNulls;
    private long seen;
    private Object value;

    NthValue(long n, boolean ignoreNulls) {
      this.n = n;
      this.ignoreNulls = ignoreNulls;
    }

    @Override
    public void reset() {
      seen = 0;
      value = null;
    }

    @Override
    public void add(Object candidate) {
      if (seen >= n || (ignoreNulls && candidate == null)) {
        return;
      }
      seen++;
      if (seen == n) {
        value = candidate;
      }
    }

    @Override
    public Object result() {
      return value;
    }
  }

  final class Last implements FrameAccumulator {
    private final boolean ignoreNulls;
    private Object value;

    Last(boolean ignoreNulls) {
      this.ignoreNulls = ignoreNulls;
    }

    @Override
    public void reset() {
      value = null;
    }

    @Override
    public void add(Object candidate) {
      if (candidate != null || !ignoreNulls) {
        value = candidate;
      }
    }

    @Override
    public Object result() {
      return value;
    }
  }

  /** Variance and standard deviation with Spark's update of the mean and second central moment. */
  final class Moments implements FrameAccumulator {
    private final WindowFunctionKind kind;
    private double count;
    private double mean;
    private double m2;

    Moments(WindowFunctionKind kind) {
      this.kind = kind;
    }

    @Override
    public void reset() {
      count = 0;
      mean = 0;
      m2 = 0;
    }

    @Override
    public void add(Object value) {
      if (value == null) {
        return;
      }
      double x = ((Number) value).doubleValue();
      count++;
      double delta = x - mean;
      double deltaN = delta / count;
      mean += deltaN;
      m2 += delta * (delta - deltaN);
    }

    @Override
    public Object result() {
      if (count == 0) {
        return null;
      }
      return switch (kind) {
        case VAR_POP -> m2 / count;
        case STDDEV_POP -> Math.sqrt(m2 / count);
        case VAR_SAMP -> count == 1 ? null : m2 / (count - 1);
        case STDDEV_SAMP -> count == 1 ? null : Math.sqrt(m2 / (count - 1));
        default -> throw new IllegalStateException(kind + " is not a moment");
      };
    }
  }
}
