package dev.ember.planner.analysis;

import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.planner.functions.CommonTypes;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;

/**
 * Brings the numeric operands of arithmetic and comparisons to one type, as Spark 4.2 does in ANSI
 * mode (observed): integrals widen (tinyint &lt; smallint &lt; int &lt; bigint); a float next to anything
 * but a float, and anything next to a double, becomes double; an integral next to a decimal becomes
 * the decimal that holds it (bigint is decimal(20,0)). Decimal arithmetic keeps its two decimal types
 * (the result type follows {@code DecimalResultTypes}) but a decimal comparison casts both sides to
 * the wider decimal. A date compared with a timestamp becomes a timestamp.
 *
 * <pre>
 * (age#2 + salary#4)  =&gt;  (cast(age#2 as double) + salary#4)
 * </pre>
 */
final class WidenOperandTypes implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return ResolvedExpressions.transform(plan, WidenOperandTypes::widen);
  }

  private static Expression widen(Expression expression) {
    if (!(expression instanceof BinaryArithmetic || expression instanceof Comparison)) {
      return expression;
    }
    Expression left = TypeWidening.left(expression);
    Expression right = TypeWidening.right(expression);
    DataType leftType = left.dataType();
    DataType rightType = right.dataType();
    if (leftType.equals(rightType)) {
      return expression;
    }
    if (expression instanceof Comparison && isDatetime(leftType) && isDatetime(rightType)) {
      return both(expression, left, right, CommonTypes.widerDatetime(leftType, rightType));
    }
    if (!leftType.isNumeric() || !rightType.isNumeric()) {
      return expression;
    }
    if (TypeWidening.integralRank(leftType) > 0 && TypeWidening.integralRank(rightType) > 0) {
      return both(expression, left, right, TypeWidening.widerIntegral(leftType, rightType));
    }
    if (TypeWidening.isFractional(leftType) || TypeWidening.isFractional(rightType)) {
      // Spark's ANSI rules widen float with any other type to double: a float cannot hold every int.
      return both(expression, left, right, TypeWidening.DOUBLE);
    }
    if (leftType instanceof DecimalType leftDecimal && rightType instanceof DecimalType rightDecimal) {
      return expression instanceof Comparison
          ? both(expression, left, right, TypeWidening.widerDecimal(leftDecimal, rightDecimal))
          : expression;
    }
    // One decimal, one integral.
    if (leftType instanceof DecimalType) {
      return TypeWidening.withOperands(expression, left,
          TypeWidening.castTo(right, TypeWidening.decimalForOperand(right)));
    }
    return TypeWidening.withOperands(expression, TypeWidening.castTo(left, TypeWidening.decimalForOperand(left)),
        right);
  }

  private static boolean isDatetime(DataType type) {
    return type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType;
  }

  private static Expression both(Expression operator, Expression left, Expression right, DataType type) {
    return TypeWidening.withOperands(operator, TypeWidening.castTo(left, type), TypeWidening.castTo(right, type));
  }
}
