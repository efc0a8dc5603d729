package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.ScalarFunction;
import java.util.List;
import java.util.Objects;

/**
 * Calls of a user-defined function registered under a name ({@code spark.udf().register(...)}):
 * one definition taking exactly its declared number of arguments. Spark's WRONG_NUM_ARGS names the
 * function as it was registered, case kept.
 */
public final class UserFunctionBuilder implements FunctionBuilder {
  private final ScalarFunction definition;

  public UserFunctionBuilder(ScalarFunction definition) {
    this.definition = Objects.requireNonNull(definition, "definition is null");
    if (definition.instance() == null) {
      throw new IllegalArgumentException(definition.name() + " is not a user-defined function");
    }
  }

  @Override
  public Expression build(String name, List<Expression> arguments, boolean distinct) {
    Objects.requireNonNull(arguments, "arguments is null");
    int expected = definition.argumentTypes().size();
    if (arguments.size() != expected) {
      throw AnalysisErrors.wrongNumberOfArguments(definition.name(), expected, arguments.size());
    }
    if (distinct) {
      throw AnalysisErrors.notYetSupported("DISTINCT in a call of a user-defined function",
          new dev.ember.planner.expressions.UnresolvedFunction(name, arguments, true).sql());
    }
    return new ScalarFunctionCall(definition, arguments);
  }
}
