package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.CommonTypes;
import dev.ember.planner.functions.ScalarFunction;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Casts the arguments of a scalar function call to the types its definition expects, as Spark's
 * {@code ImplicitCastInputTypes} does: first all arguments to their common type when the function
 * asks for it (pmod), then each argument its definition does not accept to the type the definition
 * coerces it to ({@code sqrt('4')} reads the string as a double). What cannot be cast is left for the
 * type check to report.
 *
 * <pre>
 * SQRT(age#2)  =&gt;  SQRT(cast(age#2 as double))
 * </pre>
 */
final class CoerceFunctionArguments implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return ResolvedExpressions.transform(plan, CoerceFunctionArguments::coerce);
  }

  private static Expression coerce(Expression expression) {
    if (!(expression instanceof ScalarFunctionCall call)) {
      return expression;
    }
    ScalarFunction function = call.function();
    List<Expression> arguments = new ArrayList<>(call.arguments());
    if (function.binaryOperator()) {
      // Operands are cast to the operator's types first (a string to bigint), and take a common type
      // only when both are of those types: double & int stays a mismatch, as in Spark.
      castToArgumentTypes(function, arguments);
      if (acceptsAll(function, arguments)) {
        widen(arguments);
      }
      return call.withNewChildren(arguments);
    }
    if (function.widenArguments() && !arguments.isEmpty()) {
      widen(arguments);
    }
    castToArgumentTypes(function, arguments);
    return call.withNewChildren(arguments);
  }

  private static void castToArgumentTypes(ScalarFunction function, List<Expression> arguments) {
    for (int i = 0; i < arguments.size(); i++) {
      DataType target = function.argumentType(i).coercionTarget(arguments.get(i).dataType());
      if (target != null) {
        arguments.set(i, TypeWidening.castTo(arguments.get(i), target));
      }
    }
  }

  private static boolean acceptsAll(ScalarFunction function, List<Expression> arguments) {
    for (int i = 0; i < arguments.size(); i++) {
      if (!function.argumentType(i).accepts(arguments.get(i).dataType())) {
        return false;
      }
    }
    return true;
  }

  /**
   * As arithmetic operands: decimals keep their types and an integral next to one becomes the decimal
   * that holds it (a literal by its digits, so {@code pmod(dec, 2)} is decimal(3,2) as in Spark);
   * otherwise all arguments take their common type.
   */
  private static void widen(List<Expression> arguments) {
    List<DataType> types = arguments.stream().map(Expression::dataType).toList();
    boolean anyDecimal = types.stream().anyMatch(TypeWidening::isDecimal);
    boolean decimalsAndIntegrals = anyDecimal && types.stream()
        .allMatch(type -> TypeWidening.isDecimal(type) || TypeWidening.integralRank(type) > 0);
    if (decimalsAndIntegrals) {
      arguments.replaceAll(argument -> TypeWidening.integralRank(argument.dataType()) > 0
          ? TypeWidening.castTo(argument, TypeWidening.decimalForOperand(argument)) : argument);
      return;
    }
    DataType common = CommonTypes.wider(types, true);
    if (common != null) {
      arguments.replaceAll(argument -> TypeWidening.castTo(argument, common));
    }
  }
}
