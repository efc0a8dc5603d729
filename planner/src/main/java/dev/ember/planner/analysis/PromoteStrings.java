package dev.ember.planner.analysis;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.planner.logical.LogicalPlan;
import java.util.List;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;

/**
 * Spark 4.2's ANSI coercion of a string operand next to another type (observed on Spark):
 * next to an integral type both sides become bigint ({@code '5' > 3} compares bigints); next to
 * float, double or decimal both become double; in a comparison the string becomes the date,
 * timestamp, boolean or binary it is compared with; next to a boolean in AND/OR it becomes boolean.
 * A string negated becomes double, a string under NOT boolean. Two strings are left alone.
 *
 * <pre>
 * (age#2 > 5)  with '5' a string  =&gt;  (cast(age#2 as bigint) > cast(5 as bigint))
 * </pre>
 */
final class PromoteStrings implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return ResolvedExpressions.transform(plan, PromoteStrings::promote);
  }

  private static Expression promote(Expression expression) {
    if (expression instanceof UnaryMinus minus && TypeWidening.isString(minus.child().dataType())) {
      return minus.withNewChildren(List.of(TypeWidening.castTo(minus.child(), TypeWidening.DOUBLE)));
    }
    if (expression instanceof Not not && TypeWidening.isString(not.child().dataType())) {
      return new Not(TypeWidening.castTo(not.child(), TypeWidening.BOOLEAN));
    }
    if (!TypeWidening.isBinaryOperator(expression)) {
      return expression;
    }
    Expression left = TypeWidening.left(expression);
    Expression right = TypeWidening.right(expression);
    boolean leftString = TypeWidening.isString(left.dataType());
    boolean rightString = TypeWidening.isString(right.dataType());
    if (leftString == rightString) {
      return expression;
    }
    DataType other = leftString ? right.dataType() : left.dataType();
    DataType target = target(expression, other);
    if (target == null) {
      return expression;
    }
    return TypeWidening.withOperands(expression, TypeWidening.castTo(left, target),
        TypeWidening.castTo(right, target));
  }

  /** The type both operands take, or null when Spark leaves the pair for the type check to reject. */
  private static DataType target(Expression operator, DataType other) {
    if (TypeWidening.integralRank(other) > 0) {
      return TypeWidening.LONG;
    }
    if (TypeWidening.isFractional(other) || TypeWidening.isDecimal(other)) {
      return TypeWidening.DOUBLE;
    }
    if (operator instanceof Comparison && (other instanceof DateType || other instanceof TimestampType
        || other instanceof TimestampNTZType || other instanceof BooleanType || other instanceof BinaryType)) {
      return other;
    }
    if ((operator instanceof And || operator instanceof Or) && other instanceof BooleanType) {
      return DataTypes.BooleanType;
    }
    return null;
  }
}
