package dev.ember.planner.analysis;

import static dev.ember.planner.functions.IntervalFunctionDefinitions.*;

import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.planner.functions.MathFunctionDefinitions;
import dev.ember.planner.functions.ScalarFunction;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.util.List;

/**
 * Spark's operators on ANSI intervals become interval functions, named as Spark names the operator.
 * Operands are put in Spark's order: the date or timestamp first, the interval before a number.
 * A date plus a whole-day interval stays a date ({@code date_add(d, extractansiintervaldays(i))});
 * a date plus any other day-time interval is a timestamp.
 *
 * <pre>
 * (3 * INTERVAL '1' HOUR)          =&gt;  interval_multiply(INTERVAL '01' HOUR, 3)
 * (ts - INTERVAL '1' MONTH)        =&gt;  timestamp_add_interval(ts, INTERVAL '1' MONTH), subtracting
 * (d1 - d2)                        =&gt;  subtract_dates(d1, d2)                   (an INTERVAL DAY)
 * (ts - d)                         =&gt;  subtract_timestamps(ts, cast(d as timestamp))
 * </pre>
 *
 * A timestamp without a zone moves by its wall clock, every day 24 hours.
 *
 * Operand pairs Spark rejects (an interval plus a number, a year-month plus a day-time interval) are
 * left alone for the type check to report.
 */
final class IntervalArithmeticAsFunctions implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return ResolvedExpressions.transform(plan, IntervalArithmeticAsFunctions::rewrite);
  }

  private static Expression rewrite(Expression expression) {
    if (expression instanceof ScalarFunctionCall call && call.function() == MathFunctionDefinitions.ABS) {
      DataType type = call.arguments().get(0).dataType();
      if (type instanceof YearMonthIntervalType) {
        return call(YEAR_MONTH_ABSOLUTE, call.arguments().get(0));
      } else if (type instanceof DayTimeIntervalType) {
        return call(DAY_TIME_ABSOLUTE, call.arguments().get(0));
      }
      return expression;
    }
    if (expression instanceof UnaryMinus minus) {
      DataType type = minus.child().dataType();
      if (type instanceof YearMonthIntervalType) {
        return call(YEAR_MONTH_NEGATE, minus.child());
      } else if (type instanceof DayTimeIntervalType) {
        return call(DAY_TIME_NEGATE, minus.child());
      }
      return expression;
    }
    if (!(expression instanceof BinaryArithmetic arithmetic)) {
      return expression;
    }
    Expression left = arithmetic.left();
    Expression right = arithmetic.right();
    if (arithmetic.operator() == ArithmeticOperator.SUBTRACT && isDateTime(left.dataType())
        && isDateTime(right.dataType())) {
      return difference(left, right);
    }
    if (!isInterval(left.dataType()) && !isInterval(right.dataType())) {
      return expression;
    }
    Expression rewritten = switch (arithmetic.operator()) {
      case ADD -> add(left, right);
      case SUBTRACT -> subtract(left, right);
      case MULTIPLY -> isInterval(left.dataType()) ? scale(left, right, true) : scale(right, left, true);
      case DIVIDE -> scale(left, right, false);
      default -> null;
    };
    return rewritten == null ? expression : rewritten;
  }

  private static Expression add(Expression left, Expression right) {
    DataType leftType = left.dataType();
    DataType rightType = right.dataType();
    if (leftType instanceof YearMonthIntervalType && rightType instanceof YearMonthIntervalType) {
      return call(YEAR_MONTH_ADD, left, right);
    } else if (leftType instanceof DayTimeIntervalType && rightType instanceof DayTimeIntervalType) {
      return call(DAY_TIME_ADD, left, right);
    } else if (isInterval(leftType)) {
      return moved(right, left, true);
    }
    return moved(left, right, true);
  }

  private static Expression subtract(Expression left, Expression right) {
    DataType leftType = left.dataType();
    DataType rightType = right.dataType();
    if (leftType instanceof YearMonthIntervalType && rightType instanceof YearMonthIntervalType) {
      return call(YEAR_MONTH_SUBTRACT, left, right);
    } else if (leftType instanceof DayTimeIntervalType && rightType instanceof DayTimeIntervalType) {
      return call(DAY_TIME_SUBTRACT, left, right);
    } else if (isInterval(rightType)) {
      return moved(left, right, false);
    }
    return null;
  }

  /** A date or timestamp moved forward or back by an interval; null for other operand types. */
  private static Expression moved(Expression datetime, Expression interval, boolean forward) {
    DataType type = datetime.dataType();
    DataType intervalType = interval.dataType();
    if (type instanceof DateType && intervalType instanceof YearMonthIntervalType) {
      return call(forward ? DATE_ADD_YEAR_MONTH : DATE_SUBTRACT_YEAR_MONTH, datetime, interval);
    } else if (type instanceof DateType && intervalType instanceof DayTimeIntervalType dayTime) {
      if (dayTime.endField() == DayTimeIntervalType.DAY()) {
        return call(forward ? DATE_ADD_DAYS : DATE_SUBTRACT_DAYS, datetime, interval);
      }
      return call(forward ? DATE_ADD_DAY_TIME : DATE_SUBTRACT_DAY_TIME, datetime, interval);
    } else if (type instanceof TimestampType && intervalType instanceof YearMonthIntervalType) {
      return call(forward ? TIMESTAMP_ADD_YEAR_MONTH : TIMESTAMP_SUBTRACT_YEAR_MONTH, datetime, interval);
    } else if (type instanceof TimestampType && intervalType instanceof DayTimeIntervalType) {
      return call(forward ? TIMESTAMP_ADD_DAY_TIME : TIMESTAMP_SUBTRACT_DAY_TIME, datetime, interval);
    } else if (type instanceof TimestampNTZType && intervalType instanceof YearMonthIntervalType) {
      return call(forward ? TIMESTAMP_NTZ_ADD_YEAR_MONTH : TIMESTAMP_NTZ_SUBTRACT_YEAR_MONTH, datetime, interval);
    } else if (type instanceof TimestampNTZType && intervalType instanceof DayTimeIntervalType) {
      return call(forward ? TIMESTAMP_NTZ_ADD_DAY_TIME : TIMESTAMP_NTZ_SUBTRACT_DAY_TIME, datetime, interval);
    }
    return null;
  }

  /**
   * {@code date - date} is an INTERVAL DAY; any other pair of dates and timestamps an INTERVAL DAY TO
   * SECOND of elapsed time, both sides first cast to a timestamp when either has a zone and to a
   * timestamp without one otherwise (a date is its midnight), as Spark 4.2 does.
   */
  private static Expression difference(Expression left, Expression right) {
    DataType leftType = left.dataType();
    DataType rightType = right.dataType();
    if (leftType instanceof DateType && rightType instanceof DateType) {
      return call(DATE_DIFFERENCE, left, right);
    }
    DataType common = leftType instanceof TimestampType || rightType instanceof TimestampType
        ? DataTypes.TimestampType : DataTypes.TimestampNTZType;
    return call(common instanceof TimestampType ? TIMESTAMP_DIFFERENCE : TIMESTAMP_NTZ_DIFFERENCE,
        castTo(left, common), castTo(right, common));
  }

  private static Expression castTo(Expression expression, DataType type) {
    return expression.dataType().equals(type) ? expression : Cast.implicit(expression, type);
  }

  private static boolean isDateTime(DataType type) {
    return type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType;
  }

  /** An interval multiplied or divided by a number; null when the other operand is not a number. */
  private static Expression scale(Expression interval, Expression number, boolean multiply) {
    if (!number.dataType().isNumeric()) {
      return null;
    }
    if (interval.dataType() instanceof YearMonthIntervalType) {
      return call(multiply ? YEAR_MONTH_MULTIPLY : YEAR_MONTH_DIVIDE, interval, number);
    } else if (interval.dataType() instanceof DayTimeIntervalType) {
      return call(multiply ? DAY_TIME_MULTIPLY : DAY_TIME_DIVIDE, interval, number);
    }
    return null;
  }

  private static boolean isInterval(DataType type) {
    return type instanceof YearMonthIntervalType || type instanceof DayTimeIntervalType;
  }

  private static Expression call(ScalarFunction function, Expression... arguments) {
    return new ScalarFunctionCall(function, List.of(arguments));
  }
}
