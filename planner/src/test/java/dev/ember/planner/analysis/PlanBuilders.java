package dev.ember.planner.analysis;

import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.AnalysisException;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.function.Executable;

/** Short names for building plans in tests, the way the API builds them. */
final class PlanBuilders {
  private PlanBuilders() {}

  static UnresolvedAttribute col(String name) {
    return new UnresolvedAttribute(name);
  }

  static Literal lit(Object value) {
    return Literal.fromJava(value);
  }

  static UnresolvedFunction call(String name, Expression... arguments) {
    return new UnresolvedFunction(name, List.of(arguments), false);
  }

  static Comparison gt(Expression left, Expression right) {
    return new Comparison(ComparisonOperator.GREATER_THAN, left, right);
  }

  static Comparison lt(Expression left, Expression right) {
    return new Comparison(ComparisonOperator.LESS_THAN, left, right);
  }

  static Comparison eq(Expression left, Expression right) {
    return new Comparison(ComparisonOperator.EQUAL_TO, left, right);
  }

  static BinaryArithmetic plus(Expression left, Expression right) {
    return new BinaryArithmetic(ArithmeticOperator.ADD, left, right);
  }

  static BinaryArithmetic divide(Expression left, Expression right) {
    return new BinaryArithmetic(ArithmeticOperator.DIVIDE, left, right);
  }

  static BinaryArithmetic remainder(Expression left, Expression right) {
    return new BinaryArithmetic(ArithmeticOperator.REMAINDER, left, right);
  }

  /** The output column {@code name} of {@code plan}. */
  static AttributeReference attribute(LogicalPlan plan, String name) {
    return plan.output().stream().filter(column -> column.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no column " + name + " in " + plan.output()));
  }

  static AnalysisException analysisError(Executable executable) {
    return Assertions.assertThrows(AnalysisException.class, executable);
  }

  static String firstLine(Throwable error) {
    return error.getMessage().lines().findFirst().orElseThrow();
  }
}
