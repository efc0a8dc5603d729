package dev.ember.runtime.operators.window;

import dev.ember.sql.types.StructField;
import java.util.Objects;

/**
 * One window function of a {@link WindowSink}, bound to input column positions.
 *
 * @param inputColumn the argument's column, -1 for functions without one (ranks)
 * @param defaultColumn lag/lead's default value column, -1 for NULL
 * @param offset lag/lead's row offset, ntile's bucket count, nth_value's position (from 1)
 * @param ignoreNulls lag, lead, nth_value, first and last skip null values
 * @param frame the rows an aggregate sees; ignored by ranks and offsets
 * @param output the result column's name, type and nullability
 */
public record WindowFunctionSpec(WindowFunctionKind kind, int inputColumn, int defaultColumn, long offset,
    boolean ignoreNulls, WindowFrame frame, StructField output) {
  public WindowFunctionSpec {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(frame, "frame is null");
    Objects.requireNonNull(output, "output is null");
    if (inputColumn < 0 && kind.usesFrame()) {
      throw new IllegalArgumentException(kind + " needs an input column");
    }
  }
}
