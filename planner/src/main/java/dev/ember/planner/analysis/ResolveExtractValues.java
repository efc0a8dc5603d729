package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.expressions.UnresolvedExtractValue;
import dev.ember.planner.functions.CollectionFunctionDefinitions;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.List;

/**
 * Resolves {@code child[key]} once {@code child} is: an array element ({@code arr[0]}), a map value
 * ({@code m[k]}), a struct field ({@code s.a}, found by name as columns are) or that field of every
 * element of an array of structs ({@code arr.a}). Errors are Spark's: FIELD_NOT_FOUND,
 * INVALID_EXTRACT_BASE_FIELD_TYPE, and a type mismatch for an array index that is no integer.
 */
final class ResolveExtractValues implements AnalyzerRule {
  private final boolean caseSensitive;

  ResolveExtractValues(boolean caseSensitive) {
    this.caseSensitive = caseSensitive;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> node.transformExpressionsUp(expression -> {
      if (!(expression instanceof UnresolvedExtractValue extract) || !extract.child().resolved()
          || !extract.key().resolved()) {
        return expression;
      }
      return resolve(extract, node);
    }));
  }

  private Expression resolve(UnresolvedExtractValue extract, LogicalPlan plan) {
    Expression child = extract.child();
    Expression key = extract.key();
    String fieldName = key instanceof Literal literal && literal.value() instanceof String name ? name : null;
    if (child.dataType() instanceof StructType struct && fieldName != null) {
      return new ScalarFunctionCall(CollectionFunctionDefinitions.getField(field(struct, fieldName)),
          List.of(child, Literal.fromJava(fieldIndex(struct, fieldName))));
    }
    if (child.dataType() instanceof ArrayType array && array.elementType() instanceof StructType struct
        && fieldName != null) {
      // Spark reads a name after an array of structs as that field of every element.
      return new ScalarFunctionCall(CollectionFunctionDefinitions.getArrayStructField(array, field(struct, fieldName)),
          List.of(child, Literal.fromJava(fieldIndex(struct, fieldName))));
    }
    if (child.dataType() instanceof ArrayType || child.dataType() instanceof MapType) {
      Expression item = new ScalarFunctionCall(CollectionFunctionDefinitions.GET_ITEM, List.of(child, key));
      if (child.dataType() instanceof ArrayType && !isIndex(key.dataType())) {
        throw AnalysisErrors.unexpectedInputType(item, 1, key, "\"INTEGRAL\"", plan);
      }
      return item;
    }
    if (child.dataType() instanceof StructType) {
      throw AnalysisErrors.notYetSupported("extracting a struct field by a non-literal name", extract.sql());
    }
    throw AnalysisErrors.invalidExtractBase(child);
  }

  /** Spark's array subscript takes any integral type, and null. */
  private static boolean isIndex(DataType type) {
    return type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType || type instanceof NullType;
  }

  private StructField field(StructType struct, String name) {
    int ordinal = fieldIndex(struct, name);
    if (ordinal < 0) {
      throw AnalysisErrors.fieldNotFound(name, List.of(struct.fieldNames()));
    }
    return struct.apply(ordinal);
  }

  private int fieldIndex(StructType struct, String name) {
    String[] names = struct.fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (caseSensitive ? names[i].equals(name) : names[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
