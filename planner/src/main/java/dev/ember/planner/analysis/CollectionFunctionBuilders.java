package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Generator;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ReplacedCall;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.CollectionFunctionDefinitions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collection functions whose meaning depends on the argument expressions themselves, not only their
 * values: {@code struct(a, b)} names its fields after the columns (or aliases) it is given, which a
 * kernel's bound arguments no longer know, so it becomes {@code named_struct} with the names fixed
 * as constants while the column keeps Spark's name {@code struct(a, b)}. The generators
 * ({@code explode} and its forms) become {@link Generator}s, which {@link ExtractGenerators} moves
 * out of the select list.
 */
final class CollectionFunctionBuilders {
  private CollectionFunctionBuilders() {}

  static Map<String, FunctionBuilder> all() {
    Map<String, FunctionBuilder> builders = new LinkedHashMap<>();
    builders.put("struct", (name, arguments, distinct) -> struct(arguments));
    builders.put("explode", generator(false, false));
    builders.put("explode_outer", generator(false, true));
    builders.put("posexplode", generator(true, false));
    builders.put("posexplode_outer", generator(true, true));
    return builders;
  }

  private static FunctionBuilder generator(boolean withPosition, boolean outer) {
    return (name, arguments, distinct) -> {
      if (arguments.size() != 1) {
        throw AnalysisErrors.wrongNumberOfArguments(name.toLowerCase(java.util.Locale.ROOT), 1, arguments.size());
      }
      return new Generator(withPosition, outer, arguments.get(0));
    };
  }

  /** Spark names a field after its column or alias, else col1, col2, ... by position. */
  private static Expression struct(List<Expression> arguments) {
    List<Expression> namesAndValues = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      Expression argument = arguments.get(i);
      String fieldName = argument instanceof Alias alias ? alias.name()
          : argument instanceof AttributeReference attribute ? attribute.name() : "col" + (i + 1);
      namesAndValues.add(Literal.fromJava(fieldName));
      namesAndValues.add(argument instanceof Alias alias ? alias.child() : argument);
    }
    return new ReplacedCall("struct", arguments,
        new ScalarFunctionCall(CollectionFunctionDefinitions.NAMED_STRUCT, namesAndValues));
  }
}
