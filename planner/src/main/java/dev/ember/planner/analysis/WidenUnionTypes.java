package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.Union;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.FloatType;
import dev.ember.planner.functions.CommonTypes;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives both sides of a union the same column types, position by position, as Spark 4.2's ANSI
 * coercion does: each side whose type is narrower gets a projection casting the column and keeping its
 * name. Columns without a common type are left for {@link CheckAnalysis} to report.
 *
 * <pre>
 * Union                              Union
 * :- Project [a#1 (int)]       =&gt;    :- Project [cast(a#1 as bigint) AS a#5]
 * +- Project [b#2 (bigint)]          :  +- Project [a#1]
 *                                    +- Project [b#2]
 * </pre>
 */
final class WidenUnionTypes implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node instanceof Union union ? widen(union) : node);
  }

  private static LogicalPlan widen(Union union) {
    if (!ColumnResolver.childrenReady(union)) {
      return union;
    }
    List<AttributeReference> left = union.left().output();
    List<AttributeReference> right = union.right().output();
    if (left.size() != right.size()) {
      return union;
    }
    List<DataType> targets = new ArrayList<>(left.size());
    boolean changes = false;
    for (int i = 0; i < left.size(); i++) {
      DataType leftType = left.get(i).dataType();
      DataType rightType = right.get(i).dataType();
      DataType target = widerType(leftType, rightType).orElse(null);
      if (target == null) {
        // Reported by CheckAnalysis; cast nothing so its message shows the original types.
        return union;
      }
      changes |= !target.equals(leftType) || !target.equals(rightType);
      targets.add(target);
    }
    if (!changes) {
      return union;
    }
    return new Union(castTo(union.left(), targets), castTo(union.right(), targets), union.operatorName());
  }

  private static LogicalPlan castTo(LogicalPlan side, List<DataType> targets) {
    List<AttributeReference> output = side.output();
    boolean same = true;
    List<Expression> projectList = new ArrayList<>(output.size());
    for (int i = 0; i < output.size(); i++) {
      AttributeReference column = output.get(i);
      if (column.dataType().equals(targets.get(i))) {
        projectList.add(column);
      } else {
        same = false;
        projectList.add(Alias.of(TypeWidening.castTo(column, targets.get(i)), column.name()));
      }
    }
    return same ? side : new Project(projectList, side);
  }

  /** The type both may be cast to implicitly, as Spark's ANSI coercion finds it for set operations. */
  static Optional<DataType> widerType(DataType left, DataType right) {
    if (left.equals(right)) {
      return Optional.of(left);
    }
    if (TypeWidening.isNull(left)) {
      return Optional.of(right);
    }
    if (TypeWidening.isNull(right)) {
      return Optional.of(left);
    }
    if (left.isNumeric() && right.isNumeric()) {
      return Optional.of(widerNumeric(left, right));
    }
    if (isDatetime(left) && isDatetime(right)) {
      return Optional.of(CommonTypes.widerDatetime(left, right));
    }
    if (TypeWidening.isString(left)) {
      return widerWithString(right);
    }
    if (TypeWidening.isString(right)) {
      return widerWithString(left);
    }
    return Optional.empty();
  }

  private static DataType widerNumeric(DataType left, DataType right) {
    int leftRank = TypeWidening.integralRank(left);
    int rightRank = TypeWidening.integralRank(right);
    if (leftRank > 0 && rightRank > 0) {
      return TypeWidening.widerIntegral(left, right);
    }
    if (left instanceof DecimalType leftDecimal && right instanceof DecimalType rightDecimal) {
      return TypeWidening.widerDecimal(leftDecimal, rightDecimal);
    }
    if (left instanceof DecimalType decimal && rightRank > 0) {
      return TypeWidening.widerDecimal(decimal, TypeWidening.decimalFor(right));
    }
    if (right instanceof DecimalType decimal && leftRank > 0) {
      return TypeWidening.widerDecimal(TypeWidening.decimalFor(left), decimal);
    }
    // Spark's ANSI rules widen float with any other numeric type to double, as for operators.
    return left instanceof FloatType && right instanceof FloatType ? left : TypeWidening.DOUBLE;
  }

  /** A string next to another atomic type is read as that type; integral types as bigint. */
  private static Optional<DataType> widerWithString(DataType other) {
    if (TypeWidening.integralRank(other) > 0) {
      return Optional.of(TypeWidening.LONG);
    }
    if (other instanceof DecimalType) {
      return Optional.of(TypeWidening.DOUBLE);
    }
    if (other.isNumeric() || isDatetime(other) || other instanceof BooleanType) {
      return Optional.of(other);
    }
    return Optional.empty();
  }

  private static boolean isDatetime(DataType type) {
    return type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType;
  }
}
