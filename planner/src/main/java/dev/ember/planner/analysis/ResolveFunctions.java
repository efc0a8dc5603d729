package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.expressions.UnresolvedStar;
import dev.ember.planner.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replaces each {@code UnresolvedFunction} by the registry's expression once its arguments are
 * resolved. {@code count(*)} becomes {@code count(1)}; a star in any other call stands for all input
 * columns, as in Spark. An unknown name fails at once with UNRESOLVED_ROUTINE, even before the
 * arguments resolve, because Spark reports it first. A higher-order function is built while its
 * lambdas are unresolved: its builder gives their parameters types, and their bodies resolve in
 * later passes.
 *
 * <pre>
 * Aggregate [city#3], [city#3, 'avg(age#2)]  =&gt;  Aggregate [city#3], [city#3, avg(age#2)]
 * </pre>
 */
final class ResolveFunctions implements AnalyzerRule {
  private final FunctionRegistry registry;

  ResolveFunctions(FunctionRegistry registry) {
    this.registry = registry;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node.transformExpressionsUp(expression -> {
      if (!(expression instanceof UnresolvedFunction call)) {
        return expression;
      }
      FunctionBuilder builder = registry.lookup(call.name())
          .orElseThrow(() -> AnalysisErrors.unresolvedRoutine(call.name()));
      if (isCountStar(call)) {
        return builder.build(call.name(), List.of(Literal.fromJava(1)), call.distinct());
      }
      boolean hasStar = call.arguments().stream().anyMatch(argument -> argument instanceof UnresolvedStar);
      if (hasStar && !ColumnResolver.childrenReady(node)) {
        return call;
      }
      List<Expression> arguments = hasStar ? expandStars(call.arguments(), node) : call.arguments();
      boolean takesLambdas = builder instanceof HigherOrderFunctionBuilder;
      if (!takesLambdas && arguments.stream().anyMatch(argument -> argument instanceof LambdaFunction)) {
        throw HigherOrderFunctionErrors.lambdaInOrdinaryFunction(call.name());
      }
      // A lambda resolves only once its function says what its parameters are.
      if (!arguments.stream().allMatch(argument -> argument.resolved()
          || takesLambdas && argument instanceof LambdaFunction)) {
        return call;
      }
      return builder.build(call.name(), arguments, call.distinct());
    }));
  }

  private static boolean isCountStar(UnresolvedFunction call) {
    return call.name().toLowerCase(Locale.ROOT).equals("count")
        && call.arguments().size() == 1 && call.arguments().get(0) instanceof UnresolvedStar;
  }

  private static List<Expression> expandStars(List<Expression> arguments, LogicalPlan node) {
    List<Expression> expanded = new ArrayList<>();
    for (Expression argument : arguments) {
      if (argument instanceof UnresolvedStar) {
        expanded.addAll(node.childOutput());
      } else {
        expanded.add(argument);
      }
    }
    return expanded;
  }
}
