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
    if (function.widenArguments() && !arguments.isEmpty()) {
      DataType common = CommonTypes.wider(arguments.stream().map(Expression::dataType).toList(), true);
      if (common != null) {
        arguments.replaceAll(argument -> TypeWidening.castTo(argument, common));
      }
    }
    for (int i = 0; i < arguments.size(); i++) {
      DataType target = function.argumentType(i).coercionTarget(arguments.get(i).dataType());
      if (target != null) {
        arguments.set(i, TypeWidening.castTo(arguments.get(i), target));
      }
    }
    return call.withNewChildren(arguments);
  }
}
