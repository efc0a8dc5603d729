package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import java.util.List;

/** Turns a call of a registered function, with resolved arguments, into its expression. */
@FunctionalInterface
public interface FunctionBuilder {
  /**
   * @param name the function's name as the user wrote it, for error messages
   * @param arguments resolved arguments
   * @param distinct whether the call was {@code f(DISTINCT ...)}
   * @throws dev.ember.sql.AnalysisException when the arguments do not fit the function
   */
  Expression build(String name, List<Expression> arguments, boolean distinct);
}
