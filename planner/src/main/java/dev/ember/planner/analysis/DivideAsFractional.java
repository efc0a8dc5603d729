package dev.ember.planner.analysis;

import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.DataType;

/**
 * {@code /} is fractional in Spark: unless an operand is a decimal, both operands become double,
 * integral or float alike (a null operand too).
 *
 * <pre>
 * (age#2 / 2)  =&gt;  (cast(age#2 as double) / cast(2 as double))
 * </pre>
 */
final class DivideAsFractional implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return ResolvedExpressions.transform(plan, DivideAsFractional::coerce);
  }

  private static Expression coerce(Expression expression) {
    if (!(expression instanceof BinaryArithmetic division) || division.operator() != ArithmeticOperator.DIVIDE) {
      return expression;
    }
    DataType left = division.left().dataType();
    DataType right = division.right().dataType();
    if (!becomesDouble(left) || !becomesDouble(right)
        || left.equals(TypeWidening.DOUBLE) && right.equals(TypeWidening.DOUBLE)) {
      return expression;
    }
    return division.withNewChildren(java.util.List.of(
        TypeWidening.castTo(division.left(), TypeWidening.DOUBLE),
        TypeWidening.castTo(division.right(), TypeWidening.DOUBLE)));
  }

  private static boolean becomesDouble(DataType type) {
    return TypeWidening.integralRank(type) > 0 || TypeWidening.isFractional(type) || TypeWidening.isNull(type);
  }
}
