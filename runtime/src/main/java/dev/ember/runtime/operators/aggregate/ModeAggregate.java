package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.DataType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spark's {@code mode(x)}: the most frequent non-null value, null for a group without values. Spark
 * leaves the choice among equally frequent values unspecified; Ember takes the one seen first.
 */
public record ModeAggregate(DataType type) implements ObjectAggregate {
  public ModeAggregate {
    Objects.requireNonNull(type, "type is null");
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

  private final class State implements GroupState {
    private final Map<Object, long[]> counts = new LinkedHashMap<>();

    @Override
    public long update(Object[] arguments, long position) {
      return arguments[0] == null ? 0 : add(BoxedValues.groupingKey(arguments[0]), 1, position);
    }

    /** Count and first position per value: merging keeps the earliest position. */
    private long add(Object key, long count, long position) {
      long[] entry = counts.get(key);
      if (entry == null) {
        counts.put(key, new long[] {count, position});
        return 96;
      }
      entry[0] += count;
      entry[1] = Math.min(entry[1], position);
      return 0;
    }

    @Override
    public long merge(GroupState other) {
      long grown = 0;
      for (Map.Entry<Object, long[]> entry : ((State) other).counts.entrySet()) {
        grown += add(entry.getKey(), entry.getValue()[0], entry.getValue()[1]);
      }
      return grown;
    }

    @Override
    public Object result() {
      Object best = null;
      long[] bestEntry = null;
      for (Map.Entry<Object, long[]> entry : counts.entrySet()) {
        long[] candidate = entry.getValue();
        if (bestEntry == null || candidate[0] > bestEntry[0]
            || (candidate[0] == bestEntry[0] && candidate[1] < bestEntry[1])) {
          best = entry.getKey();
          bestEntry = candidate;
        }
      }
      return best == null ? null : BoxedValues.fromGroupingKey(best, type);
    }
  }
}
