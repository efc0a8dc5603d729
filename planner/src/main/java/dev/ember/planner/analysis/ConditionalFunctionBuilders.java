package dev.ember.planner.analysis;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.CaseWhen;
import dev.ember.planner.expressions.Coalesce;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.GreatestLeast;
import dev.ember.planner.expressions.If;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ReplacedCall;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Functions that become dedicated expressions rather than {@code ScalarFunctionCall}s: the
 * conditionals, which must evaluate their arguments lazily, and the functions Spark defines as another
 * expression under their own name ({@code nvl2}, {@code nullif}, {@code between}, {@code mod}).
 */
final class ConditionalFunctionBuilders {
  private ConditionalFunctionBuilders() {}

  static Map<String, FunctionBuilder> all() {
    Map<String, FunctionBuilder> builders = new java.util.LinkedHashMap<>();
    builders.put("if", exactly(3, arguments -> new If(arguments.get(0), arguments.get(1), arguments.get(2))));
    builders.put("when", ConditionalFunctionBuilders::caseWhen);
    builders.put("coalesce", atLeast(1, Coalesce::new));
    builders.put("nvl", exactly(2, arguments -> new ReplacedCall("nvl", arguments, new Coalesce(arguments))));
    builders.put("ifnull", exactly(2, arguments -> new ReplacedCall("ifnull", arguments, new Coalesce(arguments))));
    builders.put("nvl2", exactly(3, arguments -> new ReplacedCall("nvl2", arguments,
        new If(new IsNotNull(arguments.get(0)), arguments.get(1), arguments.get(2)))));
    builders.put("nullif", exactly(2, arguments -> new ReplacedCall("nullif", arguments,
        new If(new Comparison(ComparisonOperator.EQUAL_TO, arguments.get(0), arguments.get(1)),
            Literal.nullOf(DataTypes.NullType), arguments.get(0)))));
    builders.put("greatest", atLeast(2, arguments -> new GreatestLeast(true, arguments)));
    builders.put("least", atLeast(2, arguments -> new GreatestLeast(false, arguments)));
    builders.put("isnull", exactly(1, arguments -> new IsNull(arguments.get(0))));
    builders.put("isnotnull", exactly(1, arguments -> new IsNotNull(arguments.get(0))));
    builders.put("between", exactly(3, ConditionalFunctionBuilders::between));
    builders.put("mod", exactly(2, arguments -> new ReplacedCall("mod", arguments,
        new BinaryArithmetic(ArithmeticOperator.REMAINDER, arguments.get(0), arguments.get(1)))));
    builders.put("negative", exactly(1, arguments -> new UnaryMinus(arguments.get(0))));
    return builders;
  }

  /**
   * {@code between(x, lo, hi)} is {@code x >= lo AND x <= hi}, as in Spark 4.2, which also names the
   * column {@code between(x, lo, hi)}. Spark evaluates {@code x} once; Ember twice, which only differs
   * for a non-deterministic {@code x}.
   */
  static Expression between(List<Expression> arguments) {
    Expression value = arguments.get(0);
    return new ReplacedCall("between", arguments, new And(
        new Comparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, value, arguments.get(1)),
        new Comparison(ComparisonOperator.LESS_THAN_OR_EQUAL, value, arguments.get(2))));
  }

  /** {@code when(c1, v1, c2, v2, ..., [else])}: what the parser makes of {@code CASE WHEN}. */
  private static Expression caseWhen(String name, List<Expression> arguments, boolean distinct) {
    if (arguments.size() < 2) {
      throw AnalysisErrors.wrongNumberOfArguments(name.toLowerCase(Locale.ROOT), "> 1", arguments.size());
    }
    List<Expression> conditions = new ArrayList<>();
    List<Expression> values = new ArrayList<>();
    for (int i = 0; i + 1 < arguments.size(); i += 2) {
      conditions.add(arguments.get(i));
      values.add(arguments.get(i + 1));
    }
    Expression elseValue = arguments.size() % 2 == 1 ? arguments.get(arguments.size() - 1) : null;
    return new CaseWhen(conditions, values, elseValue);
  }

  private interface Construction {
    Expression build(List<Expression> arguments);
  }

  private static FunctionBuilder exactly(int count, Construction construction) {
    return (name, arguments, distinct) -> {
      if (arguments.size() != count) {
        throw AnalysisErrors.wrongNumberOfArguments(name.toLowerCase(Locale.ROOT), Integer.toString(count),
            arguments.size());
      }
      return construction.build(arguments);
    };
  }

  private static FunctionBuilder atLeast(int count, Construction construction) {
    return (name, arguments, distinct) -> {
      if (arguments.size() < count) {
        throw AnalysisErrors.wrongNumberOfArguments(name.toLowerCase(Locale.ROOT), "> " + (count - 1),
            arguments.size());
      }
      return construction.build(arguments);
    };
  }
}
