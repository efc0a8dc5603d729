package dev.ember.codegen.generated;

import dev.ember.codegen.semantics.BytePatternCall;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.runtime.functions.LikeMatcher;
import dev.ember.sql.types.DataTypes;

/**
 * LIKE with a literal pattern, and startswith, endswith and contains with a literal, as a call of a
 * {@link LikeMatcher} (a kernel field, compiled once) on the value's bytes where they are: the
 * (address, length) in Arrow memory or a byte[] on the heap. No String is built per row.
 */
final class BytePatternGenerator implements SpecializedFunctionGenerator {
  static final BytePatternGenerator INSTANCE = new BytePatternGenerator();

  private BytePatternGenerator() {}

  @Override
  public ExprValue generate(ScalarFunctionCall call, ExpressionGenerator expressions, ColumnReader columns,
      MethodScope scope, ClassBuilder builder) {
    BytePatternCall pattern = BytePatternCall.of(call);
    if (pattern == null) {
      return null;
    }
    String matcher = builder.addReference("matcher", LikeMatcher.class.getCanonicalName(), pattern.matcher(),
        call.function().name() + ": " + pattern.matcher());
    CodeBuilder code = scope.code();
    String name = scope.fresh("match");
    code.comment(call.function().name() + " on bytes: " + pattern.matcher());
    code.line("boolean " + name + " = false;");
    code.line("boolean " + name + "Null = true;");
    ExprValue value = expressions.generate(pattern.value(), columns, scope);
    if (value.alwaysNull()) {
      return ExprValue.of(DataTypes.BooleanType, "true", "false");
    }
    boolean guarded = !value.neverNull();
    if (guarded) {
      code.open("if (!" + value.isNull() + ") {");
    }
    code.line(name + " = " + matcher + ".matches(" + value.bytesArguments() + ");");
    code.line(name + "Null = false;");
    if (guarded) {
      code.close();
    }
    return ExprValue.of(DataTypes.BooleanType, name + "Null", name);
  }
}
