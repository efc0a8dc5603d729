package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DoubleType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sum} and {@code avg} of a string or an untyped null read it as double, as Spark 4.2 does
 * in ANSI mode (a non-numeric string then fails at run time). Other non-numeric inputs are left for
 * {@link CheckAnalysis} to reject. The statistical aggregates ({@code stddev}, {@code corr}, ...) read
 * every input as double, as Spark declares them.
 *
 * <pre>
 * sum(name#1)  =&gt;  sum(cast(name#1 as double))
 * </pre>
 */
final class CoerceAggregateInputs implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return ResolvedExpressions.transform(plan, CoerceAggregateInputs::coerce);
  }

  private static Expression coerce(Expression expression) {
    if (expression instanceof AggregateCall call
        && (call.function() == AggregateFunction.SUM || call.function() == AggregateFunction.AVG)) {
      DataType input = call.argument().dataType();
      if (TypeWidening.isString(input) || TypeWidening.isNull(input)) {
        List<Expression> arguments = new ArrayList<>(call.arguments());
        arguments.set(0, TypeWidening.castTo(call.argument(), TypeWidening.DOUBLE));
        return call.withArguments(arguments);
      }
    }
    if (expression instanceof AggregateCall call && call.function().castsInputToDouble()
        && call.arguments().stream().anyMatch(argument -> !(argument.dataType() instanceof DoubleType))) {
      // Spark's statistical aggregates take doubles: every other input is cast implicitly.
      return call.withArguments(call.arguments().stream()
          .map(argument -> argument.dataType() instanceof DoubleType ? argument
              : TypeWidening.castTo(argument, TypeWidening.DOUBLE))
          .toList());
    }
    return expression;
  }
}
