package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.WindowExpression;
import dev.ember.planner.expressions.WindowFunctionCall;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Window;

/**
 * Window expressions may only stand in a select list (which {@link ExtractWindowExpressions} turns
 * into a {@link Window}); window functions only inside a window expression.
 */
final class CheckWindows {
  private CheckWindows() {}

  static void check(LogicalPlan node) {
    if (node instanceof Filter filter && filter.condition().exists(part -> part instanceof WindowExpression)) {
      throw WindowErrors.notAllowedInWhere(node);
    }
    for (Expression expression : node.expressions()) {
      WindowFunctionCall bare = outsideWindow(expression);
      if (bare != null) {
        throw WindowErrors.outsideWindow(bare, node);
      }
    }
  }

  private static WindowFunctionCall outsideWindow(Expression expression) {
    if (expression instanceof WindowExpression window) {
      // The function itself is in its window; its arguments are not.
      for (Expression child : window.function().children()) {
        WindowFunctionCall found = outsideWindow(child);
        if (found != null) {
          return found;
        }
      }
      return null;
    } else if (expression instanceof WindowFunctionCall call) {
      return call;
    }
    for (Expression child : expression.children()) {
      WindowFunctionCall found = outsideWindow(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
