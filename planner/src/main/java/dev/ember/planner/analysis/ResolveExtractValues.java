package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.expressions.UnresolvedExtractValue;
import dev.ember.planner.functions.CollectionFunctionDefinitions;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.util.List;

/**
 * Resolves {@code child[key]} once {@code child} is: an array element ({@code arr[0]}), a map value
 * ({@code m[k]}) or a struct field ({@code s.a}, found by name as columns are).
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
    if (child.dataType() instanceof StructType struct && key instanceof Literal literal
        && literal.value() instanceof String name) {
      int ordinal = fieldIndex(struct, name);
      if (ordinal < 0) {
        throw AnalysisErrors.unresolvedColumn(name, List.of(struct.fieldNames()), plan);
      }
      return new ScalarFunctionCall(CollectionFunctionDefinitions.getField(struct.apply(ordinal)),
          List.of(child, Literal.fromJava(ordinal)));
    }
    if (child.dataType() instanceof ArrayType || child.dataType() instanceof MapType) {
      return new ScalarFunctionCall(CollectionFunctionDefinitions.GET_ITEM, List.of(child, key));
    }
    throw AnalysisErrors.notYetSupported("extracting a value from a " + child.dataType().simpleString(),
        extract.sql());
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
