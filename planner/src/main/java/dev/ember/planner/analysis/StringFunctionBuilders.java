package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.StringFunctionDefinitions;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.NullType;
import java.util.ArrayList;
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
    int other = inputBinary ? 1 : 0;
    if (arguments.get(other).dataType() instanceof NullType) {
      // A null beside a binary is a null binary, not a null string.
      List<Expression> cast = new ArrayList<>(arguments);
      cast.set(other, Cast.implicit(arguments.get(other), DataTypes.BinaryType));
      return OVERLAY.build(name, cast, distinct);
    }
    Expression call = OVERLAY.build(name, arguments, distinct);
    throw mixedOverlay(call);
  }

  /** Spark's DATA_DIFF_TYPES for overlay lists the two types as alternatives, whatever their order. */
  private static AnalysisException mixedOverlay(Expression call) {
    String sql = Identifiers.quoteExpression(call);
    String types = "(\"STRING\" or \"BINARY\")";
    return new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES",
        Map.of("functionName", "`overlay`", "dataType", types, "sqlExpr", sql),
        "Cannot resolve " + sql + " due to data type mismatch: Input to `overlay` should all be the same type, but"
            + " it's " + types + ". SQLSTATE: 42K09");
  }
}
