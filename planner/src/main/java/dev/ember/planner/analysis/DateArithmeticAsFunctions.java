package dev.ember.planner.analysis;

import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.DateTimeFunctionDefinitions;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.DateType;
import java.util.List;

/**
 * Spark's date arithmetic with a day count: {@code date + n} and {@code n + date} are
 * {@code date_add(date, n)}, {@code date - n} is {@code date_sub(date, n)}, named so, as in Spark 4.2.
 * It runs during resolution so the column is named after the function. The day count's type is
 * checked by date_add (int, smallint or tinyint; bigint is Spark's DATATYPE_MISMATCH).
 *
 * <pre>
 * (d + 7)  =&gt;  date_add(d, 7)
 * </pre>
 */
final class DateArithmeticAsFunctions implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return ResolvedExpressions.transform(plan, DateArithmeticAsFunctions::rewrite);
  }

  private static Expression rewrite(Expression expression) {
    if (!(expression instanceof BinaryArithmetic arithmetic)) {
      return expression;
    }
    Expression left = arithmetic.left();
    Expression right = arithmetic.right();
    boolean leftDate = left.dataType() instanceof DateType;
    boolean rightDate = right.dataType() instanceof DateType;
    if (arithmetic.operator() == ArithmeticOperator.ADD && leftDate && isIntegral(right)) {
      return new ScalarFunctionCall(DateTimeFunctionDefinitions.DATE_ADD, List.of(left, right));
    } else if (arithmetic.operator() == ArithmeticOperator.ADD && rightDate && isIntegral(left)) {
      return new ScalarFunctionCall(DateTimeFunctionDefinitions.DATE_ADD, List.of(right, left));
    } else if (arithmetic.operator() == ArithmeticOperator.SUBTRACT && leftDate && isIntegral(right)) {
      return new ScalarFunctionCall(DateTimeFunctionDefinitions.DATE_SUB, List.of(left, right));
    }
    return expression;
  }

  private static boolean isIntegral(Expression expression) {
    return dev.ember.planner.functions.ImplicitCasts.integralRank(expression.dataType()) > 0;
  }
}
