package dev.ember.codegen.generated;

import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.ScalarFunction;
import dev.ember.planner.functions.StringFunctionDefinitions;
import java.util.Map;

/**
 * The hook for hand-written code of a hot function: instead of the generic call of its implementation
 * method (which turns Arrow bytes into a {@code String} per row), a specialization may emit code over
 * the raw bytes, e.g. {@code startswith} as a byte comparison. It must give the same results as the
 * implementation method, which the interpreted kernels keep calling; register it in {@link #ALL}.
 */
interface SpecializedFunctionGenerator {
  /** Specializations by definition. */
  Map<ScalarFunction, SpecializedFunctionGenerator> ALL = Map.of(
      StringFunctionDefinitions.LIKE, BytePatternGenerator.INSTANCE,
      StringFunctionDefinitions.LIKE_ESCAPE, BytePatternGenerator.INSTANCE,
      StringFunctionDefinitions.STARTSWITH, BytePatternGenerator.INSTANCE,
      StringFunctionDefinitions.ENDSWITH, BytePatternGenerator.INSTANCE,
      StringFunctionDefinitions.CONTAINS, BytePatternGenerator.INSTANCE);

  /**
   * Code evaluating {@code call} for the current row, like {@link ExpressionGenerator#generate}; or
   * null, having written nothing, when this call does not qualify (e.g. its pattern is no literal),
   * so the generic call is generated instead.
   */
  ExprValue generate(ScalarFunctionCall call, ExpressionGenerator expressions, ColumnReader columns,
      MethodScope scope, ClassBuilder builder);
}
