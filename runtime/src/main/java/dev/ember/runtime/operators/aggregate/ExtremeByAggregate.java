package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * Spark's {@code max_by(x, ordering)} and {@code min_by(x, ordering)}: the {@code x} of the row with
 * the largest (smallest) non-null ordering value; {@code x} itself may be null. Of equal orderings (-0.0 and 0.0
 * are equal) the last row in input order wins, as in Spark.
 */
public record ExtremeByAggregate(DataType valueType, DataType orderingType, boolean maximum)
    implements ObjectAggregate {
  public ExtremeByAggregate {
    Objects.requireNonNull(valueType, "valueType is null");
    Objects.requireNonNull(orderingType, "orderingType is null");
  }

  @Override
  public List<DataType> argumentTypes() {
    return List.of(valueType, orderingType);
  }

  @Override
  public DataType resultType() {
    return valueType;
  }

  @Override
  public GroupState newState() {
    return new State();
  }

  private final class State implements GroupState {
    private Object value;
    private Object ordering;
    private long position;

    @Override
    public long update(Object[] arguments, long rowPosition) {
      return arguments[1] == null ? 0 : offer(arguments[0], arguments[1], rowPosition);
    }

    private long offer(Object candidate, Object candidateOrdering, long candidatePosition) {
      if (ordering != null) {
        int comparison = BoxedValues.compare(candidateOrdering, ordering);
        boolean better = maximum ? comparison > 0 : comparison < 0;
        if (!better && !(comparison == 0 && candidatePosition > position)) {
          return 0;
        }
      }
      long grown = ordering == null ? 48 : 0;
      value = candidate;
      ordering = candidateOrdering;
      position = candidatePosition;
      return grown + (candidate == null ? 0 : BoxedValues.estimatedBytes(candidate))
          + BoxedValues.estimatedBytes(candidateOrdering);
    }

    @Override
    public long merge(GroupState other) {
      State state = (State) other;
      return state.ordering == null ? 0 : offer(state.value, state.ordering, state.position);
    }

    @Override
    public Object result() {
      return value;
    }
  }
}
