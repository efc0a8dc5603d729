package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.HigherOrderFunction;
import dev.ember.planner.expressions.HigherOrderFunctionKind;
import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.planner.expressions.NamedLambdaVariable;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link HigherOrderFunction} once its ordinary arguments are resolved: the lambdas'
 * parameters get the types of the values they stand for (an array's elements, a map's keys and
 * values, the accumulator), so that their bodies can resolve. When an ordinary argument has the wrong
 * type the lambdas stay unbound and {@link CheckAnalysis} reports Spark's DATATYPE_MISMATCH
 * ({@link HigherOrderFunctionChecks}). {@link ResolveFunctions} calls it with unresolved lambdas.
 */
final class HigherOrderFunctionBuilder implements FunctionBuilder {
  /** The value types a lambda's parameters stand for, in order, and whether they may be null. */
  private record Parameter(DataType type, boolean nullable) {}

  private final HigherOrderFunctionKind kind;
  /** The function's form without a lambda ({@code array_sort(a)}), or null. */
  private final FunctionBuilder withoutLambda;

  HigherOrderFunctionBuilder(HigherOrderFunctionKind kind, FunctionBuilder withoutLambda) {
    this.kind = Objects.requireNonNull(kind, "kind is null");
    this.withoutLambda = withoutLambda;
  }

  @Override
  public Expression build(String name, List<Expression> arguments, boolean distinct) {
    String prettyName = name.toLowerCase(Locale.ROOT);
    if (withoutLambda != null && arguments.size() == 1) {
      return withoutLambda.build(name, arguments, distinct);
    }
    List<Expression> laidOut = new ArrayList<>(arguments);
    switch (kind) {
      case AGGREGATE -> {
        if (arguments.size() != 3 && arguments.size() != 4) {
          throw AnalysisErrors.wrongNumberOfArguments(prettyName, "[3, 4]", arguments.size());
        }
        if (arguments.size() == 3) {
          // Spark fills in the identity, and names the column with it: lambdafunction(id, id).
          NamedLambdaVariable id = NamedLambdaVariable.unbound("id");
          laidOut.add(new LambdaFunction(id, List.of(id)));
        }
      }
      case ZIP_WITH -> requireCount(prettyName, arguments, 3);
      case ARRAY_SORT -> requireCount(prettyName, arguments, 2);
      default -> requireCount(prettyName, arguments, 2);
    }
    HigherOrderFunction unbound = new HigherOrderFunction(kind, prettyName, laidOut);
    if (!HigherOrderFunctionChecks.inputsAccepted(unbound)) {
      return unbound;
    }
    for (int i = 0; i < laidOut.size(); i++) {
      if (!isLambdaPosition(i)) {
        continue;
      }
      if (laidOut.get(i) instanceof LambdaFunction lambda) {
        laidOut.set(i, bind(lambda, parameters(laidOut, i, lambda.parameters().size())));
      } else {
        // As in Spark, a plain value where a function belongs is a constant function of the parameters.
        List<Parameter> parameters = parameters(laidOut, i, 1);
        List<NamedLambdaVariable> unused = parameters.stream().map(parameter -> NamedLambdaVariable.unbound("x"))
            .toList();
        laidOut.set(i, bind(new LambdaFunction(laidOut.get(i), unused), parameters));
      }
    }
    return new HigherOrderFunction(kind, prettyName, laidOut);
  }

  private static void requireCount(String name, List<Expression> arguments, int count) {
    if (arguments.size() != count) {
      throw AnalysisErrors.wrongNumberOfArguments(name, count, arguments.size());
    }
  }

  private boolean isLambdaPosition(int index) {
    return switch (kind) {
      case AGGREGATE -> index >= 2;
      case ZIP_WITH -> index == 2;
      default -> index == 1;
    };
  }

  /** What the parameters of the lambda at {@code index} stand for; {@code declared}: how many it has. */
  private List<Parameter> parameters(List<Expression> arguments, int index, int declared) {
    Expression input = arguments.get(0);
    return switch (kind) {
      case TRANSFORM, FILTER -> {
        Parameter element = element(input);
        // The index form, (x, i) -> ..., is chosen by the lambda's own arity, as in Spark.
        yield declared == 2 ? List.of(element, new Parameter(DataTypes.IntegerType, false)) : List.of(element);
      }
      case EXISTS, FORALL -> List.of(element(input));
      case ARRAY_SORT -> List.of(element(input), element(input));
      case AGGREGATE -> {
        Parameter accumulator = new Parameter(arguments.get(1).dataType(), true);
        yield index == 2 ? List.of(accumulator, element(input)) : List.of(accumulator);
      }
      case ZIP_WITH -> List.of(new Parameter(((ArrayType) input.dataType()).elementType(), true),
          new Parameter(((ArrayType) arguments.get(1).dataType()).elementType(), true));
      case MAP_FILTER, TRANSFORM_KEYS, TRANSFORM_VALUES -> {
        MapType map = (MapType) input.dataType();
        yield List.of(new Parameter(map.keyType(), false), new Parameter(map.valueType(), map.valueContainsNull()));
      }
    };
  }

  private static Parameter element(Expression array) {
    ArrayType type = (ArrayType) array.dataType();
    return new Parameter(type.elementType(), type.containsNull());
  }

  /** The lambda with its parameters, and their uses in its body, typed. */
  private static LambdaFunction bind(LambdaFunction lambda, List<Parameter> parameters) {
    if (lambda.parameters().size() != parameters.size()) {
      throw HigherOrderFunctionErrors.numberOfLambdaArgumentsMismatch(lambda.parameters().size(), parameters.size());
    }
    Map<Long, NamedLambdaVariable> bound = new HashMap<>();
    List<NamedLambdaVariable> typed = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      NamedLambdaVariable variable = lambda.parameters().get(i).bind(parameters.get(i).type(),
          parameters.get(i).nullable());
      bound.put(variable.exprId(), variable);
      typed.add(variable);
    }
    Expression body = lambda.body().transformUp(node -> node instanceof NamedLambdaVariable variable
        && bound.containsKey(variable.exprId()) ? bound.get(variable.exprId()) : node);
    return new LambdaFunction(body, typed);
  }
}
