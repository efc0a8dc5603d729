package dev.ember.codegen.generated;

import static dev.ember.codegen.generated.TestBatches.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.codegen.spec.KernelCompilationException;
import dev.ember.codegen.spec.KernelOptions;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Coalesce;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.If;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.CollectionFunctionDefinitions;
import dev.ember.planner.functions.ScalarFunction;
import dev.ember.runtime.batch.NestedValues.MapValue;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Arrays, maps and structs in generated kernels: read from input vectors, passed to collection
 * functions, chosen by conditionals and written to output vectors, each shape against the
 * interpreted kernels (raw and checked memory access) and against the values expected.
 */
class GeneratedNestedValuesTest {
  private static final ArrayType STRINGS = new ArrayType(DataTypes.StringType, true);
  private static final MapType STRING_TO_INT = new MapType(DataTypes.StringType, DataTypes.IntegerType, true);
  private static final StructType NAME_AND_TAGS = new StructType().add("name", DataTypes.StringType)
      .add("tags", new ArrayType(DataTypes.IntegerType, true));
  private static final StructType POINT = new StructType().add("x", DataTypes.IntegerType)
      .add("label", DataTypes.StringType);
  private static final ArrayType POINTS = new ArrayType(POINT, true);

  private final BufferAllocator allocator = Allocators.newRoot();
  private final GeneratedKernels generated = new GeneratedKernels();
  private final Differential differential = new Differential(generated, allocator);

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static Expression call(ScalarFunction function, Expression... arguments) {
    return new ScalarFunctionCall(function, List.of(arguments));
  }

  private static Expression field(StructType struct, int ordinal, Expression value) {
    return call(CollectionFunctionDefinitions.getField(struct.apply(ordinal)), value, Literal.fromJava(ordinal));
  }

  private void assertGenerated(PipelineSpec spec) {
    for (boolean checked : new boolean[] {false, true}) {
      String kernel = generated.create(spec, new KernelOptions(false, checked)).describe();
      assertTrue(kernel.startsWith("generated:"), kernel);
    }
  }

  @Test
  void listOfStringsWithNullElements() {
    StructType input = new StructType().add("words", STRINGS);
    Expression words = new BoundReference(0, STRINGS, true);
    List<Expression> projections = List.of(words,
        call(CollectionFunctionDefinitions.SIZE, words),
        call(CollectionFunctionDefinitions.ELEMENT_AT, words, Literal.fromJava(-1)),
        call(CollectionFunctionDefinitions.ARRAY_CONTAINS, words, Literal.fromJava("b")),
        call(CollectionFunctionDefinitions.SORT_ARRAY, words, Literal.fromJava(false)),
        call(CollectionFunctionDefinitions.ARRAY_JOIN_WITH_NULLS, words, Literal.fromJava("-"),
            Literal.fromJava("?")));
    Object[][] rows = {
        {Arrays.asList("a", null, "b")}, {null}, {List.of()}, {List.of("ü", "日本")}};
    assertGenerated(Differential.projectionSpec(input, null, projections));
    assertEquals(List.of(
        row(Arrays.asList("a", null, "b"), 3, "b", true, Arrays.asList("b", "a", null), "a-?-b"),
        row(null, -1, null, null, null, null),
        row(List.of(), 0, null, false, List.of(), ""),
        row(List.of("ü", "日本"), 2, "日本", false, List.of("日本", "ü"), "ü-日本")),
        differential.project(input, projections, false, rows));
  }

  @Test
  void mapOfStringToInt() {
    StructType input = new StructType().add("counts", STRING_TO_INT);
    Expression counts = new BoundReference(0, STRING_TO_INT, true);
    List<Expression> projections = List.of(counts,
        call(CollectionFunctionDefinitions.MAP_KEYS, counts),
        call(CollectionFunctionDefinitions.MAP_VALUES, counts),
        call(CollectionFunctionDefinitions.ELEMENT_AT, counts, Literal.fromJava("a")),
        call(CollectionFunctionDefinitions.SIZE, counts),
        call(CollectionFunctionDefinitions.MAP_FUNCTION, Literal.fromJava("n"),
            call(CollectionFunctionDefinitions.SIZE, counts)));
    Object[][] rows = {
        {new MapValue(List.of("a", "b"), Arrays.asList(1, null))}, {null},
        {new MapValue(List.of(), List.of())}, {new MapValue(List.of("z"), List.of(26))}};
    assertGenerated(Differential.projectionSpec(input, null, projections));
    assertEquals(List.of(
        row(new MapValue(List.of("a", "b"), Arrays.asList(1, null)), List.of("a", "b"), Arrays.asList(1, null), 1,
            2, new MapValue(List.of("n"), List.of(2))),
        row(null, null, null, null, null, new MapValue(List.of("n"), Arrays.asList((Object) null))),
        row(new MapValue(List.of(), List.of()), List.of(), List.of(), null, 0,
            new MapValue(List.of("n"), List.of(0))),
        row(new MapValue(List.of("z"), List.of(26)), List.of("z"), List.of(26), null, 1,
            new MapValue(List.of("n"), List.of(1)))),
        differential.project(input, projections, true, rows));
  }

  @Test
  void structWithNestedList() {
    StructType input = new StructType().add("person", NAME_AND_TAGS);
    Expression person = new BoundReference(0, NAME_AND_TAGS, true);
    Expression tags = field(NAME_AND_TAGS, 1, person);
    List<Expression> projections = List.of(person, field(NAME_AND_TAGS, 0, person), tags,
        call(CollectionFunctionDefinitions.SIZE, tags),
        call(CollectionFunctionDefinitions.NAMED_STRUCT, Literal.fromJava("first"),
            call(CollectionFunctionDefinitions.ELEMENT_AT, tags, Literal.fromJava(1)), Literal.fromJava("who"),
            field(NAME_AND_TAGS, 0, person)));
    Object[][] rows = {
        {new Object[] {"ann", Arrays.asList(3, null)}}, {null}, {new Object[] {null, List.of()}},
        {new Object[] {"bob", null}}};
    assertGenerated(Differential.projectionSpec(input, null, projections));
    List<List<Object>> result = differential.project(input, projections, false, rows);
    assertEquals(row(List.of("ann", Arrays.asList(3, null)), "ann", Arrays.asList(3, null), 2, List.of(3, "ann")),
        result.get(0));
    assertEquals(row(null, null, null, -1, Arrays.asList(null, null)), result.get(1));
    assertEquals(row(Arrays.asList(null, List.of()), null, List.of(), 0, Arrays.asList(null, null)), result.get(2));
    assertEquals(row(Arrays.asList("bob", null), "bob", null, -1, Arrays.asList(null, "bob")), result.get(3));
  }

  @Test
  void listOfStructs() {
    StructType input = new StructType().add("points", POINTS).add("n", DataTypes.IntegerType);
    Expression points = new BoundReference(0, POINTS, true);
    Expression first = call(CollectionFunctionDefinitions.ELEMENT_AT, points, Literal.fromJava(1));
    List<Expression> projections = List.of(points, first, field(POINT, 0, first),
        call(CollectionFunctionDefinitions.ARRAY_FUNCTION, first, first),
        call(CollectionFunctionDefinitions.SLICE, points, Literal.fromJava(2), new BoundReference(1,
            DataTypes.IntegerType, true)));
    Object[][] rows = {
        {Arrays.asList(new Object[] {1, "a"}, null, new Object[] {3, null}), 2}, {null, 1},
        {List.of((Object) new Object[] {7, "z"}), null}, {Arrays.asList((Object) null), 0}};
    assertGenerated(Differential.projectionSpec(input, null, projections));
    List<List<Object>> result = differential.project(input, projections, false, rows);
    assertEquals(row(Arrays.asList(List.of(1, "a"), null, Arrays.asList(3, null)), List.of(1, "a"), 1,
        List.of(List.of(1, "a"), List.of(1, "a")), Arrays.asList(null, Arrays.asList(3, null))), result.get(0));
    assertEquals(row(null, null, null, Arrays.asList(null, null), null), result.get(1));
    assertEquals(row(List.of(List.of(7, "z")), List.of(7, "z"), 7, List.of(List.of(7, "z"), List.of(7, "z")),
        null), result.get(2));
    assertEquals(row(Arrays.asList((Object) null), null, null, Arrays.asList(null, null), List.of()),
        result.get(3));
  }

  @Test
  void sizeAndFlatStructFieldsOfInputColumnsReadTheVectorsWithoutBuildingValues() {
    StructType input = new StructType().add("words", STRINGS).add("point", POINT).add("counts", STRING_TO_INT);
    Expression words = new BoundReference(0, STRINGS, true);
    Expression point = new BoundReference(1, POINT, true);
    Expression counts = new BoundReference(2, STRING_TO_INT, true);
    List<Expression> projections = List.of(call(CollectionFunctionDefinitions.SIZE, words),
        call(CollectionFunctionDefinitions.CARDINALITY, counts), field(POINT, 0, point), field(POINT, 1, point));
    PipelineSpec spec = Differential.projectionSpec(input, null, projections);
    for (boolean checked : new boolean[] {false, true}) {
      String source = ((GeneratedKernelFactory) generated.create(spec, new KernelOptions(true, checked))).source();
      assertTrue(!source.contains("NestedValues.read"), source);
      assertTrue(source.contains("getChildByOrdinal(1)"), source);
    }
    Object[][] rows = {
        {List.of("a", "b"), new Object[] {1, "one"}, new MapValue(List.of("k"), List.of(1))},
        {null, null, null},
        {List.of(), new Object[] {null, null}, new MapValue(List.of(), List.of())},
        {Arrays.asList((Object) null), new Object[] {-4, "é"}, null}};
    assertEquals(List.of(row(2, 1, 1, "one"), row(null, null, null, null), row(0, 0, null, null),
        row(1, null, -4, "é")), differential.project(input, projections, true, rows));
    assertEquals(row(-1, -1, null, null), differential.project(input, projections, false, rows).get(1));
  }

  @Test
  void conditionalsChooseNestedValues() {
    StructType input = new StructType().add("a", STRINGS).add("b", STRINGS).add("flag", DataTypes.BooleanType);
    Expression a = new BoundReference(0, STRINGS, true);
    Expression b = new BoundReference(1, STRINGS, true);
    Expression flag = new BoundReference(2, DataTypes.BooleanType, true);
    List<Expression> projections = List.of(new If(flag, a, b), new Coalesce(List.of(a, b)), new IsNull(a),
        new If(flag, a, Literal.nullOf(STRINGS)));
    Object[][] rows = {
        {List.of("x"), List.of("y"), true}, {null, List.of("y"), false}, {null, null, null},
        {List.of(), Arrays.asList((Object) null), false}};
    assertGenerated(Differential.projectionSpec(input, null, projections));
    assertEquals(List.of(
        row(List.of("x"), List.of("x"), false, List.of("x")),
        row(List.of("y"), List.of("y"), true, null),
        row(null, null, true, null),
        row(Arrays.asList((Object) null), List.of(), false, null)),
        differential.project(input, projections, false, rows));
  }

  @Test
  void filterOverANestedValueThenWriteIt() {
    StructType input = new StructType().add("words", STRINGS);
    Expression words = new BoundReference(0, STRINGS, true);
    Expression condition = new Comparison(ComparisonOperator.GREATER_THAN,
        call(CollectionFunctionDefinitions.SIZE, words), Literal.fromJava(1));
    Object[][] rows = {{List.of("a", "b")}, {List.of("c")}, {null}, {Arrays.asList("d", null)}};
    assertEquals(List.of(row(List.of("a", "b")), row(Arrays.asList("d", null))),
        differential.filterProject(input, condition, List.of(words), false, rows));
  }

  @Test
  void comparingNestedValuesIsLeftToTheInterpretedKernels() {
    StructType input = new StructType().add("a", STRINGS).add("b", STRINGS);
    Expression equal = new Comparison(ComparisonOperator.EQUAL_TO, new BoundReference(0, STRINGS, true),
        new BoundReference(1, STRINGS, true));
    PipelineSpec spec = Differential.projectionSpec(input, null, List.of(equal));
    KernelCompilationException error = assertThrows(KernelCompilationException.class,
        () -> generated.create(spec, new KernelOptions(false, false)));
    assertTrue(error.getMessage().contains("array<string>"), error.getMessage());
  }
}
