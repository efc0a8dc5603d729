package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Spark's {@code collect_list(x)} and {@code collect_set(x)}: the group's non-null values as an
 * array (never null: an empty array for a group without values). The list keeps input order (the
 * positions the table passes, so merged partitions come back in morsel order); the set keeps each
 * value once by Spark's grouping equality, in first-seen order (Spark leaves the order unspecified).
 * The result is a {@code java.util.List} of {@code dev.ember.runtime.batch.NestedValues} objects.
 */
public record CollectAggregate(DataType type, boolean distinct) implements ObjectAggregate {
  public CollectAggregate {
    Objects.requireNonNull(type, "type is null");
  }

  @Override
  public List<DataType> argumentTypes() {
    return List.of(type);
  }

  @Override
  public DataType resultType() {
    return new ArrayType(type, false);
  }

  @Override
  public GroupState newState() {
    return distinct ? new SetState() : new ListState();
  }

  /** A boxed aggregate value as the nested value of an array element of {@code type}. */
  private Object element(Object boxed) {
    if (boxed instanceof byte[] bytes && type instanceof StringType) {
      return new String(bytes, StandardCharsets.UTF_8);
    } else if (boxed instanceof Long value) {
      if (type instanceof IntegerType || type instanceof DateType) {
        return value.intValue();
      } else if (type instanceof ShortType) {
        return value.shortValue();
      } else if (type instanceof ByteType) {
        return value.byteValue();
      } else if (type instanceof BooleanType) {
        return value != 0;
      }
    } else if (boxed instanceof Double value && type instanceof FloatType) {
      return value.floatValue();
    }
    return boxed;
  }

  /** Values with the position they were seen at; sorted by position when the result is made. */
  private final class ListState implements GroupState {
    private final List<Object> values = new ArrayList<>();
    private final List<Long> positions = new ArrayList<>();

    @Override
    public long update(Object[] arguments, long position) {
      if (arguments[0] == null) {
        return 0;
      }
      values.add(arguments[0]);
      positions.add(position);
      return 16 + BoxedValues.estimatedBytes(arguments[0]);
    }

    @Override
    public long merge(GroupState other) {
      ListState theirs = (ListState) other;
      values.addAll(theirs.values);
      positions.addAll(theirs.positions);
      return 16L * theirs.values.size();
    }

    @Override
    public Object result() {
      Integer[] order = new Integer[values.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (left, right) -> Long.compare(positions.get(left), positions.get(right)));
      List<Object> result = new ArrayList<>(order.length);
      for (Integer index : order) {
        result.add(element(values.get(index)));
      }
      return result;
    }
  }

  private final class SetState implements GroupState {
    private final Set<Object> keys = new LinkedHashSet<>();

    @Override
    public long update(Object[] arguments, long position) {
      return arguments[0] != null && keys.add(BoxedValues.groupingKey(arguments[0]))
          ? 48 + BoxedValues.estimatedBytes(arguments[0]) : 0;
    }

    @Override
    public long merge(GroupState other) {
      long grown = 0;
      for (Object key : ((SetState) other).keys) {
        if (keys.add(key)) {
          grown += 48;
        }
      }
      return grown;
    }

    @Override
    public Object result() {
      List<Object> result = new ArrayList<>(keys.size());
      for (Object key : keys) {
        result.add(element(BoxedValues.fromGroupingKey(key, type)));
      }
      return result;
    }
  }
}
