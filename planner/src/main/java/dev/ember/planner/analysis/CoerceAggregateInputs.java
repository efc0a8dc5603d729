package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.DataType;

/**
 * {@code sum} and {@code avg} of a string or an untyped null read it as double, as Spark 4.2 does
 * in ANSI mode (a non-numeric string then fails at run time). Other non-numeric inputs are left for
 * {@link CheckAnalysis} to reject.
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
        return new AggregateCall(call.function(), TypeWidening.castTo(call.argument(), TypeWidening.DOUBLE),
            call.distinct());
      }
    }
    return expression;
  }
}
