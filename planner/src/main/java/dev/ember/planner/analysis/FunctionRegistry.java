package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Expression;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The functions a query may call, by case-insensitive name. Immutable: {@link #with} returns a
 * registry with one more function.
 */
public final class FunctionRegistry {
  private static final FunctionRegistry BUILTIN = new FunctionRegistry(Map.of())
      .with("count", FunctionRegistry::count)
      .with("sum", singleArgument(AggregateFunction.SUM))
      .with("avg", singleArgument(AggregateFunction.AVG))
      // Spark's functions.mean is avg; in SQL text Spark names the column mean(x), Ember avg(x).
      .with("mean", singleArgument(AggregateFunction.AVG))
      .with("min", singleArgument(AggregateFunction.MIN))
      .with("max", singleArgument(AggregateFunction.MAX))
      .withAll(AggregateFunctionBuilders.builders())
      .withScalarFunctions(dev.ember.planner.functions.MathFunctionDefinitions.ALL)
      // string functions
      .withScalarFunctions(dev.ember.planner.functions.StringFunctionDefinitions.ALL)
      .withAll(StringFunctionBuilders.all())
      // hash and encoding functions
      .withScalarFunctions(dev.ember.planner.functions.HashFunctionDefinitions.ALL)
      .withScalarFunctions(dev.ember.planner.functions.EncodingFunctionDefinitions.ALL)
      // date and time functions
      .withScalarFunctions(dev.ember.planner.functions.DateTimeFunctionDefinitions.ALL)
      .withScalarFunctions(dev.ember.planner.functions.IntervalFunctionDefinitions.ALL)
      .withAll(DateTimeFunctionBuilders.all())
      // collection functions
      .withScalarFunctions(dev.ember.planner.functions.CollectionFunctionDefinitions.ALL)
      .withAll(CollectionFunctionBuilders.all())
      // window functions
      .withAll(WindowFunctionBuilders.all())
      // other functions
      .withAll(TryFunctionBuilders.all())
      .withAll(ConditionalFunctionBuilders.all());

  private final Map<String, FunctionBuilder> builders;

  private FunctionRegistry(Map<String, FunctionBuilder> builders) {
    this.builders = Map.copyOf(builders);
  }

  /** The aggregates (count, sum, avg, mean, min, max), the conditionals and every scalar function definition. */
  public static FunctionRegistry builtin() {
    return BUILTIN;
  }

  /** A registry that also knows {@code name}; replaces an existing function of that name. */
  public FunctionRegistry with(String name, FunctionBuilder builder) {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(builder, "builder is null");
    Map<String, FunctionBuilder> copy = new HashMap<>(builders);
    copy.put(normalize(name), builder);
    return new FunctionRegistry(copy);
  }

  /** A registry that also knows every function of {@code named}. */
  public FunctionRegistry withAll(Map<String, FunctionBuilder> named) {
    Map<String, FunctionBuilder> copy = new HashMap<>(builders);
    named.forEach((name, builder) -> copy.put(normalize(name), Objects.requireNonNull(builder, "builder is null")));
    return new FunctionRegistry(copy);
  }

  /**
   * A registry that also knows these scalar functions; definitions sharing a name are that name's
   * overloads by argument count ({@code log(x)}, {@code log(b, x)}).
   */
  public FunctionRegistry withScalarFunctions(List<dev.ember.planner.functions.ScalarFunction> definitions) {
    Map<String, List<dev.ember.planner.functions.ScalarFunction>> byName = new java.util.LinkedHashMap<>();
    for (dev.ember.planner.functions.ScalarFunction definition : definitions) {
      byName.computeIfAbsent(normalize(definition.name()), name -> new java.util.ArrayList<>()).add(definition);
    }
    Map<String, FunctionBuilder> copy = new HashMap<>(builders);
    byName.forEach((name, overloads) -> copy.put(name, new ScalarFunctionBuilder(overloads)));
    return new FunctionRegistry(copy);
  }

  /** Every registered name, lower case and sorted: what {@code SHOW FUNCTIONS} would list. */
  public java.util.SortedSet<String> names() {
    return new java.util.TreeSet<>(builders.keySet());
  }

  public Optional<FunctionBuilder> lookup(String name) {
    return Optional.ofNullable(builders.get(normalize(Objects.requireNonNull(name, "name is null"))));
  }

  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static FunctionBuilder singleArgument(AggregateFunction function) {
    return (name, arguments, distinct) -> {
      if (arguments.size() != 1) {
        throw AnalysisErrors.wrongNumberOfArguments(normalize(name), 1, arguments.size());
      }
      rejectDistinct(name, arguments, distinct);
      return new AggregateCall(function, arguments.get(0), distinct);
    };
  }

  private static Expression count(String name, List<Expression> arguments, boolean distinct) {
    if (arguments.isEmpty()) {
      throw AnalysisErrors.countWithoutArguments(normalize(name));
    }
    if (arguments.size() > 1) {
      // Spark counts rows where all arguments are non-null; AggregateCall takes one argument.
      throw AnalysisErrors.notYetSupported("count with several arguments", describe(name, arguments, distinct));
    }
    rejectDistinct(name, arguments, distinct);
    return new AggregateCall(AggregateFunction.COUNT, arguments.get(0), distinct);
  }

  /** DISTINCT aggregates need a rewrite into two aggregations, which Ember does not do yet. */
  private static void rejectDistinct(String name, List<Expression> arguments, boolean distinct) {
    if (distinct) {
      throw AnalysisErrors.notYetSupported("DISTINCT aggregates", describe(name, arguments, distinct));
    }
  }

  private static String describe(String name, List<Expression> arguments, boolean distinct) {
    return new dev.ember.planner.expressions.UnresolvedFunction(normalize(name), arguments, distinct).sql();
  }
}
