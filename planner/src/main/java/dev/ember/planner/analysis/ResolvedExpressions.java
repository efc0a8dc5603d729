package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.LogicalPlan;
import java.util.function.UnaryOperator;

/** Traversals shared by the type coercion rules. */
final class ResolvedExpressions {
  private ResolvedExpressions() {}

  /**
   * Applies {@code rule} bottom-up to every expression of every operator, but only at expression
   * nodes whose children are all resolved: coercion needs the operands' types.
   */
  static LogicalPlan transform(LogicalPlan plan, UnaryOperator<Expression> rule) {
    return plan.transformUp(node -> node.transformExpressionsUp(expression ->
        childrenResolved(expression) ? rule.apply(expression) : expression));
  }

  static boolean childrenResolved(Expression expression) {
    for (Expression child : expression.children()) {
      if (!child.resolved()) {
        return false;
      }
    }
    return true;
  }
}
