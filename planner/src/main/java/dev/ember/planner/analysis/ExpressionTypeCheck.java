package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.CaseWhen;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Coalesce;
import dev.ember.planner.expressions.GreatestLeast;
import dev.ember.planner.expressions.HigherOrderFunction;
import dev.ember.planner.expressions.If;
import dev.ember.planner.expressions.In;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import java.util.List;

/**
 * The input type rules of each expression after coercion, failing with Spark's DATATYPE_MISMATCH
 * conditions: what coercion could not reconcile is an error the user must fix.
 */
final class ExpressionTypeCheck {
  private static final String BOOLEAN = "\"BOOLEAN\"";
  private static final String NUMERIC = "\"NUMERIC\"";
  private static final String DOUBLE_OR_DECIMAL = "(\"DOUBLE\" or \"DECIMAL\")";
  private static final String NUMERIC_OR_INTERVAL = "\"NUMERIC\" or \"ANSI INTERVAL\"";

  private ExpressionTypeCheck() {}

  /**
   * Checks every node of {@code expression}, children first; {@code operator} is named in the error.
   * {@code ansiEnabled} is the session's setting, which decides the casts Spark allows.
   */
  static void check(Expression expression, LogicalPlan operator, boolean ansiEnabled) {
    for (Expression child : expression.children()) {
      check(child, operator, ansiEnabled);
    }
    if (expression instanceof Cast cast) {
      CastCheck.check(cast, ansiEnabled, operator);
    } else {
      checkNode(expression, operator);
    }
  }

  private static void checkNode(Expression expression, LogicalPlan operator) {
    if (expression instanceof BinaryArithmetic arithmetic) {
      checkArithmetic(arithmetic, operator);
    } else if (expression instanceof Comparison comparison) {
      DataType left = comparison.left().dataType();
      DataType right = comparison.right().dataType();
      if (!left.equals(right) && !sameIntervalFamily(left, right)) {
        throw AnalysisErrors.binaryOperandsDiffer(comparison, left, right, operator);
      }
    } else if (expression instanceof And || expression instanceof Or) {
      DataType left = TypeWidening.left(expression).dataType();
      DataType right = TypeWidening.right(expression).dataType();
      if (!left.equals(right)) {
        throw AnalysisErrors.binaryOperandsDiffer(expression, left, right, operator);
      }
      if (!(left instanceof BooleanType)) {
        throw AnalysisErrors.binaryOperandWrongType(expression, BOOLEAN, left, operator);
      }
    } else if (expression instanceof Not not && !(not.child().dataType() instanceof BooleanType)) {
      throw AnalysisErrors.unexpectedInputType(not, not.child(), BOOLEAN, operator);
    } else if (expression instanceof UnaryMinus minus && !minus.child().dataType().isNumeric()) {
      throw AnalysisErrors.unexpectedInputType(minus, minus.child(), AnalysisErrors.binaryArithmeticInput(), operator);
    } else if (expression instanceof ScalarFunctionCall call) {
      checkFunctionCall(call, operator);
    } else if (expression instanceof HigherOrderFunction function) {
      HigherOrderFunctionChecks.checkLambdas(function, operator);
    } else if (expression instanceof If conditional) {
      if (!(conditional.predicate().dataType() instanceof BooleanType)) {
        throw AnalysisErrors.unexpectedInputType(conditional, conditional.predicate(), BOOLEAN, operator);
      }
      requireOneType(conditional, "if", List.of(conditional.trueValue(), conditional.falseValue()), false, operator);
    } else if (expression instanceof CaseWhen caseWhen) {
      for (Expression condition : caseWhen.conditions()) {
        if (!(condition.dataType() instanceof BooleanType)) {
          throw AnalysisErrors.unexpectedInputType(caseWhen, condition, BOOLEAN, operator);
        }
      }
      requireOneType(caseWhen, "casewhen", caseWhen.results(), false, operator);
    } else if (expression instanceof Coalesce coalesce) {
      requireOneType(coalesce, "coalesce", coalesce.arguments(), true, operator);
    } else if (expression instanceof In in) {
      requireOneType(in, "in", in.children(), false, operator);
    } else if (expression instanceof GreatestLeast extremum) {
      requireOneType(extremum, extremum.prettyName(), extremum.arguments(), false, operator);
    } else if (expression instanceof AggregateCall call
        && (call.function() == AggregateFunction.SUM || call.function() == AggregateFunction.AVG)
        && !call.argument().dataType().isNumeric()) {
      throw AnalysisErrors.unexpectedInputType(call, call.argument(), NUMERIC_OR_INTERVAL, operator);
    }
  }

  /**
   * Intervals of one family compare as they are, whatever their fields: both hold months, or both
   * microseconds, so {@code INTERVAL '1' DAY = INTERVAL '24' HOUR} needs no cast.
   */
  private static boolean sameIntervalFamily(DataType left, DataType right) {
    return left instanceof dev.ember.sql.types.DayTimeIntervalType
        && right instanceof dev.ember.sql.types.DayTimeIntervalType
        || left instanceof dev.ember.sql.types.YearMonthIntervalType
        && right instanceof dev.ember.sql.types.YearMonthIntervalType;
  }

  private static void checkFunctionCall(ScalarFunctionCall call, LogicalPlan operator) {
    List<Expression> arguments = call.arguments();
    if (call.function().binaryOperator() && arguments.size() == 2) {
      DataType left = arguments.get(0).dataType();
      if (!left.equals(arguments.get(1).dataType())) {
        throw AnalysisErrors.binaryOperandsDiffer(call, left, arguments.get(1).dataType(), operator);
      } else if (!call.function().argumentType(0).accepts(left)) {
        throw AnalysisErrors.binaryOperandWrongType(call, call.function().argumentType(0).sql(), left, operator);
      }
    }
    for (int i = 0; i < arguments.size(); i++) {
      Expression argument = arguments.get(i);
      if (!call.function().argumentType(i).accepts(argument.dataType())) {
        throw AnalysisErrors.unexpectedInputType(call, i, argument, call.function().argumentType(i).sql(), operator);
      }
      if (call.function().foldableArguments().contains(i) && !argument.foldable()) {
        throw AnalysisErrors.nonFoldableInput(call, ordinalName(i), argument.dataType(), argument, operator);
      }
    }
  }

  /** Spark names the input in NON_FOLDABLE_INPUT; Ember knows only the position, except for round's scale. */
  private static String ordinalName(int index) {
    return index == 1 ? "scale" : "argument " + (index + 1);
  }

  private static void requireOneType(Expression expression, String functionName, List<Expression> values,
      boolean listedWithOr, LogicalPlan operator) {
    List<DataType> types = values.stream().map(Expression::dataType).toList();
    if (types.stream().distinct().count() > 1) {
      throw AnalysisErrors.dataDiffTypes(expression, functionName, types, listedWithOr, operator);
    }
  }

  private static void checkArithmetic(BinaryArithmetic arithmetic, LogicalPlan operator) {
    DataType left = arithmetic.left().dataType();
    DataType right = arithmetic.right().dataType();
    if (left instanceof DecimalType && right instanceof DecimalType) {
      return;
    }
    if (!left.equals(right)) {
      throw AnalysisErrors.binaryOperandsDiffer(arithmetic, left, right, operator);
    }
    ArithmeticOperator kind = arithmetic.operator();
    if (kind == ArithmeticOperator.DIVIDE) {
      if (!(left instanceof DoubleType || left instanceof DecimalType)) {
        throw AnalysisErrors.binaryOperandWrongType(arithmetic, DOUBLE_OR_DECIMAL, left, operator);
      }
    } else if (!left.isNumeric()) {
      String required = kind == ArithmeticOperator.ADD || kind == ArithmeticOperator.SUBTRACT
          ? AnalysisErrors.binaryArithmeticInput() : NUMERIC;
      throw AnalysisErrors.binaryOperandWrongType(arithmetic, required, left, operator);
    }
  }
}
