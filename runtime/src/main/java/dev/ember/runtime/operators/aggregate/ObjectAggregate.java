package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.DataType;
import java.util.List;

/**
 * An aggregate whose per-group state is a Java object ({@link GroupState}): sets, sketches, the first
 * value of any type. Implementations are immutable descriptions, shared by all workers.
 *
 * <p>Values cross this interface in one boxed form per type ({@link BoxedValues}): {@code Boolean};
 * {@code Long} for byte, short, int, long, date (days) and timestamp (microseconds); {@code Double} for
 * float and double; {@code BigDecimal} for decimals; {@code byte[]} for strings (UTF-8) and binary;
 * {@code null} for null.
 */
public interface ObjectAggregate {
  /** The types of the arguments each row passes, in order. */
  List<DataType> argumentTypes();

  DataType resultType();

  /** A state for a group that has seen no rows yet. */
  GroupState newState();
}
