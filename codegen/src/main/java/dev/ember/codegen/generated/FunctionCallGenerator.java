package dev.ember.codegen.generated;

import dev.ember.codegen.semantics.FunctionBinding;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.CollectionFunctionDefinitions;
import dev.ember.planner.functions.JavaValues;
import dev.ember.planner.functions.ScalarFunction;
import dev.ember.runtime.functions.CollectionFunctions;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StringType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Code for a {@link ScalarFunctionCall}: a direct static call of the definition's implementation
 * method, found by reflection now and never per row. Arguments are evaluated in order, each only when
 * the ones before are not null (a null-intolerant function gives null without being called); strings
 * in Arrow memory become {@code String}s, compact decimals {@code BigDecimal}s; a null reference
 * result is SQL null, a string result becomes UTF-8 bytes, a decimal result is rounded to the call's
 * type. Per-partition state (rand) is a field set when the kernel is created.
 */
final class FunctionCallGenerator {
  private final ExpressionGenerator expressions;
  private final ClassBuilder builder;
  private final KernelOptions options;
  private final UserFunctionCallGenerator userFunctions;

  FunctionCallGenerator(ExpressionGenerator expressions, ClassBuilder builder, KernelOptions options) {
    this.expressions = expressions;
    this.builder = builder;
    this.options = options;
    this.userFunctions = new UserFunctionCallGenerator(expressions, builder, options);
  }

  ExprValue generate(ScalarFunctionCall call, ColumnReader columns, MethodScope scope) {
    if (call.function().instance() != null) {
      return userFunctions.generate(call, columns, scope);
    }
    SpecializedFunctionGenerator specialized = SpecializedFunctionGenerator.ALL.get(call.function());
    ExprValue specializedValue = specialized == null ? null
        : specialized.generate(call, expressions, columns, scope, builder);
    if (specializedValue != null) {
      return specializedValue;
    }
    ExprValue direct = directNestedAccess(call, columns, scope);
    if (direct != null) {
      return direct;
    }
    ScalarFunction function = call.function();
    Method method = FunctionBinding.implementation(call);
    DataType type = call.dataType();
    boolean bytes = JavaTypes.isBytes(type);
    CodeBuilder code = scope.code();
    String name = scope.fresh("call");
    code.comment(function.name() + ": " + method.getDeclaringClass().getSimpleName() + "." + method.getName());
    code.line((bytes ? "byte[]" : JavaTypes.javaType(type)) + " " + name + " = "
        + (bytes ? "null" : JavaTypes.defaultValue(type)) + ";");
    code.line("boolean " + name + "Null = true;");

    List<String> parameters = new ArrayList<>();
    for (Object value : FunctionBinding.contextValues(call, options)) {
      if (value instanceof Boolean flag) {
        parameters.add(flag.toString());
      } else if (value instanceof java.time.ZoneId zone) {
        parameters.add(builder.addReference("zone", "java.time.ZoneId", zone, "session time zone " + zone));
      } else if (value instanceof DataType[] types) {
        parameters.add(builder.addReference("argumentTypes", "dev.ember.sql.types.DataType[]", types,
            "argument types of " + function.name()));
      } else {
        throw new IllegalStateException("no code for the context value " + value + " of " + function.name());
      }
    }
    Class<?>[] parameterTypes = method.getParameterTypes();
    int blocks = 0;
    if (function.hasCache()) {
      parameters.add(cache(call));
    }
    if (function.hasState()) {
      parameters.add(state(call, method.getParameterTypes()[parameters.size()]));
    }
    List<String> arguments = new ArrayList<>();
    List<Expression> callArguments = function.rowArguments(call.arguments());
    int leading = parameters.size();
    for (int i = 0; i < callArguments.size(); i++) {
      ExprValue value = expressions.generate(callArguments.get(i), columns, scope);
      if (!function.nullAware() && !value.neverNull()) {
        code.open("if (!" + value.isNull() + ") {");
        blocks++;
      }
      // An Object[] of repeated arguments takes them boxed, and so does an Object parameter (a
      // collection function's element or key): boxed as NestedValues holds elements.
      boolean boxed = function.nullAware()
          || (function.variadicObjects() && !function.hasState() && i >= fixedArguments(function))
          || takesObject(function, parameterTypes, leading + i);
      arguments.add(argument(value, boxed));
    }
    int fixed = function.variadic() && !function.hasState() ? fixedArguments(function) : arguments.size();
    parameters.addAll(arguments.subList(0, fixed));
    if (function.variadic() && !function.hasState()) {
      Class<?> component = parameterTypes[parameterTypes.length - 1].getComponentType();
      parameters.add("new " + component.getCanonicalName() + "[] {"
          + String.join(", ", arguments.subList(fixed, arguments.size())) + "}");
    }
    String invocation = method.getDeclaringClass().getCanonicalName() + "." + method.getName() + "("
        + String.join(", ", parameters) + ")";
    assignResult(call, method, type, name, invocation, code);
    for (int i = 0; i < blocks; i++) {
      code.close();
    }
    return bytes ? ExprValue.byteArray(type, name + "Null", name) : ExprValue.of(type, name + "Null", name);
  }

  /**
   * {@code size} of an array or map column and a flat field of a struct column, read from the
   * column's vectors without building the nested value; null for every other call.
   */
  private ExprValue directNestedAccess(ScalarFunctionCall call, ColumnReader columns, MethodScope scope) {
    ScalarFunction function = call.function();
    List<Expression> arguments = call.arguments();
    if (arguments.isEmpty() || !(arguments.get(0) instanceof BoundReference column)) {
      return null;
    }
    if (function == CollectionFunctionDefinitions.SIZE || function == CollectionFunctionDefinitions.CARDINALITY) {
      return columns.readSize(column.ordinal(), options.ansiEnabled(), scope);
    }
    Method method = FunctionBinding.implementation(call);
    if (method.getDeclaringClass() == CollectionFunctions.class && method.getName().equals("getField")
        && arguments.size() == 2 && arguments.get(1) instanceof Literal ordinal
        && ordinal.value() instanceof Integer field) {
      return columns.readStructField(column.ordinal(), field, scope);
    }
    return null;
  }

  /** Whether the implementation's parameter at {@code index} (or the repeated one it falls in) is an Object. */
  private static boolean takesObject(ScalarFunction function, Class<?>[] parameterTypes, int index) {
    boolean repeated = function.variadic() && !function.hasState();
    Class<?> parameter = !repeated && index < parameterTypes.length ? parameterTypes[index]
        : repeated && index < parameterTypes.length - 1 ? parameterTypes[index]
        : parameterTypes[parameterTypes.length - 1].getComponentType();
    return parameter == Object.class;
  }

  /** The arguments before the repeated one of a variadic function. */
  private static int fixedArguments(ScalarFunction function) {
    return function.argumentTypes().size() - 1;
  }

  /** A field holding this kernel's state, made by the definition's factory for partition 0. */
  private String state(ScalarFunctionCall call, Class<?> stateClass) {
    String factory = builder.addReference("stateFactory", "java.util.function.IntFunction",
        FunctionBinding.stateFactory(call), "per-partition state of " + call);
    String field = factory.replace("stateFactory", "state");
    builder.addField("private final " + stateClass.getCanonicalName() + " " + field + ";");
    // Ember has no partition numbers; a kernel plays Spark's partition 0 (exact for one partition).
    builder.addConstructorLine("this." + field + " = (" + stateClass.getCanonicalName() + ") " + factory
        + ".apply(0);");
    return field;
  }

  /** A field holding this kernel instance's cache for the call, made when the kernel is created. */
  private String cache(ScalarFunctionCall call) {
    String type = call.function().cacheFactoryMethod().getReturnType().getCanonicalName();
    String factory = builder.addReference("cacheFactory", "java.util.function.Supplier",
        FunctionBinding.cacheFactory(call), "per-kernel cache of " + call);
    String field = factory.replace("cacheFactory", "cache");
    builder.addField("private final " + type + " " + field + ";");
    builder.addConstructorLine("this." + field + " = (" + type + ") " + factory + ".get();");
    return field;
  }

  /** A Java expression of the implementation's parameter type for an argument value. */
  static String argument(ExprValue value, boolean boxed) {
    DataType type = value.type();
    String plain;
    if (type instanceof StringType) {
      plain = "GeneratedRuntime.string(" + value.bytesArguments() + ")";
    } else if (type instanceof BinaryType) {
      plain = value.isByteArray() ? value.byteArray() : "GeneratedRuntime.copyBytes(" + value.bytesArguments() + ")";
    } else if (type instanceof DecimalType) {
      plain = ExpressionGenerator.bigDecimal(value);
    } else if (JavaTypes.isNested(type)) {
      plain = value.value();
    } else {
      plain = value.value();
      if (boxed) {
        Class<?> box = JavaValues.boxed(JavaValues.javaType(type));
        plain = box.getName() + ".valueOf(" + plain + ")";
      }
    }
    if (!boxed || value.neverNull()) {
      return plain;
    }
    Class<?> parameter = JavaValues.boxed(JavaValues.javaType(type));
    return "(" + value.isNull() + " ? (" + parameter.getCanonicalName() + ") null : " + plain + ")";
  }

  private void assignResult(ScalarFunctionCall call, Method method, DataType type, String name, String invocation,
      CodeBuilder code) {
    Class<?> expected = JavaValues.javaType(type);
    Class<?> returned = method.getReturnType();
    // Collection functions whose result type follows their arguments' (element_at, array_min) return Object.
    boolean untyped = returned == Object.class && expected != Object.class;
    if (returned != expected && returned != JavaValues.boxed(expected) && !untyped) {
      throw new IllegalStateException("function " + call.function().name() + " has result type "
          + type.simpleString() + ", so " + method + " must return " + expected.getSimpleName() + " or "
          + JavaValues.boxed(expected).getSimpleName());
    }
    if (returned.isPrimitive()) {
      code.line(name + " = " + invocation + ";");
      code.line(name + "Null = false;");
      return;
    }
    String result = name + "Result";
    if (untyped) {
      String view = expected == boolean.class ? "Boolean" : expected.isPrimitive() ? "Number"
          : expected.getCanonicalName();
      code.line(view + " " + result + " = (" + view + ") " + invocation + ";");
    } else {
      code.line(returned.getCanonicalName() + " " + result + " = " + invocation + ";");
    }
    if (type instanceof DecimalType decimal) {
      code.open("if (" + result + " != null) {");
      code.line(result + " = DecimalOps.toPrecision(" + result + ", " + decimal.precision() + ", "
          + decimal.scale() + ", " + options.ansiEnabled() + ");");
      code.close();
    }
    code.open("if (" + result + " != null) {");
    code.line(name + "Null = false;");
    if (type instanceof StringType) {
      code.line(name + " = " + result + ".getBytes(java.nio.charset.StandardCharsets.UTF_8);");
    } else if (type instanceof DecimalType) {
      code.line(name + " = " + (JavaTypes.isCompactDecimal(type) ? result + ".unscaledValue().longValue()" : result)
          + ";");
    } else if (expected.isPrimitive()) {
      code.line(name + " = " + result + "." + expected.getName() + "Value();");
    } else {
      code.line(name + " = " + result + ";");
    }
    code.close();
  }
}
