package dev.ember.codegen.semantics;

import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.FunctionContext;
import dev.ember.planner.functions.ScalarFunction;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What both kernels need to call a function's implementation, found once per expression (reflection
 * happens here, never per row): the method, the session values it takes first, and the factory of its
 * per-partition state.
 */
public final class FunctionBinding {
  private FunctionBinding() {}

  public static List<DataType> argumentTypes(ScalarFunctionCall call) {
    return call.arguments().stream().map(Expression::dataType).toList();
  }

  public static Method implementation(ScalarFunctionCall call) {
    return call.function().implementation(argumentTypes(call));
  }

  /** The values of the definition's {@link FunctionContext} parameters, in order. */
  public static List<Object> contextValues(ScalarFunctionCall call, KernelOptions options) {
    List<Object> values = new ArrayList<>();
    for (FunctionContext value : call.function().context()) {
      values.add(switch (value) {
        case ANSI -> options.ansiEnabled();
        case SESSION_TIME_ZONE -> options.sessionTimeZone();
        case ARGUMENT_TYPES -> argumentTypes(call).toArray(new DataType[0]);
      });
    }
    return values;
  }

  /**
   * Makes the call's per-partition state for a partition index. The arguments it takes are the
   * foldable ones (the type check made sure they are constants); their values are read here, once.
   */
  public static IntFunction<Object> stateFactory(ScalarFunctionCall call) {
    Method factory = call.function().stateFactoryMethod(argumentTypes(call));
    List<Object> constants = new ArrayList<>();
    for (Expression argument : call.function().stateArguments(call.arguments())) {
      constants.add(constantValue(argument));
    }
    return partitionIndex -> {
      Object[] parameters = new Object[constants.size() + 1];
      parameters[0] = partitionIndex;
      for (int i = 0; i < constants.size(); i++) {
        parameters[i + 1] = constants.get(i);
      }
      try {
        return factory.invoke(null, parameters);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot call " + factory, e);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
      }
    };
  }

  /** Makes a new per-kernel cache of the call each time it is asked (once per kernel instance). */
  public static java.util.function.Supplier<Object> cacheFactory(ScalarFunctionCall call) {
    Method factory = call.function().cacheFactoryMethod();
    return () -> {
      try {
        return factory.invoke(null);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot call " + factory, e);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
      }
    };
  }

  /** A constant argument's value as the implementation's Java type; casts of literals are folded here. */
  static Object constantValue(Expression argument) {
    if (argument instanceof Literal literal) {
      return literal.value();
    }
    if (argument instanceof Cast cast && cast.child() instanceof Literal literal) {
      Object value = literal.value();
      if (value == null) {
        return null;
      }
      if (value instanceof Number number) {
        return convertNumber(number, cast.dataType());
      }
    }
    throw new IllegalArgumentException("the argument " + argument + " must be a constant");
  }

  private static Object convertNumber(Number number, DataType type) {
    return switch (type.simpleString()) {
      case "tinyint" -> number.byteValue();
      case "smallint" -> number.shortValue();
      case "int" -> number.intValue();
      case "bigint" -> number.longValue();
      case "float" -> number.floatValue();
      case "double" -> number.doubleValue();
      default -> {
        if (type instanceof DecimalType) {
          yield new BigDecimal(number.toString());
        }
        throw new IllegalArgumentException("cannot use a " + number.getClass().getSimpleName() + " as "
            + type.simpleString());
      }
    };
  }
}
