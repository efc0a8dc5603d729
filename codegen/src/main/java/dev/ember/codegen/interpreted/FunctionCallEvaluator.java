package dev.ember.codegen.interpreted;

import dev.ember.codegen.semantics.DecimalOps;
import dev.ember.codegen.semantics.FunctionBinding;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.ScalarFunction;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Evaluates a {@link ScalarFunctionCall} a row at a time through a method handle on the definition's
 * implementation, bound once per expression (with the session values and this worker's state) and
 * reused for every batch. The oracle for the generated call: same method, same values, boxed.
 * Arguments of a null-intolerant function are evaluated only on rows where the earlier ones are not
 * null, as the generated code does. LIKE and its kin with a literal pattern match bytes instead
 * ({@link BytePatternEvaluator}).
 */
final class FunctionCallEvaluator {
  private final VectorizedEvaluator evaluator;
  private final KernelOptions options;
  private final BufferAllocator allocator;
  private final Map<ScalarFunctionCall, BoundCall> bound = new IdentityHashMap<>();
  private final BytePatternEvaluator bytePatterns;

  FunctionCallEvaluator(VectorizedEvaluator evaluator, KernelOptions options, BufferAllocator allocator) {
    this.evaluator = evaluator;
    this.options = options;
    this.allocator = allocator;
    this.bytePatterns = new BytePatternEvaluator(evaluator, allocator);
  }

  /** The implementation with its leading parameters bound, taking the argument values as one Object[]. */
  private record BoundCall(MethodHandle handle, int parameterCount, Class<?> variadicComponent,
      UserFunctionFailure userFunction) {}

  /**
   * What a user-defined function's failure reports, and the class its results must have: Spark
   * wraps whatever the function throws, a result of the wrong class included, in FAILED_EXECUTE_UDF.
   */
  private record UserFunctionFailure(String functionName, String signature, String result, Class<?> resultClass) {
    RuntimeException wrap(Throwable cause) {
      return dev.ember.runtime.functions.UserFunctionErrors.failed(functionName, signature, result, cause);
    }
  }

  FieldVector evaluate(ScalarFunctionCall call, ColumnBatch batch, int[] rows, int count) {
    FieldVector matched = bytePatterns.evaluate(call, batch, rows, count);
    if (matched != null) {
      return matched;
    }
    BoundCall target = bound.computeIfAbsent(call, this::bind);
    ScalarFunction function = call.function();
    List<Expression> arguments = function.rowArguments(call.arguments());
    FieldVector[] vectors = new FieldVector[arguments.size()];
    DataType type = call.dataType();
    FieldVector out = Columns.allocate("_", type, allocator, count);
    try {
      boolean[] live = new boolean[count];
      Arrays.fill(live, true);
      JavaValueColumns.Reader[] readers = new JavaValueColumns.Reader[arguments.size()];
      for (int i = 0; i < arguments.size(); i++) {
        Expression argument = arguments.get(i);
        vectors[i] = function.nullAware() ? evaluator.evaluateRows(argument, batch, rows, count)
            : evaluator.evaluateWhere(argument, live, batch, rows, count);
        readers[i] = JavaValueColumns.reader(vectors[i], argument.dataType());
        if (!function.nullAware()) {
          for (int row = 0; row < count; row++) {
            live[row] &= !vectors[i].isNull(row);
          }
        }
      }
      JavaValueColumns.Writer writer = JavaValueColumns.writer(out, type);
      Object[] values = new Object[Math.max(target.parameterCount(), arguments.size())];
      for (int row = 0; row < count; row++) {
        if (!live[row]) {
          continue;
        }
        for (int i = 0; i < arguments.size(); i++) {
          values[i] = vectors[i].isNull(row) ? null : readers[i].get(row);
        }
        Object result = invoke(target, values, arguments.size());
        if (result != null && type instanceof DecimalType decimal) {
          result = DecimalOps.toPrecision((BigDecimal) result, decimal.precision(), decimal.scale(),
              options.ansiEnabled());
        }
        if (result != null) {
          writer.set(row, result);
        }
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    } finally {
      for (FieldVector vector : vectors) {
        if (vector != null) {
          vector.close();
        }
      }
    }
  }

  private static Object invoke(BoundCall target, Object[] argumentValues, int argumentCount) {
    Object[] parameters = argumentValues;
    if (target.variadicComponent() != null) {
      int fixed = target.parameterCount() - 1;
      parameters = Arrays.copyOf(argumentValues, target.parameterCount());
      Object repeated = Array.newInstance(target.variadicComponent(), argumentCount - fixed);
      for (int i = fixed; i < argumentCount; i++) {
        Array.set(repeated, i - fixed, argumentValues[i]);
      }
      parameters[fixed] = repeated;
    }
    if (target.userFunction() != null) {
      try {
        Object result = (Object) target.handle().invokeExact(parameters);
        return target.userFunction().resultClass().cast(result);
      } catch (Throwable e) {
        throw target.userFunction().wrap(e);
      }
    }
    try {
      return (Object) target.handle().invokeExact(parameters);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("function implementation " + target.handle() + " failed", e);
    }
  }

  private BoundCall bind(ScalarFunctionCall call) {
    ScalarFunction function = call.function();
    Method method = FunctionBinding.implementation(call);
    List<Object> leading = new ArrayList<>(FunctionBinding.contextValues(call, options));
    if (function.hasCache()) {
      leading.add(FunctionBinding.cacheFactory(call).get());
    }
    if (function.hasState()) {
      // As in the generated kernel: this worker plays Spark's partition 0.
      leading.add(FunctionBinding.stateFactory(call).apply(0));
    }
    try {
      MethodHandle handle = MethodHandles.publicLookup().unreflect(method);
      UserFunctionFailure userFunction = null;
      if (function.instance() != null) {
        handle = handle.bindTo(function.instance());
        DataType type = call.dataType();
        userFunction = new UserFunctionFailure(function.instanceDescription(),
            dev.ember.planner.functions.UserFunctionDefinitions.signature(call.arguments()), type.catalogString(),
            type instanceof DecimalType ? BigDecimal.class
                : dev.ember.planner.functions.JavaValues.boxed(dev.ember.planner.functions.JavaValues.javaType(type)));
      }
      handle = MethodHandles.insertArguments(handle, 0, leading.toArray());
      int parameterCount = handle.type().parameterCount();
      Class<?> variadicComponent = function.variadic() && !function.hasState()
          ? handle.type().parameterType(parameterCount - 1).getComponentType() : null;
      MethodHandle spread = handle.asSpreader(Object[].class, parameterCount)
          .asType(MethodType.methodType(Object.class, Object[].class));
      return new BoundCall(spread, parameterCount, variadicComponent, userFunction);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + method, e);
    }
  }
}
