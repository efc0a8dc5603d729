package dev.ember.codegen.generated;

import dev.ember.codegen.spec.KernelCompilationException;
import dev.ember.planner.expressions.Expression;
import dev.ember.sql.types.DataType;

/** The reasons the generator gives up on a pipeline (the caller then runs it interpreted). */
final class Unsupported {
  private Unsupported() {}

  static KernelCompilationException type(DataType type) {
    return new KernelCompilationException("code generation does not support type " + type.simpleString());
  }

  static KernelCompilationException expression(Expression expression, String why) {
    return new KernelCompilationException(
        "code generation does not support " + expression + " (" + expression.getClass().getSimpleName() + "): " + why);
  }
}
