package dev.ember.planner.analysis;

import dev.ember.planner.expressions.ReplacedCall;
import dev.ember.planner.logical.LogicalPlan;

/**
 * Gives every current_date, current_timestamp and now call of the plan one moment, taken when the rule
 * runs, so {@code now() = now()} holds as in Spark. Calls are resolved with the moment unset; a later
 * run finds nothing to fix and returns the same plan.
 *
 * <pre>
 * Project [now(), current_date()]  =&gt;  Project [now() = TIMESTAMP t, current_date() = to_date(TIMESTAMP t)]
 * </pre>
 */
final class ComputeCurrentTime implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    long now = DateTimeFunctionBuilders.nowMicros();
    return ResolvedExpressions.transform(plan, expression ->
        expression instanceof ReplacedCall call && DateTimeFunctionBuilders.isUnfixedCurrentTime(call)
            ? DateTimeFunctionBuilders.fixed(call, now) : expression);
  }
}
