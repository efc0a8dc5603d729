package dev.ember.codegen.generated;

import dev.ember.codegen.semantics.FunctionBinding;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.JavaValues;
import dev.ember.planner.functions.ScalarFunction;
import dev.ember.planner.functions.UserFunctionDefinitions;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StringType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Code for a call of a Java user-defined function: the function object is a field of the kernel, set
 * once when the kernel is made, and each row calls its {@code call(...)} directly with the argument
 * values, boxed (null for SQL null), as Spark passes them. Anything the function throws, including a
 * result of the wrong class, becomes Spark's FAILED_EXECUTE_UDF.
 */
final class UserFunctionCallGenerator {
  private final ExpressionGenerator expressions;
  private final ClassBuilder builder;
  private final KernelOptions options;

  UserFunctionCallGenerator(ExpressionGenerator expressions, ClassBuilder builder, KernelOptions options) {
    this.expressions = expressions;
    this.builder = builder;
    this.options = options;
  }

  ExprValue generate(ScalarFunctionCall call, ColumnReader columns, MethodScope scope) {
    ScalarFunction function = call.function();
    Method method = FunctionBinding.implementation(call);
    DataType type = call.dataType();
    boolean bytes = JavaTypes.isBytes(type);
    CodeBuilder code = scope.code();
    String name = scope.fresh("udf");
    // Not "udf": the reference field would be udf0 like the value's local, which would hide it.
    String target = builder.addReference("udfFunction", method.getDeclaringClass().getCanonicalName(), function.instance(),
        "user-defined function " + function.name());
    code.comment("user-defined function " + function.name());
    code.line((bytes ? "byte[]" : JavaTypes.javaType(type)) + " " + name + " = "
        + (bytes ? "null" : JavaTypes.defaultValue(type)) + ";");
    code.line("boolean " + name + "Null = true;");
    List<String> arguments = new ArrayList<>();
    for (Expression argument : call.arguments()) {
      arguments.add(FunctionCallGenerator.argument(expressions.generate(argument, columns, scope), true));
    }
    String result = name + "Result";
    code.open("try {");
    code.line("Object " + result + " = " + target + "." + method.getName() + "(" + String.join(", ", arguments) + ");");
    code.open("if (" + result + " != null) {");
    code.line(name + " = " + converted(type, result) + ";");
    code.line(name + "Null = false;");
    code.close();
    code.reopen("} catch (Throwable " + name + "Failure) {");
    code.line("throw dev.ember.runtime.functions.UserFunctionErrors.failed(" + quoted(function.instanceDescription())
        + ", " + quoted(UserFunctionDefinitions.signature(call.arguments())) + ", "
        + quoted(type.catalogString()) + ", " + name + "Failure);");
    code.close();
    return bytes ? ExprValue.byteArray(type, name + "Null", name) : ExprValue.of(type, name + "Null", name);
  }

  /** The function's result object as the kernel's value of {@code type}; a wrong class fails the cast. */
  private String converted(DataType type, String result) {
    if (type instanceof StringType) {
      return "((String) " + result + ").getBytes(java.nio.charset.StandardCharsets.UTF_8)";
    } else if (JavaTypes.isBytes(type)) {
      return "(byte[]) " + result;
    } else if (type instanceof DecimalType decimal) {
      String rounded = "DecimalOps.toPrecision((java.math.BigDecimal) " + result + ", " + decimal.precision() + ", "
          + decimal.scale() + ", " + options.ansiEnabled() + ")";
      return JavaTypes.isCompactDecimal(type) ? rounded + ".unscaledValue().longValue()" : rounded;
    } else if (JavaTypes.isNested(type)) {
      return "(" + JavaTypes.javaType(type) + ") " + result;
    }
    Class<?> primitive = JavaValues.javaType(type);
    return "((" + JavaValues.boxed(primitive).getName() + ") " + result + ")." + primitive.getName() + "Value()";
  }

  private static String quoted(String text) {
    StringBuilder literal = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        literal.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        literal.append(String.format("\\u%04x", (int) c));
      } else {
        literal.append(c);
      }
    }
    return literal.append('"').toString();
  }
}
