package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.IntervalFunctionDefinitions;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.util.List;

/**
 * {@code sum} and {@code avg} of an ANSI interval sum its months or microseconds as an exact decimal,
 * then bring the result back to an interval, so the aggregate operators need no interval state. The
 * sum keeps the input's type, the average is the family's widest type rounded half up, and a result
 * outside the type's range is INTERVAL_ARITHMETIC_OVERFLOW, as in Spark 4.2. (Spark fails as soon as a
 * running sum leaves the range; here only the final sum counts.)
 *
 * <pre>
 * sum(d)  =&gt;  interval_sum(sum(interval_units(d)))                              named sum(d)
 * avg(d)  =&gt;  interval_average(sum(interval_units(d)), count(interval_units(d)))  named avg(d)
 * </pre>
 */
final class IntervalAggregatesAsDecimalSums implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return ResolvedExpressions.transform(plan, IntervalAggregatesAsDecimalSums::rewrite);
  }

  private static Expression rewrite(Expression expression) {
    if (!(expression instanceof AggregateCall call)
        || call.function() != AggregateFunction.SUM && call.function() != AggregateFunction.AVG) {
      return expression;
    }
    DataType type = call.argument().dataType();
    Expression units;
    if (type instanceof DayTimeIntervalType) {
      units = new ScalarFunctionCall(IntervalFunctionDefinitions.DAY_TIME_AS_DECIMAL, List.of(call.argument()));
    } else if (type instanceof YearMonthIntervalType) {
      units = new ScalarFunctionCall(IntervalFunctionDefinitions.YEAR_MONTH_AS_DECIMAL, List.of(call.argument()));
    } else {
      return expression;
    }
    AggregateCall sum = new AggregateCall(AggregateFunction.SUM, List.of(units), call.distinct(), "sum",
        List.of(), false);
    if (call.function() == AggregateFunction.SUM) {
      return new ScalarFunctionCall(IntervalFunctionDefinitions.sumOf(type), List.of(sum));
    }
    AggregateCall count = new AggregateCall(AggregateFunction.COUNT, List.of(units), call.distinct(), "count",
        List.of(), false);
    return new ScalarFunctionCall(IntervalFunctionDefinitions.averageOf(type, call.name()), List.of(sum, count));
  }
}
