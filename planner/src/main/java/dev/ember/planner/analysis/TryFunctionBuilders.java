package dev.ember.planner.analysis;

import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.ReplacedCall;
import dev.ember.planner.expressions.TryEval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spark 4.2's {@code try_*} functions: the operator or function they name, evaluated with ANSI
 * semantics whatever the session says, with its own runtime errors turned into null
 * ({@link TryEval}), and named after the try function: {@code try_add(i, 1)}. Result types are those
 * of the operator ({@code try_add(date, int)} is a date, {@code try_divide(int, int)} a double).
 */
final class TryFunctionBuilders {
  private TryFunctionBuilders() {}

  static Map<String, FunctionBuilder> all() {
    Map<String, FunctionBuilder> builders = new LinkedHashMap<>();
    builders.put("try_add", arithmetic(ArithmeticOperator.ADD));
    builders.put("try_subtract", arithmetic(ArithmeticOperator.SUBTRACT));
    builders.put("try_multiply", arithmetic(ArithmeticOperator.MULTIPLY));
    builders.put("try_divide", arithmetic(ArithmeticOperator.DIVIDE));
    builders.put("try_mod", arithmetic(ArithmeticOperator.REMAINDER));
    builders.put("try_element_at", function("element_at"));
    builders.put("try_to_timestamp", function("to_timestamp"));
    return builders;
  }

  private static FunctionBuilder arithmetic(ArithmeticOperator operator) {
    return (name, arguments, distinct) -> {
      String tryName = name.toLowerCase(Locale.ROOT);
      if (arguments.size() != 2) {
        throw AnalysisErrors.wrongNumberOfArguments(tryName, "2", arguments.size());
      }
      return new ReplacedCall(tryName, arguments,
          new TryEval(new BinaryArithmetic(operator, arguments.get(0), arguments.get(1))));
    };
  }

  /** The registered function {@code target} (its argument checks and overloads) under TRY evaluation. */
  private static FunctionBuilder function(String target) {
    return (name, arguments, distinct) -> {
      FunctionBuilder builder = FunctionRegistry.builtin().lookup(target)
          .orElseThrow(() -> new IllegalStateException("the built-in function " + target + " is not registered"));
      Expression call = builder.build(name, List.copyOf(arguments), distinct);
      return new ReplacedCall(name.toLowerCase(Locale.ROOT), arguments, new TryEval(call));
    };
  }
}
