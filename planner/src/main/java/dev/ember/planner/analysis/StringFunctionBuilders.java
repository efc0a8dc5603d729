package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.StringFunctionDefinitions;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.BinaryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * String functions whose definition depends on whether the arguments are binary, which one
 * definition's argument types cannot say: {@code concat} of binaries only stays binary (any other
 * argument makes it a string), and {@code overlay} takes two strings or two binaries, never one of
 * each.
 */
final class StringFunctionBuilders {
  private static final ScalarFunctionBuilder CONCAT = new ScalarFunctionBuilder(
      List.of(StringFunctionDefinitions.CONCAT, StringFunctionDefinitions.CONCAT_NOTHING));
  private static final ScalarFunctionBuilder OVERLAY = new ScalarFunctionBuilder(
      List.of(StringFunctionDefinitions.OVERLAY));

  private StringFunctionBuilders() {}

  static Map<String, FunctionBuilder> all() {
    Map<String, FunctionBuilder> builders = new LinkedHashMap<>();
    builders.put("concat", StringFunctionBuilders::concat);
    builders.put("overlay", StringFunctionBuilders::overlay);
    return builders;
  }

  private static Expression concat(String name, List<Expression> arguments, boolean distinct) {
    if (arguments.stream().anyMatch(argument -> argument.dataType() instanceof dev.ember.sql.types.ArrayType)) {
      return CollectionFunctionBuilders.concat(name, arguments, distinct);
    }
    if (!arguments.isEmpty() && arguments.stream().allMatch(argument -> argument.dataType() instanceof BinaryType)) {
      return new ScalarFunctionCall(StringFunctionDefinitions.CONCAT_BINARY, arguments);
    }
    return CONCAT.build(name, arguments, distinct);
  }

  private static Expression overlay(String name, List<Expression> arguments, boolean distinct) {
    if (arguments.size() < 2) {
      return OVERLAY.build(name, arguments, distinct);
    }
    boolean inputBinary = arguments.get(0).dataType() instanceof BinaryType;
    boolean replaceBinary = arguments.get(1).dataType() instanceof BinaryType;
    if (inputBinary == replaceBinary) {
      return OVERLAY.build(name, arguments, distinct);
    }
    throw mixedOverlay(OVERLAY.build(name, arguments, distinct), inputBinary);
  }

  /**
   * Spark's DATA_DIFF_TYPES for overlay names the input's and the replacement's types in that order,
   * anything but a binary (a null too) counting as the string it is cast to.
   */
  private static AnalysisException mixedOverlay(Expression call, boolean inputBinary) {
    String sql = Identifiers.quoteExpression(call);
    String types = inputBinary ? "(\"BINARY\" or \"STRING\")" : "(\"STRING\" or \"BINARY\")";
    return new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES",
        Map.of("functionName", "`overlay`", "dataType", types, "sqlExpr", sql),
        "Cannot resolve " + sql + " due to data type mismatch: Input to `overlay` should all be the same type, but"
            + " it's " + types + ". SQLSTATE: 42K09");
  }
}
