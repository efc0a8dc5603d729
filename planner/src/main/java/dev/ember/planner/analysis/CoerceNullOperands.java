package dev.ember.planner.analysis;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.planner.logical.LogicalPlan;
import java.util.List;

/**
 * Gives an untyped null ({@code lit(null)}, type void) the type its operator needs: the other
 * operand's type, boolean under AND/OR/NOT, double in arithmetic on two nulls and under unary minus
 * (Spark's result types for those). Two nulls compared stay untyped, as in Spark.
 *
 * <pre>
 * (age#2 > null)  =&gt;  (age#2 > cast(null as int))
 * </pre>
 */
final class CoerceNullOperands implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return ResolvedExpressions.transform(plan, CoerceNullOperands::coerce);
  }

  private static Expression coerce(Expression expression) {
    if (expression instanceof Not not && TypeWidening.isNull(not.child().dataType())) {
      return new Not(TypeWidening.castTo(not.child(), TypeWidening.BOOLEAN));
    }
    if (expression instanceof UnaryMinus minus && TypeWidening.isNull(minus.child().dataType())) {
      return minus.withNewChildren(List.of(TypeWidening.castTo(minus.child(), TypeWidening.DOUBLE)));
    }
    if (expression instanceof And || expression instanceof Or) {
      return TypeWidening.withOperands(expression, booleanIfNull(TypeWidening.left(expression)),
          booleanIfNull(TypeWidening.right(expression)));
    }
    if (!(expression instanceof BinaryArithmetic || expression instanceof Comparison)) {
      return expression;
    }
    Expression left = TypeWidening.left(expression);
    Expression right = TypeWidening.right(expression);
    boolean leftNull = TypeWidening.isNull(left.dataType());
    boolean rightNull = TypeWidening.isNull(right.dataType());
    if (leftNull && rightNull) {
      return expression instanceof BinaryArithmetic
          ? TypeWidening.withOperands(expression, TypeWidening.castTo(left, TypeWidening.DOUBLE),
              TypeWidening.castTo(right, TypeWidening.DOUBLE))
          : expression;
    }
    if (leftNull) {
      return TypeWidening.withOperands(expression, TypeWidening.castTo(left, right.dataType()), right);
    }
    if (rightNull) {
      return TypeWidening.withOperands(expression, left, TypeWidening.castTo(right, left.dataType()));
    }
    return expression;
  }

  private static Expression booleanIfNull(Expression operand) {
    return TypeWidening.isNull(operand.dataType()) ? TypeWidening.castTo(operand, TypeWidening.BOOLEAN) : operand;
  }
}
