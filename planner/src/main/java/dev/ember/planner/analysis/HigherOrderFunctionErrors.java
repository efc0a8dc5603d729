package dev.ember.planner.analysis;

import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.planner.expressions.NamedLambdaVariable;
import dev.ember.sql.AnalysisException;
import java.util.Map;
import java.util.stream.Collectors;

/** Spark's INVALID_LAMBDA_FUNCTION_CALL errors, raised while lambdas are bound to their functions. */
final class HigherOrderFunctionErrors {
  private static final String PREFIX = "Invalid lambda function call. ";
  private static final String SQL_STATE = " SQLSTATE: 42K0D";

  private HigherOrderFunctionErrors() {}

  /**
   * Spark's wording puts the lambda's own parameter count first: {@code (x, y, z) -> x} given to
   * {@code transform} "expects 3 arguments, but got 1".
   */
  static AnalysisException numberOfLambdaArgumentsMismatch(int expected, int actual) {
    return new AnalysisException("INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH",
        Map.of("expectedNumArgs", Integer.toString(expected), "actualNumArgs", Integer.toString(actual)),
        PREFIX + "A higher order function expects " + expected + " arguments, but got " + actual + "." + SQL_STATE);
  }

  static AnalysisException duplicateLambdaArgumentNames(LambdaFunction lambda) {
    String names = lambda.parameters().stream().map(NamedLambdaVariable::name).map(Identifiers::quote)
        .collect(Collectors.joining(", "));
    return new AnalysisException("INVALID_LAMBDA_FUNCTION_CALL.DUPLICATE_ARG_NAMES",
        Map.of("args", names, "caseSensitiveConfig", "\"spark.sql.caseSensitive\""),
        PREFIX + "The lambda function has duplicate arguments " + names + ". Please, consider to rename the argument"
            + " names or set \"spark.sql.caseSensitive\" to \"true\"." + SQL_STATE);
  }

  /**
   * A lambda given to a function that takes none, {@code abs(x -> x)}. Spark names the function's
   * expression class, which for most functions is the name in camel case
   * ({@code org.apache.spark.sql.catalyst.expressions.Abs}); Ember names that class.
   */
  static AnalysisException lambdaInOrdinaryFunction(String function) {
    StringBuilder className = new StringBuilder("org.apache.spark.sql.catalyst.expressions.");
    for (String part : function.toLowerCase(java.util.Locale.ROOT).split("_")) {
      if (!part.isEmpty()) {
        className.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return new AnalysisException("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION",
        Map.of("class", className.toString()),
        PREFIX + "A lambda function should only be used in a higher order function. However, its class is "
            + className + ", which is not a higher order function." + SQL_STATE);
  }

  /** {@code array_sort}'s comparator must return an int. */
  static AnalysisException unexpectedReturnType(dev.ember.planner.expressions.Expression function,
      dev.ember.sql.types.DataType actual, dev.ember.planner.logical.LogicalPlan plan) {
    String sql = Identifiers.quoteExpression(function);
    String type = Identifiers.quoteType(actual);
    return new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE",
        Map.of("sqlExpr", sql, "functionName", "`lambdafunction`", "expectedType", "\"INT\"", "actualType", type),
        "Cannot resolve " + sql + " due to data type mismatch: The `lambdafunction` requires return \"INT\" type, but"
            + " the actual is " + type + " type. SQLSTATE: 42K09;\n" + plan.treeString());
  }
}
