package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * Spark's {@code first} and {@code last} (also {@code first_value}, {@code last_value},
 * {@code any_value}): the value of the group's first (or last) row, or with {@code ignoreNulls} its
 * first (or last) non-null value. Spark's answer depends on row order; Ember's follows input order
 * (morsel, then row), whatever the number of workers, which is Spark's for ordered, single-partition
 * input.
 */
public record FirstLastAggregate(DataType type, boolean last, boolean ignoreNulls) implements ObjectAggregate {
  public FirstLastAggregate {
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
    private boolean set;
    private long position;
    private Object value;

    @Override
    public long update(Object[] arguments, long rowPosition) {
      Object argument = arguments[0];
      if (argument == null && ignoreNulls) {
        return 0;
      }
      return offer(argument, rowPosition);
    }

    private long offer(Object candidate, long candidatePosition) {
      if (set && (last ? candidatePosition < position : candidatePosition > position)) {
        return 0;
      }
      long grown = set ? 0 : 48;
      set = true;
      position = candidatePosition;
      value = candidate;
      return grown + (candidate == null ? 0 : BoxedValues.estimatedBytes(candidate));
    }

    @Override
    public long merge(GroupState other) {
      State state = (State) other;
      return state.set ? offer(state.value, state.position) : 0;
    }

    @Override
    public Object result() {
      return value;
    }
  }
}
