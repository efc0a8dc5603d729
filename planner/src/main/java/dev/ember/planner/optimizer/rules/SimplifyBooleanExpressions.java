package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.optimizer.OptimizerRule;

/**
 * Removes boolean operators whose result a literal operand decides, and filters that keep every row:
 *
 * <pre>
 * Filter (true AND (age#2 &gt; 26))                 Filter (age#2 &gt; 26)
 * +- x                                     =&gt;      +- x
 *
 * Filter (NOT NOT (age#2 &gt; 26) OR true)
 * +- x                                     =&gt;      x
 * </pre>
 *
 * {@code true AND x} is {@code x} and {@code false OR x} is {@code x} in three-valued logic too;
 * {@code x AND false} is false and {@code x OR true} is true even when {@code x} is null. As in Spark,
 * these hold on either side, even when {@code x} would raise an error: Spark 4.2 answers {@code false}
 * for {@code (id div 0 > 1) AND false}. A filter whose condition is false or null stays, because no
 * plan node stands for an empty relation yet.
 */
public final class SimplifyBooleanExpressions implements OptimizerRule {
  @Override
  public String name() {
    return "SimplifyBooleanExpressions";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      LogicalPlan simplified = node.transformExpressionsUp(SimplifyBooleanExpressions::simplify);
      if (simplified instanceof Filter filter && isBoolean(filter.condition(), true)) {
        return filter.child();
      }
      return simplified;
    });
  }

  static Expression simplify(Expression expression) {
    if (expression instanceof And and) {
      if (isBoolean(and.left(), false) || isBoolean(and.right(), false)) {
        return Literal.FALSE;
      } else if (isBoolean(and.left(), true)) {
        return and.right();
      } else if (isBoolean(and.right(), true)) {
        return and.left();
      }
    } else if (expression instanceof Or or) {
      if (isBoolean(or.left(), true) || isBoolean(or.right(), true)) {
        return Literal.TRUE;
      } else if (isBoolean(or.left(), false)) {
        return or.right();
      } else if (isBoolean(or.right(), false)) {
        return or.left();
      }
    } else if (expression instanceof Not outer && outer.child() instanceof Not inner) {
      return inner.child();
    }
    return expression;
  }

  private static boolean isBoolean(Expression expression, boolean value) {
    return expression instanceof Literal literal && literal.value() instanceof Boolean b && b == value;
  }
}
