package dev.ember.codegen.generated;

import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.ScalarFunction;
import java.util.Map;

/**
 * The hook for hand-written code of a hot function: instead of the generic call of its implementation
 * method (which turns Arrow bytes into a {@code String} per row), a specialization may emit code over
 * the raw bytes, e.g. {@code startswith} as a byte comparison. It must give the same results as the
 * implementation method, which the interpreted kernels keep calling; register it in {@link #ALL}.
 */
interface SpecializedFunctionGenerator {
  /** Specializations by definition; empty until a measured hot spot earns one. */
  Map<ScalarFunction, SpecializedFunctionGenerator> ALL = Map.of();

  /** Code evaluating {@code call} for the current row, like {@link ExpressionGenerator#generate}. */
  ExprValue generate(ScalarFunctionCall call, ExpressionGenerator expressions, ColumnReader columns,
      MethodScope scope);
}
