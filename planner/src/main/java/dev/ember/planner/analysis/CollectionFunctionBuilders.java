package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Generator;
import dev.ember.planner.expressions.HigherOrderFunctionKind;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ReplacedCall;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.CollectionFunctionDefinitions;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
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
 * out of the select list. The functions taking lambdas ({@code transform}, {@code filter}, ...) are
 * {@link HigherOrderFunctionBuilder}s.
 */
final class CollectionFunctionBuilders {
  private static final FunctionBuilder TEXT_CONCAT = StringFunctionBuilders.all().get("concat");
  private CollectionFunctionBuilders() {}

  static Map<String, FunctionBuilder> all() {
    Map<String, FunctionBuilder> builders = new LinkedHashMap<>();
    builders.put("struct", (name, arguments, distinct) -> struct(arguments));
    builders.put("explode", generator(false, false));
    builders.put("explode_outer", generator(false, true));
    builders.put("posexplode", generator(true, false));
    builders.put("posexplode_outer", generator(true, true));
    builders.put("transform", new HigherOrderFunctionBuilder(HigherOrderFunctionKind.TRANSFORM, null));
    builders.put("filter", new HigherOrderFunctionBuilder(HigherOrderFunctionKind.FILTER, null));
    builders.put("exists", new HigherOrderFunctionBuilder(HigherOrderFunctionKind.EXISTS, null));
    builders.put("forall", new HigherOrderFunctionBuilder(HigherOrderFunctionKind.FORALL, null));
    builders.put("aggregate", new HigherOrderFunctionBuilder(HigherOrderFunctionKind.AGGREGATE, null));
    builders.put("reduce", new HigherOrderFunctionBuilder(HigherOrderFunctionKind.AGGREGATE, null));
    builders.put("array_sort", new HigherOrderFunctionBuilder(HigherOrderFunctionKind.ARRAY_SORT,
        new ScalarFunctionBuilder(List.of(CollectionFunctionDefinitions.ARRAY_SORT))));
    builders.put("zip_with", new HigherOrderFunctionBuilder(HigherOrderFunctionKind.ZIP_WITH, null));
    builders.put("map_filter", new HigherOrderFunctionBuilder(HigherOrderFunctionKind.MAP_FILTER, null));
    builders.put("transform_keys", new HigherOrderFunctionBuilder(HigherOrderFunctionKind.TRANSFORM_KEYS, null));
    builders.put("transform_values", new HigherOrderFunctionBuilder(HigherOrderFunctionKind.TRANSFORM_VALUES, null));
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

  /**
   * {@code concat} of arrays; text and binaries go to the string family's {@code concat}, which owns
   * the name (the registry's families define each name once) and sends calls with arrays here.
   */
  static Expression concat(String name, List<Expression> arguments, boolean distinct) {
    if (arguments.stream().noneMatch(argument -> argument.dataType() instanceof ArrayType)) {
      return TEXT_CONCAT.build(name, arguments, distinct);
    }
    ScalarFunctionCall call = new ScalarFunctionCall(CollectionFunctionDefinitions.CONCAT_ARRAYS, arguments);
    List<String> types = new ArrayList<>();
    for (Expression argument : arguments) {
      // Spark casts what is neither an array nor a binary to text first (NULL too), then compares.
      DataType type = argument.dataType() instanceof ArrayType || argument.dataType() instanceof BinaryType
          ? argument.dataType() : DataTypes.StringType;
      String quoted = Identifiers.quoteType(type);
      if (!types.contains(quoted)) {
        types.add(quoted);
      }
    }
    if (types.size() > 1 && !arguments.stream().allMatch(argument -> argument.dataType() instanceof ArrayType)) {
      String sql = Identifiers.quoteExpression(call);
      String list = "(" + String.join(" or ", types) + ")";
      throw new AnalysisException("DATATYPE_MISMATCH.DATA_DIFF_TYPES",
          Map.of("functionName", "`concat`", "dataType", list, "sqlExpr", sql),
          "Cannot resolve " + sql + " due to data type mismatch: Input to `concat` should all be the same type, but"
              + " it's " + list + ". SQLSTATE: 42K09");
    }
    DataType element = ((ArrayType) arguments.get(0).dataType()).elementType();
    if (arguments.stream().anyMatch(argument -> !((ArrayType) argument.dataType()).elementType().equals(element))) {
      // Spark widens the element types (array<int> with array<bigint> is array<bigint>); Ember has no array casts.
      throw AnalysisErrors.notYetSupported("concat of arrays with different element types", call.sql());
    }
    return call;
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
