package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.DataType;
import java.util.Objects;

/**
 * One aggregate: its kind, the type of the values passed to the table, and the result column's type.
 * For {@code COUNT_ROWS} the input type is ignored (use {@code NullType} or the counted column's type).
 */
public record AccumulatorSpec(AccumulatorKind kind, DataType inputType, DataType resultType) {
  public AccumulatorSpec {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(inputType, "inputType is null");
    Objects.requireNonNull(resultType, "resultType is null");
  }
}
