package dev.ember.planner.analysis;

import dev.ember.planner.functions.ScalarFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One family of built-in functions (math, string, date and time …), built on its first lookup. A
 * family's definitions are hundreds of lambdas; building all of them cost 100–160 ms of CPU on
 * every JVM start, while a typical program calls functions of one or two families.
 */
final class FunctionSection {
  private final String name;
  private final Supplier<Map<String, FunctionBuilder>> definitions;
  private volatile Map<String, FunctionBuilder> builders;

  FunctionSection(String name, Supplier<Map<String, FunctionBuilder>> definitions) {
    this.name = Objects.requireNonNull(name, "name is null");
    this.definitions = Objects.requireNonNull(definitions, "definitions is null");
  }

  String name() {
    return name;
  }

  /** Whether the family's functions have been built. */
  boolean isBuilt() {
    return builders != null;
  }

  /** The family's functions by lower-case name, built once, on the first call from any thread. */
  Map<String, FunctionBuilder> builders() {
    Map<String, FunctionBuilder> built = builders;
    if (built == null) {
      synchronized (this) {
        built = builders;
        if (built == null) {
          built = Map.copyOf(definitions.get());
          builders = built;
        }
      }
    }
    return built;
  }

  /** Collects a family's functions; a later definition of a name replaces an earlier one. */
  static final class Builder {
    private final Map<String, FunctionBuilder> builders = new HashMap<>();

    Builder with(String name, FunctionBuilder builder) {
      builders.put(normalize(name), Objects.requireNonNull(builder, "builder is null"));
      return this;
    }

    Builder withAll(Map<String, FunctionBuilder> named) {
      named.forEach(this::with);
      return this;
    }

    /** Definitions sharing a name are that name's overloads by argument count ({@code log(x)}, {@code log(b, x)}). */
    Builder withScalarFunctions(List<ScalarFunction> definitions) {
      Map<String, List<ScalarFunction>> byName = new LinkedHashMap<>();
      for (ScalarFunction definition : definitions) {
        byName.computeIfAbsent(normalize(definition.name()), name -> new ArrayList<>()).add(definition);
      }
      byName.forEach((name, overloads) -> builders.put(name, new ScalarFunctionBuilder(overloads)));
      return this;
    }

    Map<String, FunctionBuilder> build() {
      return builders;
    }
  }

  static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
