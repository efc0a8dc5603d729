package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.WindowExpression;
import dev.ember.planner.expressions.WindowFrameSpec;
import dev.ember.planner.expressions.WindowFunction;
import dev.ember.planner.expressions.WindowFunctionCall;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Gives each window expression whose function and keys are resolved Spark's frame, and checks the
 * window as Spark does. Ranks run over {@code ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}
 * ({@code cume_dist} over the RANGE form), {@code lag(x, n)} over {@code ROWS BETWEEN -n FOLLOWING AND
 * -n FOLLOWING}; aggregates without a frame of their own over the running RANGE frame when ordered
 * (peers included), else over the whole partition.
 *
 * <pre>
 * sum(v) OVER (PARTITION BY k ORDER BY o)  =&gt;  sum(v) OVER (... RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
 * </pre>
 */
final class ResolveWindowFrames implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node.transformExpressionsUp(expression -> {
      if (!(expression instanceof WindowExpression window) || !childrenResolved(window)) {
        return expression;
      }
      WindowFrameSpec frame = frameOf(window, node);
      check(window.withFrame(frame), node);
      return frame.equals(window.frame()) ? window : window.withFrame(frame);
    }));
  }

  private static boolean childrenResolved(WindowExpression window) {
    for (Expression child : window.children()) {
      if (!child.resolved()) {
        return false;
      }
    }
    return true;
  }

  /** The aggregates the window operator computes over frames. */
  private static final Set<AggregateFunction> FRAME_AGGREGATES = EnumSet.of(AggregateFunction.COUNT,
      AggregateFunction.SUM, AggregateFunction.AVG, AggregateFunction.MIN, AggregateFunction.MAX,
      AggregateFunction.FIRST, AggregateFunction.LAST, AggregateFunction.STDDEV_SAMP, AggregateFunction.STDDEV_POP,
      AggregateFunction.VAR_SAMP, AggregateFunction.VAR_POP);

  private static WindowFrameSpec frameOf(WindowExpression window, LogicalPlan node) {
    if (window.function() instanceof AggregateCall call && !FRAME_AGGREGATES.contains(call.function())) {
      throw AnalysisErrors.notYetSupported(call.function().sqlName() + " over a window", window.sql());
    } else if (!(window.function() instanceof AggregateCall) && !(window.function() instanceof WindowFunctionCall)) {
      throw WindowErrors.notAWindowFunction(window.function(), node);
    }
    if (window.function() instanceof WindowFunctionCall call) {
      if (call.function() != WindowFunction.NTH_VALUE && window.orderSpec().isEmpty()) {
        throw WindowErrors.notOrdered(call, node);
      }
      WindowFrameSpec required = call.function().requiredFrame(call.offset());
      if (required != null) {
        if (window.frame() != null && !window.frame().equals(required)) {
          throw WindowErrors.frameMismatch(window.frame(), required);
        }
        return required;
      }
    }
    if (window.frame() != null) {
      return window.frame();
    }
    return window.orderSpec().isEmpty() ? WindowFrameSpec.WHOLE_PARTITION : WindowFrameSpec.RUNNING_RANGE;
  }

  private static void check(WindowExpression window, LogicalPlan node) {
    WindowFrameSpec frame = window.frame();
    if (frame.lower() == WindowFrameSpec.UNBOUNDED_FOLLOWING || frame.upper() == WindowFrameSpec.UNBOUNDED_PRECEDING
        || (frame.lower() != WindowFrameSpec.UNBOUNDED_PRECEDING && frame.upper() != WindowFrameSpec.UNBOUNDED_FOLLOWING
            && frame.lower() > frame.upper())) {
      throw WindowErrors.boundsReversed(frame, node);
    }
    boolean valueBounds = WindowFrameSpec.isValueBound(frame.lower()) || WindowFrameSpec.isValueBound(frame.upper());
    if (frame.rows() || !valueBounds) {
      return;
    }
    if (window.orderSpec().isEmpty()) {
      throw WindowErrors.rangeWithoutOrder(window, node);
    }
    if (window.orderSpec().size() > 1) {
      throw WindowErrors.rangeWithSeveralOrderKeys(window, node);
    }
    SortOrder key = window.orderSpec().get(0);
    DataType type = key.dataType();
    if (!type.isNumeric() && !(type instanceof DecimalType)) {
      throw WindowErrors.rangeKeyNotNumeric(frame, WindowFrameSpec.isValueBound(frame.lower()), type, node);
    }
  }
}
