package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The aggregate functions by Spark's names and aliases ({@code std}, {@code every}, {@code any_value},
 * ...), with their options checked and DISTINCT allowed. Each call keeps the name it was made by, so
 * the generated column name is Spark's.
 */
final class AggregateFunctionBuilders {
  private AggregateFunctionBuilders() {}

  static Map<String, FunctionBuilder> builders() {
    Map<String, FunctionBuilder> builders = new LinkedHashMap<>();
    builders.put("count", AggregateFunctionBuilders::count);
    builders.put("sum", plain(AggregateFunction.SUM));
    builders.put("avg", plain(AggregateFunction.AVG));
    // Spark's functions.mean is avg; in SQL text Spark names the column mean(x), Ember avg(x).
    builders.put("mean", named(AggregateFunction.AVG, "avg"));
    builders.put("min", plain(AggregateFunction.MIN));
    builders.put("max", plain(AggregateFunction.MAX));
    builders.put("count_if", plain(AggregateFunction.COUNT_IF));
    builders.put("bool_and", plain(AggregateFunction.BOOL_AND));
    builders.put("every", named(AggregateFunction.BOOL_AND, "every"));
    builders.put("bool_or", plain(AggregateFunction.BOOL_OR));
    builders.put("some", named(AggregateFunction.BOOL_OR, "some"));
    builders.put("any", named(AggregateFunction.BOOL_OR, "any"));
    builders.put("stddev", named(AggregateFunction.STDDEV_SAMP, "stddev"));
    builders.put("std", named(AggregateFunction.STDDEV_SAMP, "std"));
    builders.put("stddev_samp", plain(AggregateFunction.STDDEV_SAMP));
    builders.put("stddev_pop", plain(AggregateFunction.STDDEV_POP));
    builders.put("variance", named(AggregateFunction.VAR_SAMP, "variance"));
    builders.put("var_samp", plain(AggregateFunction.VAR_SAMP));
    builders.put("var_pop", plain(AggregateFunction.VAR_POP));
    builders.put("skewness", plain(AggregateFunction.SKEWNESS));
    builders.put("kurtosis", plain(AggregateFunction.KURTOSIS));
    builders.put("corr", plain(AggregateFunction.CORR));
    builders.put("covar_pop", plain(AggregateFunction.COVAR_POP));
    builders.put("covar_samp", plain(AggregateFunction.COVAR_SAMP));
    builders.put("max_by", plain(AggregateFunction.MAX_BY));
    builders.put("min_by", plain(AggregateFunction.MIN_BY));
    builders.put("mode", plain(AggregateFunction.MODE));
    builders.put("first", firstOrLast(AggregateFunction.FIRST, "first"));
    builders.put("first_value", firstOrLast(AggregateFunction.FIRST, "first_value"));
    builders.put("any_value", firstOrLast(AggregateFunction.FIRST, "any_value"));
    builders.put("last", firstOrLast(AggregateFunction.LAST, "last"));
    builders.put("last_value", firstOrLast(AggregateFunction.LAST, "last_value"));
    builders.put("approx_count_distinct", AggregateFunctionBuilders::approxCountDistinct);
    builders.put("percentile", AggregateFunctionBuilders::percentile);
    builders.put("median", AggregateFunctionBuilders::median);
    builders.put("collect_list", plain(AggregateFunction.COLLECT_LIST));
    builders.put("collect_set", plain(AggregateFunction.COLLECT_SET));
    builders.put("percentile_approx", approxPercentile("percentile_approx"));
    builders.put("approx_percentile", approxPercentile("approx_percentile"));
    return builders;
  }

  private static FunctionBuilder plain(AggregateFunction function) {
    return named(function, function.sqlName());
  }

  private static FunctionBuilder named(AggregateFunction function, String displayName) {
    return (name, arguments, distinct) -> {
      requireArguments(name, arguments, function.argumentCount());
      return new AggregateCall(function, arguments, distinct, displayName, List.of(), false);
    };
  }

  /** Spark counts the rows where every argument is non-null. */
  private static Expression count(String name, List<Expression> arguments, boolean distinct) {
    if (arguments.isEmpty()) {
      throw AnalysisErrors.countWithoutArguments(normalize(name));
    }
    return new AggregateCall(AggregateFunction.COUNT, arguments, distinct, "count", List.of(), false);
  }

  /** {@code first(x)}, {@code first(x, ignoreNulls)}: Spark names both {@code first(x)}. */
  private static FunctionBuilder firstOrLast(AggregateFunction function, String displayName) {
    return (name, arguments, distinct) -> {
      if (arguments.isEmpty() || arguments.size() > 2) {
        throw AnalysisErrors.wrongNumberOfArguments(normalize(name), 2, arguments.size());
      }
      Expression ignoreNulls = arguments.size() == 2 ? arguments.get(1) : Literal.FALSE;
      if (!(ignoreNulls instanceof Literal literal) || !(literal.dataType() instanceof BooleanType) || literal.isNull()) {
        throw AnalysisErrors.notYetSupported("a non-constant ignoreNulls argument", describe(name, arguments, distinct));
      }
      return new AggregateCall(function, List.of(arguments.get(0)), distinct, displayName, List.of(ignoreNulls), false);
    };
  }

  /** {@code approx_count_distinct(x[, rsd])}; Spark shows only {@code x} in the column name. */
  private static Expression approxCountDistinct(String name, List<Expression> arguments, boolean distinct) {
    if (arguments.isEmpty() || arguments.size() > 2) {
      throw AnalysisErrors.wrongNumberOfArguments(normalize(name), 2, arguments.size());
    }
    Expression relativeSd = arguments.size() == 2 ? arguments.get(1) : new Literal(0.05, DataTypes.DoubleType);
    requireNumberLiteral(name, arguments, distinct, relativeSd);
    return new AggregateCall(AggregateFunction.APPROX_COUNT_DISTINCT, List.of(arguments.get(0)), distinct,
        "approx_count_distinct", List.of(relativeSd), false);
  }

  /** {@code percentile(x, p[, 1])}: Spark names it {@code percentile(x, p, 1)}. */
  private static Expression percentile(String name, List<Expression> arguments, boolean distinct) {
    if (arguments.size() < 2 || arguments.size() > 3) {
      throw AnalysisErrors.wrongNumberOfArguments(normalize(name), 2, arguments.size());
    }
    requireNumberLiteral(name, arguments, distinct, arguments.get(1));
    Expression frequency = arguments.size() == 3 ? arguments.get(2) : Literal.fromJava(1);
    if (!(frequency instanceof Literal literal) || !(literal.value() instanceof Number number)
        || number.longValue() != 1) {
      throw AnalysisErrors.notYetSupported("percentile with a frequency other than 1", describe(name, arguments, distinct));
    }
    return new AggregateCall(AggregateFunction.PERCENTILE, List.of(arguments.get(0)), distinct, "percentile",
        List.of(arguments.get(1), frequency), true);
  }

  /**
   * {@code percentile_approx(x, p[, accuracy])}: Spark names it {@code percentile_approx(x, p, 10000)}.
   * With {@code array(p1, p2, ...)} of constants for p it returns an array, one value per percentage.
   */
  private static FunctionBuilder approxPercentile(String displayName) {
    return (name, arguments, distinct) -> {
      if (arguments.size() < 2 || arguments.size() > 3) {
        throw AnalysisErrors.wrongNumberOfArguments(normalize(name), "[2, 3]", arguments.size());
      }
      Expression input = arguments.get(0);
      if (!input.dataType().isNumeric() && !(input.dataType() instanceof dev.ember.sql.types.DateType)
          && !(input.dataType() instanceof dev.ember.sql.types.TimestampType)) {
        throw AnalysisErrors.notYetSupported("percentile_approx of " + input.dataType().sql(),
            describe(name, arguments, distinct));
      }
      Expression percentage = arguments.get(1);
      boolean array = percentage.dataType() instanceof dev.ember.sql.types.ArrayType;
      List<Expression> percentages = array ? percentage.children() : List.of(percentage);
      for (Expression element : percentages) {
        requireNumberLiteral(name, arguments, distinct, element);
        double value = ((Number) ((Literal) element).value()).doubleValue();
        if (!(value >= 0.0 && value <= 1.0)) {
          throw AnalysisErrors.notYetSupported("a percentage outside [0.0, 1.0]", describe(name, arguments, distinct));
        }
      }
      Expression accuracy = arguments.size() == 3 ? arguments.get(2) : Literal.fromJava(10000);
      if (!(accuracy instanceof Literal literal) || !(literal.value() instanceof Integer count) || count <= 0) {
        throw AnalysisErrors.notYetSupported("an accuracy that is not a positive int constant",
            describe(name, arguments, distinct));
      }
      return new AggregateCall(array ? AggregateFunction.PERCENTILE_APPROX_ARRAY : AggregateFunction.PERCENTILE_APPROX,
          List.of(input), distinct, displayName, List.of(percentage, accuracy), true);
    };
  }

  private static Expression median(String name, List<Expression> arguments, boolean distinct) {
    requireArguments(name, arguments, 1);
    return new AggregateCall(AggregateFunction.PERCENTILE, arguments, distinct, "median",
        List.of(new Literal(0.5, DataTypes.DoubleType), Literal.fromJava(1)), false);
  }

  private static void requireNumberLiteral(String name, List<Expression> arguments, boolean distinct,
      Expression option) {
    if (!(option instanceof Literal literal) || !(literal.value() instanceof Number)) {
      throw AnalysisErrors.notYetSupported("a non-constant numeric option", describe(name, arguments, distinct));
    }
  }

  private static void requireArguments(String name, List<Expression> arguments, int expected) {
    if (arguments.size() != expected) {
      throw AnalysisErrors.wrongNumberOfArguments(normalize(name), expected, arguments.size());
    }
  }

  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String describe(String name, List<Expression> arguments, boolean distinct) {
    return new UnresolvedFunction(normalize(name), arguments, distinct).sql();
  }
}
