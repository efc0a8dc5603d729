package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.HigherOrderFunction;
import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;

/**
 * Spark's type rules of the higher-order functions: the inputs ({@code transform} takes an array,
 * {@code map_filter} a map), checked before the lambdas are bound; and the lambdas' results
 * ({@code filter}'s must be a boolean, {@code aggregate}'s merge must keep the accumulator's type),
 * checked once everything is resolved. The errors are DATATYPE_MISMATCH, as in Spark.
 */
final class HigherOrderFunctionChecks {
  private static final String ARRAY = "\"ARRAY\"";
  private static final String MAP = "\"MAP\"";
  private static final String BOOLEAN = "\"BOOLEAN\"";

  private HigherOrderFunctionChecks() {}

  /** Whether the ordinary arguments have the types the function takes, so its lambdas can be bound. */
  static boolean inputsAccepted(HigherOrderFunction function) {
    return firstRejectedInput(function) < 0;
  }

  /** Throws the DATATYPE_MISMATCH of a function whose inputs have the wrong type; nothing otherwise. */
  static void checkInputs(HigherOrderFunction function, LogicalPlan operator) {
    int rejected = firstRejectedInput(function);
    if (rejected >= 0) {
      throw AnalysisErrors.unexpectedInputType(function, rejected, function.arguments().get(rejected),
          requiredInput(function), operator);
    }
  }

  private static int firstRejectedInput(HigherOrderFunction function) {
    int inputs = switch (function.kind()) {
      case ZIP_WITH -> 2;
      default -> 1;
    };
    for (int i = 0; i < inputs; i++) {
      DataType type = function.arguments().get(i).dataType();
      boolean accepted = switch (function.kind()) {
        case MAP_FILTER, TRANSFORM_KEYS, TRANSFORM_VALUES -> type instanceof MapType;
        default -> type instanceof ArrayType;
      };
      if (!accepted) {
        return i;
      }
    }
    return -1;
  }

  private static String requiredInput(HigherOrderFunction function) {
    return switch (function.kind()) {
      case MAP_FILTER, TRANSFORM_KEYS, TRANSFORM_VALUES -> MAP;
      default -> ARRAY;
    };
  }

  /** The rules on the lambdas' results, for a resolved function. */
  static void checkLambdas(HigherOrderFunction function, LogicalPlan operator) {
    switch (function.kind()) {
      case FILTER, EXISTS, FORALL, MAP_FILTER -> requireResult(function, 1, BooleanType.class, BOOLEAN, operator);
      case ARRAY_SORT -> {
        DataType answer = function.lambda(1).dataType();
        if (!(answer instanceof IntegerType)) {
          throw HigherOrderFunctionErrors.unexpectedReturnType(function, answer, operator);
        }
      }
      case AGGREGATE -> {
        DataType zero = function.arguments().get(1).dataType();
        LambdaFunction merge = function.lambda(2);
        if (!sameIgnoringNullability(zero, merge.dataType())) {
          throw AnalysisErrors.unexpectedInputType(function, 2, merge, Identifiers.quoteType(zero), operator);
        }
      }
      default -> { }
    }
  }

  /** Spark compares the accumulator's types structurally: nullability and field names aside. */
  private static boolean sameIgnoringNullability(DataType left, DataType right) {
    if (left instanceof ArrayType leftArray && right instanceof ArrayType rightArray) {
      return sameIgnoringNullability(leftArray.elementType(), rightArray.elementType());
    } else if (left instanceof MapType leftMap && right instanceof MapType rightMap) {
      return sameIgnoringNullability(leftMap.keyType(), rightMap.keyType())
          && sameIgnoringNullability(leftMap.valueType(), rightMap.valueType());
    } else if (left instanceof StructType leftStruct && right instanceof StructType rightStruct) {
      if (leftStruct.length() != rightStruct.length()) {
        return false;
      }
      for (int i = 0; i < leftStruct.length(); i++) {
        if (!sameIgnoringNullability(leftStruct.apply(i).dataType(), rightStruct.apply(i).dataType())) {
          return false;
        }
      }
      return true;
    }
    return left.equals(right);
  }

  private static void requireResult(HigherOrderFunction function, int index, Class<? extends DataType> type,
      String required, LogicalPlan operator) {
    Expression lambda = function.arguments().get(index);
    if (!type.isInstance(lambda.dataType())) {
      throw AnalysisErrors.unexpectedInputType(function, index, lambda, required, operator);
    }
  }
}
