package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code f(DISTINCT a, b, ...)}: per group, the set of distinct argument tuples with no null (Spark's
 * grouping equality: -0.0 is 0.0, NaNs are equal); when the result is written the tuples are fed, in
 * first-seen order, into {@code inner}, the accumulator {@code f} would use without DISTINCT (see
 * {@link DistinctResults}). Spark instead plans an extra aggregation by the distinct arguments; a
 * hash set per group gives the same values.
 */
public record DistinctAggregate(List<DataType> argumentTypes, AccumulatorSpec inner) implements ObjectAggregate {
  public DistinctAggregate {
    argumentTypes = List.copyOf(argumentTypes);
    Objects.requireNonNull(inner, "inner is null");
  }

  @Override
  public DataType resultType() {
    return inner.resultType();
  }

  @Override
  public GroupState newState() {
    return new State();
  }

  /** The distinct tuples, boxed as the inner accumulator takes them. */
  static List<Object[]> tuples(GroupState state, List<DataType> types) {
    List<Object[]> tuples = new ArrayList<>();
    for (List<Object> keys : ((State) state).keys) {
      Object[] tuple = new Object[keys.size()];
      for (int i = 0; i < tuple.length; i++) {
        tuple[i] = BoxedValues.fromGroupingKey(keys.get(i), types.get(i));
      }
      tuples.add(tuple);
    }
    return tuples;
  }

  private static final class State implements GroupState {
    private final Set<List<Object>> keys = new LinkedHashSet<>();

    @Override
    public long update(Object[] arguments, long position) {
      long bytes = 48;
      Object[] key = new Object[arguments.length];
      for (int i = 0; i < arguments.length; i++) {
        if (arguments[i] == null) {
          return 0;
        }
        key[i] = BoxedValues.groupingKey(arguments[i]);
        bytes += BoxedValues.estimatedBytes(arguments[i]);
      }
      return keys.add(Arrays.asList(key)) ? bytes : 0;
    }

    @Override
    public long merge(GroupState other) {
      long bytes = 0;
      for (List<Object> key : ((State) other).keys) {
        if (keys.add(key)) {
          bytes += 48 + 24L * key.size();
        }
      }
      return bytes;
    }

    @Override
    public Object result() {
      throw new IllegalStateException("a DISTINCT aggregate's result comes from its inner accumulator");
    }
  }
}
