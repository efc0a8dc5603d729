package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Expression;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The functions a query may call, by case-insensitive name. Immutable: {@link #with} returns a
 * registry with one more function. The built-in functions come in families ({@link FunctionSection})
 * that are built on first lookup; no name is defined by two families, so the order in which they
 * are searched does not matter. Functions added with {@link #with} replace built-in ones.
 */
public final class FunctionRegistry {
  private static final List<FunctionSection> BUILTIN_SECTIONS = List.of(
      new FunctionSection("aggregate functions", () -> new FunctionSection.Builder()
          .with("count", FunctionRegistry::count)
          .with("sum", singleArgument(AggregateFunction.SUM))
          .with("avg", singleArgument(AggregateFunction.AVG))
          // Spark's functions.mean is avg; in SQL text Spark names the column mean(x), Ember avg(x).
          .with("mean", singleArgument(AggregateFunction.AVG))
          .with("min", singleArgument(AggregateFunction.MIN))
          .with("max", singleArgument(AggregateFunction.MAX))
          .withAll(AggregateFunctionBuilders.builders())
          .build()),
      new FunctionSection("math functions", () -> new FunctionSection.Builder()
          .withScalarFunctions(dev.ember.planner.functions.MathFunctionDefinitions.ALL)
          .build()),
      // string functions
      new FunctionSection("string functions", () -> new FunctionSection.Builder()
          .withScalarFunctions(dev.ember.planner.functions.StringFunctionDefinitions.ALL)
          .withAll(StringFunctionBuilders.all())
          .build()),
      // hash and encoding functions
      new FunctionSection("hash and encoding functions", () -> new FunctionSection.Builder()
          .withScalarFunctions(dev.ember.planner.functions.HashFunctionDefinitions.ALL)
          .withScalarFunctions(dev.ember.planner.functions.EncodingFunctionDefinitions.ALL)
          .build()),
      // date and time functions
      new FunctionSection("date and time functions", () -> new FunctionSection.Builder()
          .withScalarFunctions(dev.ember.planner.functions.DateTimeFunctionDefinitions.ALL)
          .withScalarFunctions(dev.ember.planner.functions.IntervalFunctionDefinitions.ALL)
          .withAll(DateTimeFunctionBuilders.all())
          .build()),
      // collection functions
      new FunctionSection("collection functions", () -> new FunctionSection.Builder()
          .withScalarFunctions(dev.ember.planner.functions.CollectionFunctionDefinitions.ALL)
          .withAll(CollectionFunctionBuilders.all())
          .build()),
      // window functions
      new FunctionSection("window functions", () -> new FunctionSection.Builder()
          .withAll(WindowFunctionBuilders.all())
          .build()),
      // other functions
      new FunctionSection("other functions", () -> new FunctionSection.Builder()
          .withAll(TryFunctionBuilders.all())
          .withAll(ConditionalFunctionBuilders.all())
          .build()));

  private static final FunctionRegistry BUILTIN = new FunctionRegistry(Map.of(), BUILTIN_SECTIONS);

  /** Functions added to the built-in ones; they win over a built-in function of the same name. */
  private final Map<String, FunctionBuilder> added;
  private final List<FunctionSection> sections;

  private FunctionRegistry(Map<String, FunctionBuilder> added, List<FunctionSection> sections) {
    this.added = Map.copyOf(added);
    this.sections = sections;
  }

  /** The aggregates (count, sum, avg, mean, min, max), the conditionals and every scalar function definition. */
  public static FunctionRegistry builtin() {
    return BUILTIN;
  }

  /** A registry of these families only (tests). */
  static FunctionRegistry ofSections(List<FunctionSection> sections) {
    return new FunctionRegistry(Map.of(), List.copyOf(sections));
  }

  /** A registry that also knows {@code name}; replaces an existing function of that name. */
  public FunctionRegistry with(String name, FunctionBuilder builder) {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(builder, "builder is null");
    Map<String, FunctionBuilder> copy = new HashMap<>(added);
    copy.put(normalize(name), builder);
    return new FunctionRegistry(copy, sections);
  }

  /** A registry that also knows every function of {@code named}. */
  public FunctionRegistry withAll(Map<String, FunctionBuilder> named) {
    Map<String, FunctionBuilder> copy = new HashMap<>(added);
    named.forEach((name, builder) -> copy.put(normalize(name), Objects.requireNonNull(builder, "builder is null")));
    return new FunctionRegistry(copy, sections);
  }

  /**
   * A registry that also knows these scalar functions; definitions sharing a name are that name's
   * overloads by argument count ({@code log(x)}, {@code log(b, x)}).
   */
  public FunctionRegistry withScalarFunctions(List<dev.ember.planner.functions.ScalarFunction> definitions) {
    return withAll(new FunctionSection.Builder().withScalarFunctions(definitions).build());
  }

  /** Every registered name, lower case and sorted: what {@code SHOW FUNCTIONS} would list. Builds every family. */
  public java.util.SortedSet<String> names() {
    java.util.SortedSet<String> names = new java.util.TreeSet<>(added.keySet());
    for (FunctionSection section : sections) {
      names.addAll(section.builders().keySet());
    }
    return names;
  }

  /**
   * The names that more than one built-in family defines, with the families: there must be none, or
   * which definition a lookup finds would depend on the search order.
   */
  static Map<String, List<String>> namesDefinedTwice() {
    Map<String, List<String>> families = new java.util.TreeMap<>();
    for (FunctionSection section : BUILTIN_SECTIONS) {
      for (String name : section.builders().keySet()) {
        families.computeIfAbsent(name, key -> new java.util.ArrayList<>()).add(section.name());
      }
    }
    families.values().removeIf(list -> list.size() < 2);
    return families;
  }

  public Optional<FunctionBuilder> lookup(String name) {
    String normalized = normalize(Objects.requireNonNull(name, "name is null"));
    FunctionBuilder builder = added.get(normalized);
    if (builder != null) {
      return Optional.of(builder);
    }
    for (FunctionSection section : sections) {
      builder = section.builders().get(normalized);
      if (builder != null) {
        return Optional.of(builder);
      }
    }
    return Optional.empty();
  }

  private static String normalize(String name) {
    return FunctionSection.normalize(name);
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
