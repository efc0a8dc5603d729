package dev.ember.planner.optimizer.rules;

import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;
import java.util.Optional;

/** Integral values in the boxed representation {@code Literal} uses for each integral type. */
final class NumericValues {
  private NumericValues() {}

  /** {@code value} boxed for {@code type}, or empty when it is out of the type's range (an ANSI overflow). */
  static Optional<Object> integral(long value, DataType type) {
    if (type instanceof ByteType) {
      return value == (byte) value ? Optional.of((byte) value) : Optional.empty();
    } else if (type instanceof ShortType) {
      return value == (short) value ? Optional.of((short) value) : Optional.empty();
    } else if (type instanceof IntegerType) {
      return value == (int) value ? Optional.of((int) value) : Optional.empty();
    } else if (type instanceof LongType) {
      return Optional.of(value);
    }
    return Optional.empty();
  }
}
