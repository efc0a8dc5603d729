package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.DataType;
import java.util.Objects;

/**
 * One aggregate: its kind, the type of the values passed to the table, and the result column's type.
 * For {@code COUNT_ROWS} the input type is ignored (use {@code NullType} or the counted column's type).
 * An {@code OBJECT} accumulator also names the {@link ObjectAggregate} that makes its per-group state;
 * the other kinds have none.
 */
public record AccumulatorSpec(AccumulatorKind kind, DataType inputType, DataType resultType,
    ObjectAggregate objectAggregate) {
  public AccumulatorSpec {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(inputType, "inputType is null");
    Objects.requireNonNull(resultType, "resultType is null");
    if ((kind == AccumulatorKind.OBJECT) != (objectAggregate != null)) {
      throw new IllegalArgumentException("an OBJECT accumulator, and only one, needs an object aggregate: " + kind);
    }
  }

  public AccumulatorSpec(AccumulatorKind kind, DataType inputType, DataType resultType) {
    this(kind, inputType, resultType, null);
  }

  /** An {@code OBJECT} accumulator whose state {@code aggregate} makes. */
  public static AccumulatorSpec object(ObjectAggregate aggregate) {
    Objects.requireNonNull(aggregate, "aggregate is null");
    DataType input = aggregate.argumentTypes().isEmpty()
        ? dev.ember.sql.types.DataTypes.NullType : aggregate.argumentTypes().get(0);
    return new AccumulatorSpec(AccumulatorKind.OBJECT, input, aggregate.resultType(), aggregate);
  }
}
