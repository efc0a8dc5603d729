package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.WindowExpression;
import dev.ember.planner.expressions.WindowFrameSpec;
import dev.ember.planner.expressions.WindowFunctionCall;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataType;
import java.util.Map;
import java.util.stream.Collectors;

/** Spark's analysis errors about windows, with Spark's conditions and messages. */
final class WindowErrors {
  private WindowErrors() {}

  static AnalysisException notOrdered(WindowFunctionCall call, LogicalPlan plan) {
    String name = call.function().sqlName();
    return withPlan("WINDOW_FUNCTION_FRAME_NOT_ORDERED", Map.of("funcName", name),
        "Window function " + name + " requires the window to be ordered. You need to add an ORDER BY clause."
            + " For example: SELECT " + call.sql()
            + " OVER (PARTITION BY window_partition ORDER BY window_ordering) FROM table.", "42601", plan);
  }

  static AnalysisException frameMismatch(WindowFrameSpec specified, WindowFrameSpec required) {
    return new AnalysisException("_LEGACY_ERROR_TEMP_2040", Map.of(),
        "Window Frame " + specified + " must match the required frame " + required + ".");
  }

  static AnalysisException boundsReversed(WindowFrameSpec frame, LogicalPlan plan) {
    return mismatch("SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON", frame.sql(),
        "The lower bound of a window frame must be less than or equal to the upper bound.", plan);
  }

  static AnalysisException rangeWithoutOrder(WindowExpression window, LogicalPlan plan) {
    return mismatch("RANGE_FRAME_WITHOUT_ORDER", specText(window),
        "A range window frame cannot be used in an unordered window specification.", plan);
  }

  static AnalysisException rangeWithSeveralOrderKeys(WindowExpression window, LogicalPlan plan) {
    String keys = window.orderSpec().stream().map(Expression::toString).collect(Collectors.joining(","));
    return mismatch("RANGE_FRAME_MULTI_ORDER", specText(window),
        "A range window frame with value boundaries cannot be used in a window specification with multiple order"
            + " by expressions: " + keys + ".", plan);
  }

  static AnalysisException rangeKeyNotNumeric(WindowFrameSpec frame, boolean lower, DataType keyType,
      LogicalPlan plan) {
    return mismatch("SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE", frame.sql(),
        "The data type of the " + (lower ? "lower" : "upper") + " bound \"" + keyType.sql()
            + "\" does not match the expected data type (\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or"
            + " \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\").", plan);
  }

  static AnalysisException bucketsOutOfRange(long buckets) {
    return new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE",
        Map.of("sqlExpr", "\"ntile(" + buckets + ")\"", "exprName", "buckets",
            "valueRange", "(0, 2147483647]", "currentValue", Long.toString(buckets)),
        "Cannot resolve \"ntile(" + buckets + ")\" due to data type mismatch: The buckets must be between"
            + " (0, 2147483647] (current value = " + buckets + "). SQLSTATE: 42K09");
  }

  static AnalysisException notAllowedInWhere(LogicalPlan plan) {
    return withPlan("WINDOW_FUNCTION_NOT_ALLOWED_IN_CLAUSE", Map.of("clauseName", "WHERE"),
        "It is not allowed to use window functions inside WHERE clause.", "42601", plan);
  }

  static AnalysisException outsideWindow(WindowFunctionCall call, LogicalPlan plan) {
    return withPlan("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", Map.of("funcName", "\"" + call.sql() + "\""),
        "Window function \"" + call.sql() + "\" requires an OVER clause.", "42601", plan);
  }

  static AnalysisException notAWindowFunction(Expression function, LogicalPlan plan) {
    String quoted = "\"" + function.sql() + "\"";
    return withPlan("UNSUPPORTED_EXPR_FOR_WINDOW", Map.of("sqlExpr", quoted),
        "Expression " + quoted + " not supported within a window function.", "42P20", plan);
  }

  /** The window specification in parentheses, as Spark quotes it: {@code (PARTITION BY k RANGE BETWEEN ...)}. */
  private static String specText(WindowExpression window) {
    String sql = window.sql();
    return sql.substring(sql.indexOf(" OVER (") + " OVER ".length());
  }

  private static AnalysisException mismatch(String subCondition, String sqlExpr, String detail, LogicalPlan plan) {
    String quoted = "\"" + sqlExpr + "\"";
    return withPlan("DATATYPE_MISMATCH." + subCondition, Map.of("sqlExpr", quoted),
        "Cannot resolve " + quoted + " due to data type mismatch: " + detail, "42K09", plan);
  }

  private static AnalysisException withPlan(String condition, Map<String, String> parameters, String text,
      String sqlState, LogicalPlan plan) {
    return new AnalysisException(condition, parameters, text + " SQLSTATE: " + sqlState + ";\n" + plan.treeString());
  }
}
