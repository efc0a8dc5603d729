package dev.ember.planner.functions;

import static dev.ember.planner.functions.ArgumentType.ANY;
import static dev.ember.planner.functions.ArgumentType.INT;
import static dev.ember.planner.functions.ArgumentType.STRING;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.functions.ScalarFunction.Nullability;
import dev.ember.runtime.functions.CollectionFunctions;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Spark's collection functions: constructors of arrays, maps and structs, and functions over them.
 * Names, result types and nullability follow Spark 4.2.0; the values come from
 * {@link CollectionFunctions}, which generated and interpreted kernels both call (see ARCHITECTURE.md,
 * "Nested values").
 */
public final class CollectionFunctionDefinitions {
  private CollectionFunctionDefinitions() {}

  static final ArgumentType ARRAY = new ArgumentType("\"ARRAY\"", type -> type instanceof ArrayType, from -> null);
  static final ArgumentType MAP = new ArgumentType("\"MAP\"", type -> type instanceof MapType, from -> null);
  static final ArgumentType ARRAY_OR_MAP = new ArgumentType("(\"ARRAY\" or \"MAP\")",
      type -> type instanceof ArrayType || type instanceof MapType, from -> null);
  static final ArgumentType ARRAY_OF_ARRAYS = new ArgumentType("\"ARRAY<ARRAY>\"",
      type -> type instanceof ArrayType array && array.elementType() instanceof ArrayType, from -> null);
  static final ArgumentType ARRAY_OF_STRINGS = new ArgumentType("\"ARRAY<STRING>\"",
      type -> type instanceof ArrayType array && array.elementType().equals(DataTypes.StringType), from -> null);

  private static ArrayType arrayType(Expression argument) {
    return (ArrayType) argument.dataType();
  }

  private static boolean elementsNullable(Expression argument) {
    return argument.dataType() instanceof ArrayType array && array.containsNull();
  }

  /** The common type of {@code types}, or the first one when Spark would have failed (left to the check). */
  private static DataType common(List<DataType> types) {
    DataType common = CommonTypes.wider(types, true);
    return common == null ? types.get(0) : common;
  }

  public static final ScalarFunction ARRAY_FUNCTION = ScalarFunction.builder("array")
      .arguments(ANY).variadicFromZero().widenArguments().nullAware().objectArguments()
      .returns(arguments -> new ArrayType(arguments.isEmpty() ? DataTypes.NullType
          : common(arguments.stream().map(Expression::dataType).toList()),
          arguments.stream().anyMatch(Expression::nullable)))
      .nullability(Nullability.NEVER)
      .implementedBy(CollectionFunctions.class, "array")
      .build();

  public static final ScalarFunction MAP_FUNCTION = ScalarFunction.builder("map")
      .arguments(ANY).variadicFromZero().nullAware().objectArguments()
      .returns(arguments -> {
        List<DataType> keys = new ArrayList<>();
        List<DataType> values = new ArrayList<>();
        boolean valuesNullable = false;
        for (int i = 0; i + 1 < arguments.size(); i += 2) {
          keys.add(arguments.get(i).dataType());
          values.add(arguments.get(i + 1).dataType());
          valuesNullable |= arguments.get(i + 1).nullable();
        }
        return new MapType(keys.isEmpty() ? DataTypes.NullType : common(keys),
            values.isEmpty() ? DataTypes.NullType : common(values), valuesNullable);
      })
      .nullability(Nullability.NEVER)
      .implementedBy(CollectionFunctions.class, "map")
      .build();

  public static final ScalarFunction MAP_FROM_ARRAYS = ScalarFunction.builder("map_from_arrays")
      .arguments(ARRAY, ARRAY).objectArguments()
      .returns(arguments -> new MapType(arrayType(arguments.get(0)).elementType(),
          arrayType(arguments.get(1)).elementType(), arrayType(arguments.get(1)).containsNull()))
      .implementedBy(CollectionFunctions.class, "mapFromArrays")
      .build();

  /** {@code map_from_entries}: an array of two-field structs, (key, value). */
  static final ArgumentType ARRAY_OF_PAIRS = new ArgumentType("\"ARRAY\" of pair \"STRUCT\"",
      type -> type instanceof ArrayType array && array.elementType() instanceof StructType struct
          && struct.length() == 2, from -> null);

  /** A null entry makes the whole map null, so the map is nullable when the array may hold nulls. */
  public static final ScalarFunction MAP_FROM_ENTRIES = ScalarFunction.builder("map_from_entries")
      .arguments(ARRAY_OF_PAIRS).objectArguments()
      .returns(arguments -> {
        if (!ARRAY_OF_PAIRS.accepts().test(arguments.get(0).dataType())) {
          return DataTypes.NullType; // the argument check reports the type
        }
        StructType entry = (StructType) arrayType(arguments.get(0)).elementType();
        return new MapType(entry.apply(0).dataType(), entry.apply(1).dataType(), entry.apply(1).nullable());
      })
      .nullability(arguments -> arguments.get(0).nullable() || elementsNullable(arguments.get(0)))
      .implementedBy(CollectionFunctions.class, "mapFromEntries")
      .build();

  public static final ScalarFunction NAMED_STRUCT = ScalarFunction.builder("named_struct")
      .arguments(ANY).variadicFromZero().nullAware().objectArguments()
      .returns(arguments -> {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i + 1 < arguments.size(); i += 2) {
          Object name = arguments.get(i) instanceof Literal literal ? literal.value() : null;
          Expression value = arguments.get(i + 1);
          fields.add(new StructField(String.valueOf(name), value.dataType(), value.nullable()));
        }
        return StructType.of(fields);
      })
      .nullability(Nullability.NEVER)
      .implementedBy(CollectionFunctions.class, "namedStruct")
      .build();

  public static final ScalarFunction SIZE = ScalarFunction.builder("size")
      .arguments(ARRAY_OR_MAP).nullAware().objectArguments()
      .context(FunctionContext.ANSI)
      .returns(DataTypes.IntegerType)
      .implementedBy(CollectionFunctions.class, "size")
      .build();

  public static final ScalarFunction CARDINALITY = SIZE.toBuilder().name("cardinality").prettyName("cardinality")
      .build();

  public static final ScalarFunction MAP_KEYS = ScalarFunction.builder("map_keys")
      .arguments(MAP).objectArguments()
      .returns(arguments -> new ArrayType(((MapType) arguments.get(0).dataType()).keyType(), true))
      .implementedBy(CollectionFunctions.class, "mapKeys")
      .build();

  public static final ScalarFunction MAP_VALUES = ScalarFunction.builder("map_values")
      .arguments(MAP).objectArguments()
      .returns(arguments -> {
        // Spark declares both key and value arrays as holding nulls, whatever the map says.
        return new ArrayType(((MapType) arguments.get(0).dataType()).valueType(), true);
      })
      .implementedBy(CollectionFunctions.class, "mapValues")
      .build();

  private static DataType elementOrValueType(Expression collection) {
    return collection.dataType() instanceof MapType map ? map.valueType() : arrayType(collection).elementType();
  }

  public static final ScalarFunction ELEMENT_AT = ScalarFunction.builder("element_at")
      .arguments(ARRAY_OR_MAP, ANY).objectArguments()
      .context(FunctionContext.ANSI)
      .returns(arguments -> elementOrValueType(arguments.get(0)))
      .nullability(Nullability.ALWAYS)
      .implementedBy(CollectionFunctions.class, "elementAt")
      .build();

  public static final ScalarFunction ARRAY_CONTAINS = ScalarFunction.builder("array_contains")
      .arguments(ARRAY, ANY).objectArguments()
      .returns(DataTypes.BooleanType)
      .nullability(arguments -> arguments.get(0).nullable() || arguments.get(1).nullable()
          || elementsNullable(arguments.get(0)))
      .implementedBy(CollectionFunctions.class, "arrayContains")
      .build();

  public static final ScalarFunction ARRAY_POSITION = ScalarFunction.builder("array_position")
      .arguments(ARRAY, ANY).objectArguments()
      .returns(DataTypes.LongType)
      .implementedBy(CollectionFunctions.class, "arrayPosition")
      .build();

  private static ScalarFunction.ResultType elementType() {
    return arguments -> arrayType(arguments.get(0)).elementType();
  }

  public static final ScalarFunction ARRAY_MIN = ScalarFunction.builder("array_min")
      .arguments(ARRAY).objectArguments()
      .returns(elementType())
      .nullability(Nullability.ALWAYS)
      .implementedBy(CollectionFunctions.class, "arrayMin")
      .build();

  public static final ScalarFunction ARRAY_MAX = ARRAY_MIN.toBuilder().name("array_max").prettyName("array_max")
      .implementedBy(CollectionFunctions.class, "arrayMax")
      .build();

  public static final ScalarFunction SORT_ARRAY = ScalarFunction.builder("sort_array")
      .arguments(ARRAY, ArgumentType.BOOLEAN).objectArguments()
      .defaults(Literal.TRUE)
      .foldable(1)
      .returns(ScalarFunction.ResultType.argument(0))
      .implementedBy(CollectionFunctions.class, "sortArray")
      .build();

  /**
   * Spark's default comparator of {@code array_sort(array)}, which its column name spells out:
   * ascending, nulls last. The form with a comparator lambda is a {@code HigherOrderFunction}.
   */
  private static final String DEFAULT_COMPARATOR = "lambdafunction((IF(((namedlambdavariable() IS NULL) AND"
      + " (namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS NULL), 1, (IF((namedlambdavariable()"
      + " IS NULL), -1, (IF((namedlambdavariable() < namedlambdavariable()), -1, (IF((namedlambdavariable() >"
      + " namedlambdavariable()), 1, 0)))))))))), namedlambdavariable(), namedlambdavariable())";

  public static final ScalarFunction ARRAY_SORT = ScalarFunction.builder("array_sort")
      .arguments(ARRAY).objectArguments()
      .returns(ScalarFunction.ResultType.argument(0))
      .sql((name, arguments) -> "array_sort(" + arguments.get(0).sql() + ", " + DEFAULT_COMPARATOR + ")")
      .implementedBy(CollectionFunctions.class, "arraySort")
      .build();

  public static final ScalarFunction ARRAY_DISTINCT = ScalarFunction.builder("array_distinct")
      .arguments(ARRAY).objectArguments()
      .returns(ScalarFunction.ResultType.argument(0))
      .implementedBy(CollectionFunctions.class, "arrayDistinct")
      .build();

  private static ScalarFunction setOperation(String name, String method, boolean eitherContainsNull) {
    return ScalarFunction.builder(name)
        .arguments(ARRAY, ARRAY).objectArguments()
        .returns(arguments -> new ArrayType(arrayType(arguments.get(0)).elementType(), eitherContainsNull
            ? elementsNullable(arguments.get(0)) || elementsNullable(arguments.get(1))
            : elementsNullable(arguments.get(0)) && elementsNullable(arguments.get(1))))
        .implementedBy(CollectionFunctions.class, method)
        .build();
  }

  public static final ScalarFunction ARRAY_UNION = setOperation("array_union", "arrayUnion", true);
  public static final ScalarFunction ARRAY_INTERSECT = setOperation("array_intersect", "arrayIntersect", false);
  public static final ScalarFunction ARRAY_EXCEPT = ScalarFunction.builder("array_except")
      .arguments(ARRAY, ARRAY).objectArguments()
      .returns(ScalarFunction.ResultType.argument(0))
      .implementedBy(CollectionFunctions.class, "arrayExcept")
      .build();

  public static final ScalarFunction FLATTEN = ScalarFunction.builder("flatten")
      .arguments(ARRAY_OF_ARRAYS).objectArguments()
      .returns(arguments -> arrayType(arguments.get(0)).elementType())
      .nullability(arguments -> arguments.get(0).nullable() || elementsNullable(arguments.get(0)))
      .implementedBy(CollectionFunctions.class, "flatten")
      .build();

  public static final ScalarFunction SLICE = ScalarFunction.builder("slice")
      .arguments(ARRAY, INT, INT).objectArguments()
      .returns(ScalarFunction.ResultType.argument(0))
      .implementedBy(CollectionFunctions.class, "slice")
      .build();

  public static final ScalarFunction ARRAY_JOIN = ScalarFunction.builder("array_join")
      .arguments(ARRAY_OF_STRINGS, STRING).objectArguments()
      .returns(DataTypes.StringType)
      .implementedBy(CollectionFunctions.class, "arrayJoin")
      .build();

  public static final ScalarFunction ARRAY_JOIN_WITH_NULLS = ScalarFunction.builder("array_join")
      .arguments(ARRAY_OF_STRINGS, STRING, STRING).objectArguments()
      .returns(DataTypes.StringType)
      .implementedBy(CollectionFunctions.class, "arrayJoin")
      .build();

  public static final ScalarFunction SPLIT = ScalarFunction.builder("split")
      .arguments(STRING, STRING, INT).objectArguments()
      .defaults(Literal.fromJava(-1))
      .returns(new ArrayType(DataTypes.StringType, false))
      .implementedBy(CollectionFunctions.class, "split")
      .build();

  /**
   * {@code concat(array, ...)}: the arrays one after the other; null if any is. Chosen by
   * {@code CollectionFunctionBuilders} when an argument is an array; text and binaries keep the
   * string definitions.
   */
  public static final ScalarFunction CONCAT_ARRAYS = ScalarFunction.builder("concat")
      .arguments(ARRAY).variadic().objectArguments()
      .returns(arguments -> new ArrayType(arrayType(arguments.get(0)).elementType(),
          arguments.stream().anyMatch(CollectionFunctionDefinitions::elementsNullable)))
      .implementedBy(CollectionFunctions.class, "concatArrays")
      .build();

  /** {@code get(array, index)}: 0-based, null outside the array even under ANSI. */
  public static final ScalarFunction GET = ScalarFunction.builder("get")
      .arguments(ARRAY, INT).objectArguments()
      // Asked before the type check, which then reports a map or a string argument.
      .returns(arguments -> arguments.get(0).dataType() instanceof ArrayType array ? array.elementType()
          : DataTypes.NullType)
      .nullability(Nullability.ALWAYS)
      .implementedBy(CollectionFunctions.class, "get")
      .build();

  /** {@code array_size(array)}: null for a null array, whatever the ANSI setting (unlike {@code size}). */
  public static final ScalarFunction ARRAY_SIZE = ScalarFunction.builder("array_size")
      .arguments(ARRAY).objectArguments()
      .returns(DataTypes.IntegerType)
      .implementedBy(CollectionFunctions.class, "arraySize")
      .build();

  /** {@code array_compact(array)}: without its nulls. */
  public static final ScalarFunction ARRAY_COMPACT = ScalarFunction.builder("array_compact")
      .arguments(ARRAY).objectArguments()
      .returns(arguments -> new ArrayType(arrayType(arguments.get(0)).elementType(), false))
      .implementedBy(CollectionFunctions.class, "arrayCompact")
      .build();

  /** {@code split_part(str, delimiter, n)}: the n-th piece (1-based, negative from the end), '' past the end. */
  public static final ScalarFunction SPLIT_PART = ScalarFunction.builder("split_part")
      .arguments(STRING, STRING, INT)
      .returns(DataTypes.StringType)
      .implementedBy(CollectionFunctions.class, "splitPart")
      .build();

  /** {@code array[index]} (0-based) and {@code map[key]}: Spark names the column {@code arr[0]}. */
  public static final ScalarFunction GET_ITEM = ScalarFunction.builder("get_item")
      .arguments(ARRAY_OR_MAP, ANY).objectArguments()
      .context(FunctionContext.ANSI)
      .returns(arguments -> elementOrValueType(arguments.get(0)))
      .nullability(Nullability.ALWAYS)
      .sql((name, arguments) -> arguments.get(0).sql() + "[" + arguments.get(1).sql() + "]")
      .implementedBy(CollectionFunctions.class, "getItem")
      .build();

  /**
   * Field accessors made so far, so that resolving {@code s.x} twice gives equal calls: calls compare
   * their functions by identity, and {@code groupBy("s.x").count()} must see its output column as the
   * grouping expression. Bounded, since schemas come and go in a long-lived session.
   */
  private static final Map<Object, ScalarFunction> FIELD_ACCESSORS = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Object, ScalarFunction> eldest) {
      return size() > 4096;
    }
  };

  private static ScalarFunction fieldAccessor(Object key, Supplier<ScalarFunction> make) {
    synchronized (FIELD_ACCESSORS) {
      return FIELD_ACCESSORS.computeIfAbsent(key, ignored -> make.get());
    }
  }

  /**
   * {@code struct.field}, made by the analyzer for one field; the second argument is the field's
   * position. Not registered by name: Spark names the column {@code s.field}.
   */
  public static ScalarFunction getField(StructField field) {
    return fieldAccessor(field, () -> newGetField(field));
  }

  private static ScalarFunction newGetField(StructField field) {
    return ScalarFunction.builder("get_field")
        .arguments(ANY, INT).objectArguments()
        .returns(field.dataType())
        .nullability(arguments -> arguments.get(0).nullable() || field.nullable())
        .sql((name, arguments) -> arguments.get(0).sql() + "." + field.name())
        .implementedBy(CollectionFunctions.class, "getField")
        .build();
  }

  /**
   * {@code array_of_structs.field}: the field of every element, made by the analyzer; the second
   * argument is the field's position. Spark names the column {@code arr.field}.
   */
  public static ScalarFunction getArrayStructField(ArrayType arrayType, StructField field) {
    return fieldAccessor(List.of(arrayType, field), () -> newGetArrayStructField(arrayType, field));
  }

  private static ScalarFunction newGetArrayStructField(ArrayType arrayType, StructField field) {
    return ScalarFunction.builder("get_array_struct_field")
        .arguments(ARRAY, INT).objectArguments()
        .returns(new ArrayType(field.dataType(), arrayType.containsNull() || field.nullable()))
        .sql((name, arguments) -> arguments.get(0).sql() + "." + field.name())
        .implementedBy(CollectionFunctions.class, "getArrayStructField")
        .build();
  }

  public static final List<ScalarFunction> ALL = List.of(ARRAY_FUNCTION, MAP_FUNCTION, MAP_FROM_ARRAYS, MAP_FROM_ENTRIES,
      NAMED_STRUCT, SIZE, CARDINALITY, MAP_KEYS, MAP_VALUES, ELEMENT_AT, ARRAY_CONTAINS, ARRAY_POSITION, ARRAY_MIN,
      ARRAY_MAX, SORT_ARRAY, ARRAY_SORT,
      ARRAY_DISTINCT, ARRAY_UNION, ARRAY_INTERSECT, ARRAY_EXCEPT, FLATTEN, SLICE, ARRAY_JOIN,
      ARRAY_JOIN_WITH_NULLS, SPLIT, GET, ARRAY_SIZE, ARRAY_COMPACT, SPLIT_PART);

  static boolean isNullType(DataType type) {
    return type instanceof NullType;
  }
}
