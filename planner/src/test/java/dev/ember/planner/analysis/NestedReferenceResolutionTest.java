package dev.ember.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.logical.SubqueryAlias;
import dev.ember.planner.parser.ExpressionParser;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dotted names, subscripts and qualified stars from SQL text, resolved as Spark 4.2 resolves them
 * for {@code selectExpr} (column names, types and errors observed on Spark with the same schema).
 */
class NestedReferenceResolutionTest {
  private final Analyzer analyzer = new Analyzer(AnalyzerSettings.defaults());
  private final ScanRelation table = ScanRelation.of(new FakeTableSource(DataTypes.fromDdlSchema(
      "s STRUCT<x: INT, y: STRUCT<z: STRING>>, arr ARRAY<INT>, m MAP<STRING, INT>, arrs ARRAY<STRUCT<x: INT>>,"
          + " n INT")));

  private List<String> columns(LogicalPlan input, String... expressions) {
    List<Expression> list = Arrays.stream(expressions).map(ExpressionParser::parse).toList();
    return analyzer.analyze(new Project(list, input)).output().stream()
        .map(column -> column.name() + ": " + column.dataType().simpleString())
        .toList();
  }

  private AnalysisException failure(LogicalPlan input, String expression) {
    return assertThrows(AnalysisException.class,
        () -> analyzer.analyze(new Project(List.of(ExpressionParser.parse(expression)), input)));
  }

  @Test
  void dottedNamesAreStructFieldsNamedAfterTheirLastPart() {
    assertEquals(List.of("x: int", "z: string", "X: int", "s.x: int", "(s.x + 1): int", "y: struct<z:string>"),
        columns(table, "s.x", "s.y.z", "S.X", "s['x']", "s.x + 1", "(s).y"));
  }

  @Test
  void aQualifierComesBeforeAColumn() {
    LogicalPlan aliased = new SubqueryAlias("t", table);
    assertEquals(List.of("x: int", "z: string", "n: int", "arr[1]: int"),
        columns(aliased, "t.s.x", "`t`.s.y.z", "t.n", "t.arr[1]"));
  }

  @Test
  void subscriptsOfArraysAndMapsAndFieldsOfArraysOfStructs() {
    assertEquals(List.of("arr[0]: int", "m[a]: int", "a: int", "x: array<int>", "arrs[0].x: int"),
        columns(table, "arr[0]", "m['a']", "m.a", "arrs.x", "arrs[0].x"));
  }

  @Test
  void starsExpandTablesAndStructs() {
    LogicalPlan aliased = new SubqueryAlias("t", table);
    assertEquals(List.of("x: int", "y: struct<z:string>"), columns(table, "s.*"));
    assertEquals(List.of("z: string"), columns(table, "s.y.*"));
    assertEquals(List.of("x: int", "y: struct<z:string>"), columns(aliased, "t.s.*"));
    assertEquals(5, columns(aliased, "t.*").size());
  }

  @Test
  void errorsAreSparks() {
    assertEquals("[FIELD_NOT_FOUND] No such struct field `nope` in `x`, `y`. SQLSTATE: 42704",
        failure(table, "s.nope").getMessage());
    assertEquals("[INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from \"n\". Need a complex type [STRUCT,"
        + " ARRAY, MAP] but got \"INT\". SQLSTATE: 42000", failure(table, "n[0]").getMessage());
    AnalysisException index = failure(table, "arr['1']");
    assertEquals("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", index.getCondition());
    assertEquals(Map.of("sqlExpr", "\"arr[1]\"", "paramIndex", "second", "inputSql", "\"1\"", "inputType",
        "\"STRING\"", "requiredType", "\"INTEGRAL\""), index.getMessageParameters());
    assertEquals("Can only star expand struct data types. Attribute: `List(n)`.", failure(table, "n.*").getMessage());
    assertEquals("[CANNOT_RESOLVE_STAR_EXPAND] Cannot resolve `u`.* given input columns `arr`, `arrs`, `m`, `n`,"
        + " `s`. Please check that the specified table or struct exists and is accessible in the input columns."
        + " SQLSTATE: 42704", failure(new SubqueryAlias("t", table), "u.*").getMessage());
    assertEquals(Map.of("objectName", "`t`.`nope`", "proposal", "`t`.`m`, `t`.`n`, `t`.`s`, `t`.`arr`, `t`.`arrs`"),
        failure(new SubqueryAlias("t", table), "t.nope").getMessageParameters());
  }
}
