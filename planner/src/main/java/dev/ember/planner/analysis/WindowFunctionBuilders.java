package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.WindowFunction;
import dev.ember.planner.expressions.WindowFunctionCall;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.NullType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The window-only functions: ranks ({@code row_number()}, {@code rank()}, {@code dense_rank()},
 * {@code percent_rank()}, {@code cume_dist()}, {@code ntile(n)}), offsets ({@code lag}, {@code lead}
 * with offset, default and ignoreNulls) and {@code nth_value(x, n[, ignoreNulls])}. Offsets, bucket
 * counts and flags must be literals, as in Spark.
 */
final class WindowFunctionBuilders {
  private WindowFunctionBuilders() {}

  static Map<String, FunctionBuilder> all() {
    Map<String, FunctionBuilder> builders = new LinkedHashMap<>();
    builders.put("row_number", noArguments(WindowFunction.ROW_NUMBER));
    builders.put("rank", noArguments(WindowFunction.RANK));
    builders.put("dense_rank", noArguments(WindowFunction.DENSE_RANK));
    builders.put("percent_rank", noArguments(WindowFunction.PERCENT_RANK));
    builders.put("cume_dist", noArguments(WindowFunction.CUME_DIST));
    builders.put("ntile", WindowFunctionBuilders::ntile);
    builders.put("lag", (name, arguments, distinct) -> offset(WindowFunction.LAG, name, arguments));
    builders.put("lead", (name, arguments, distinct) -> offset(WindowFunction.LEAD, name, arguments));
    builders.put("nth_value", WindowFunctionBuilders::nthValue);
    return builders;
  }

  private static FunctionBuilder noArguments(WindowFunction function) {
    return (name, arguments, distinct) -> {
      if (!arguments.isEmpty()) {
        throw AnalysisErrors.wrongNumberOfArguments(normalize(name), 0, arguments.size());
      }
      return new WindowFunctionCall(function, List.of(), 0, false);
    };
  }

  private static Expression ntile(String name, List<Expression> arguments, boolean distinct) {
    if (arguments.size() != 1) {
      throw AnalysisErrors.wrongNumberOfArguments(normalize(name), 1, arguments.size());
    }
    long buckets = integer(name, arguments.get(0));
    if (buckets <= 0 || buckets > Integer.MAX_VALUE) {
      throw WindowErrors.bucketsOutOfRange(buckets);
    }
    return new WindowFunctionCall(WindowFunction.NTILE, List.of(), buckets, false);
  }

  /** {@code lag(x[, offset[, default[, ignoreNulls]]])}; the default takes the input's type. */
  private static Expression offset(WindowFunction function, String name, List<Expression> arguments) {
    if (arguments.isEmpty() || arguments.size() > 4) {
      throw AnalysisErrors.wrongNumberOfArguments(normalize(name), "[1, 2, 3, 4]", arguments.size());
    }
    Expression input = arguments.get(0);
    long offset = arguments.size() > 1 ? integer(name, arguments.get(1)) : 1;
    Expression defaultValue = arguments.size() > 2 ? arguments.get(2) : Literal.nullOf(input.dataType());
    if (defaultValue.dataType() instanceof NullType) {
      defaultValue = Literal.nullOf(input.dataType());
    } else if (!defaultValue.dataType().equals(input.dataType())) {
      defaultValue = new Cast(defaultValue, input.dataType(), false, true);
    }
    boolean ignoreNulls = arguments.size() > 3 && flag(name, arguments.get(3));
    return new WindowFunctionCall(function, List.of(input, defaultValue), offset, ignoreNulls);
  }

  private static Expression nthValue(String name, List<Expression> arguments, boolean distinct) {
    if (arguments.size() < 2 || arguments.size() > 3) {
      throw AnalysisErrors.wrongNumberOfArguments(normalize(name), "[2, 3]", arguments.size());
    }
    long n = integer(name, arguments.get(1));
    boolean ignoreNulls = arguments.size() > 2 && flag(name, arguments.get(2));
    return new WindowFunctionCall(WindowFunction.NTH_VALUE, List.of(arguments.get(0)), n, ignoreNulls);
  }

  private static long integer(String name, Expression argument) {
    if (argument instanceof Literal literal && literal.value() instanceof Number number
        && literal.dataType().isIntegral()) {
      return number.longValue();
    }
    throw AnalysisErrors.notYetSupported("a non-integer-literal argument of " + normalize(name), argument.sql());
  }

  private static boolean flag(String name, Expression argument) {
    if (argument instanceof Literal literal && literal.dataType() instanceof BooleanType && literal.value() != null) {
      return (Boolean) literal.value();
    }
    throw AnalysisErrors.notYetSupported("a non-constant ignoreNulls argument of " + normalize(name), argument.sql());
  }

  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
