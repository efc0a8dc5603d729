package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.ScalarFunction;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds calls of one function name from its definitions, one per argument count ({@code log(x)} and
 * {@code log(b, x)} are two definitions). A count no definition takes fails with Spark's
 * WRONG_NUM_ARGS, listing the counts that would work.
 */
final class ScalarFunctionBuilder implements FunctionBuilder {
  private final List<ScalarFunction> overloads;

  ScalarFunctionBuilder(List<ScalarFunction> overloads) {
    if (overloads.isEmpty()) {
      throw new IllegalArgumentException("a function needs at least one definition");
    }
    this.overloads = List.copyOf(overloads);
  }

  List<ScalarFunction> overloads() {
    return overloads;
  }

  @Override
  public Expression build(String name, List<Expression> arguments, boolean distinct) {
    Objects.requireNonNull(arguments, "arguments is null");
    for (ScalarFunction function : overloads) {
      if (function.acceptsArgumentCount(arguments.size())) {
        return new ScalarFunctionCall(function, function.withDefaults(arguments));
      }
    }
    throw AnalysisErrors.wrongNumberOfArguments(name.toLowerCase(Locale.ROOT), expectedCounts(), arguments.size());
  }

  /** Spark's rendering: {@code 1}, {@code [1, 2]}, or {@code > 0} for a variadic function. */
  private String expectedCounts() {
    java.util.TreeSet<Integer> counts = new java.util.TreeSet<>();
    if (overloads.stream().anyMatch(function -> function.maximumArguments() < 0)) {
      // format_string(f) beside format_string(f, values...): Spark says "> 0".
      int fewest = overloads.stream().mapToInt(ScalarFunction::minimumArguments).min().orElseThrow();
      return "> " + (fewest - 1);
    }
    for (ScalarFunction function : overloads) {
      for (int count = function.minimumArguments(); count <= function.maximumArguments(); count++) {
        counts.add(count);
      }
    }
    return counts.size() == 1 ? counts.first().toString() : counts.toString();
  }
}
