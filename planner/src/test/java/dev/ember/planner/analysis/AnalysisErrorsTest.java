package dev.ember.planner.analysis;

import static dev.ember.planner.analysis.PlanBuilders.analysisError;
import static dev.ember.planner.analysis.PlanBuilders.call;
import static dev.ember.planner.analysis.PlanBuilders.col;
import static dev.ember.planner.analysis.PlanBuilders.eq;
import static dev.ember.planner.analysis.PlanBuilders.firstLine;
import static dev.ember.planner.analysis.PlanBuilders.gt;
import static dev.ember.planner.analysis.PlanBuilders.lit;
import static dev.ember.planner.analysis.PlanBuilders.plus;
import static dev.ember.planner.analysis.PlanBuilders.divide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.RangeRelation;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.logical.Sort;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each expected text is the first line of Spark 4.2.0's {@code getMessage()} for the same query. */
class AnalysisErrorsTest {
  private final Analyzer analyzer = new Analyzer(AnalyzerSettings.defaults());
  private final ScanRelation people = FakeTableSource.people();
  private final ScanRelation table = FakeTableSource.allTypes();

  private AnalysisException select(Expression expression) {
    return analysisError(() -> analyzer.analyze(new Project(List.of(expression), table)));
  }

  @Test
  void unknownColumnWithoutAnyCandidate() {
    ScanRelation empty = ScanRelation.of(new FakeTableSource(new StructType()));
    AnalysisException error = analysisError(() -> analyzer.analyze(new Project(List.of(col("x")), empty)));
    assertEquals("[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column, variable, or function parameter with name `x`"
        + " cannot be resolved.  SQLSTATE: 42703;", firstLine(error));
    assertEquals(Map.of("objectName", "`x`"), error.getMessageParameters());
  }

  @Test
  void unknownFunction() {
    AnalysisException error = analysisError(() ->
        analyzer.analyze(new Project(List.of(call("foo", col("age"))), people)));
    assertEquals("[UNRESOLVED_ROUTINE] Cannot resolve routine `foo` on search path [`system`.`builtin`,"
        + " `system`.`session`, `spark_catalog`.`default`]. SQLSTATE: 42883", error.getMessage());
    assertEquals("`foo`", error.getMessageParameters().get("routineName"));
  }

  @Test
  void unknownFunctionIsReportedBeforeItsUnknownArguments() {
    AnalysisException error = analysisError(() ->
        analyzer.analyze(new Project(List.of(call("avgg", col("agee"))), people)));
    assertEquals("UNRESOLVED_ROUTINE", error.getCondition());
  }

  @Test
  void featuresEmberLacksAreAnalysisErrorsNamingTheCall() {
    AnalysisException frequency = select(call("percentile", col("age"),
        dev.ember.planner.expressions.Literal.fromJava(0.5), dev.ember.planner.expressions.Literal.fromJava(2)));
    assertEquals("EMBER_NOT_YET_SUPPORTED", frequency.getCondition());
    assertEquals("percentile(age, 0.5, 2)", frequency.getMessageParameters().get("call"));
    AnalysisException ignoreNulls = select(call("first", col("age"), col("name")));
    assertEquals("EMBER_NOT_YET_SUPPORTED", ignoreNulls.getCondition());
    assertEquals("first(age, name)", ignoreNulls.getMessageParameters().get("call"));
  }

  @Test
  void distinctAndSeveralArgumentCountsResolve() {
    Project counted = new Project(List.of(
        new dev.ember.planner.expressions.UnresolvedFunction("COUNT", List.of(col("age")), true),
        call("count", col("age"), col("name"))), people);
    assertEquals(List.of("count(DISTINCT age)", "count(age, name)"),
        analyzer.analyze(counted).output().stream().map(attribute -> attribute.name()).toList());
  }

  @Test
  void wrongNumberOfArguments() {
    AnalysisException error = select(call("avg", col("age"), col("age")));
    assertEquals("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `avg` requires 1 parameters but the actual number is 2."
        + " Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix."
        + " SQLSTATE: 42605", error.getMessage());
    AnalysisException count = select(call("count"));
    assertEquals("[WRONG_NUM_ARGS.WITH_SUGGESTION] The `count` requires  >= 1 parameters but the actual number is 0."
        + " If you have to call this function with 0 parameters, set the legacy configuration"
        + " \"spark.sql.legacy.allowParameterlessCount\" to \"true\". SQLSTATE: 42605", count.getMessage());
  }

  @Test
  void binaryOperandsOfIncompatibleTypes() {
    AnalysisException error = select(new And(col("age"), gt(col("age"), lit(1))));
    assertEquals("[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"(age AND (age > 1))\" due to data type"
        + " mismatch: the left and right operands of the binary operator have incompatible types (\"INT\" and"
        + " \"BOOLEAN\"). SQLSTATE: 42K09;", firstLine(error));
    assertEquals(Map.of("left", "\"INT\"", "right", "\"BOOLEAN\"", "sqlExpr", "\"(age AND (age > 1))\""),
        error.getMessageParameters());
    assertEquals("[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"(day = age)\" due to data type"
        + " mismatch: the left and right operands of the binary operator have incompatible types (\"DATE\" and"
        + " \"INT\"). SQLSTATE: 42K09;", firstLine(select(eq(col("day"), col("age")))));
    assertEquals("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", select(plus(col("flag"), lit(1))).getCondition());
  }

  @Test
  void binaryOperandsOfTheWrongType() {
    assertEquals("[DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve \"(name + name)\" due to data type"
        + " mismatch: the binary operator requires the input type (\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or"
        + " \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\"), not \"STRING\". SQLSTATE: 42K09;",
        firstLine(select(plus(col("name"), col("name")))));
    assertEquals("[DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve \"(name / name)\" due to data type"
        + " mismatch: the binary operator requires the input type (\"DOUBLE\" or \"DECIMAL\"), not \"STRING\"."
        + " SQLSTATE: 42K09;", firstLine(select(divide(col("name"), col("name")))));
    assertEquals("[DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve \"(age AND age)\" due to data type"
        + " mismatch: the binary operator requires the input type \"BOOLEAN\", not \"INT\". SQLSTATE: 42K09;",
        firstLine(select(new And(col("age"), col("age")))));
  }

  @Test
  void unexpectedInputTypes() {
    AnalysisException not = select(new Not(col("age")));
    assertEquals("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"(NOT age)\" due to data type mismatch:"
        + " The first parameter requires the \"BOOLEAN\" type, however \"age\" has the type \"INT\". SQLSTATE: 42K09;",
        firstLine(not));
    assertEquals(Map.of("inputSql", "\"age\"", "inputType", "\"INT\"", "paramIndex", "first",
        "requiredType", "\"BOOLEAN\"", "sqlExpr", "\"(NOT age)\""), not.getMessageParameters());
    assertEquals("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"negative(flag)\" due to data type"
        + " mismatch: The first parameter requires the (\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR"
        + " TO MONTH\" or \"INTERVAL\") type, however \"flag\" has the type \"BOOLEAN\". SQLSTATE: 42K09;",
        firstLine(select(new UnaryMinus(col("flag")))));
    assertEquals("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"sum(day)\" due to data type mismatch:"
        + " The first parameter requires the \"NUMERIC\" or \"ANSI INTERVAL\" type, however \"day\" has the type"
        + " \"DATE\". SQLSTATE: 42K09;", firstLine(select(call("sum", col("day")))));
    assertEquals("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", select(call("avg", col("flag"))).getCondition());
  }

  @Test
  void filterConditionMustBeBoolean() {
    Filter filter = new Filter(col("age"), people);
    AnalysisException error = analysisError(() -> analyzer.analyze(filter));
    assertEquals("[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve \"age\" due to data type mismatch: Filter"
        + " expression \"age\" of type \"INT\" is not a boolean. SQLSTATE: 42K09;", firstLine(error));
    assertEquals(Map.of("filter", "\"age\"", "sqlExpr", "\"age\"", "type", "\"INT\""), error.getMessageParameters());
    assertEquals("[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve \"NULL\" due to data type mismatch: Filter"
        + " expression \"NULL\" of type \"VOID\" is not a boolean. SQLSTATE: 42K09;",
        firstLine(analysisError(() -> analyzer.analyze(new Filter(lit(null), people)))));
  }

  @Test
  void nonAggregatedColumnInAnAggregate() {
    Aggregate plan = new Aggregate(List.of(col("city")), List.of(col("city"), call("avg", col("age")), col("name")),
        people);
    AnalysisException error = analysisError(() -> analyzer.analyze(plan));
    assertEquals("[MISSING_AGGREGATION] The non-aggregating expression \"name\" is based on columns which are not"
        + " participating in the GROUP BY clause.\nAdd the columns or the expression to the GROUP BY, aggregate the"
        + " expression, or use \"any_value(name)\" if you do not care which of the values within a group is returned."
        + " SQLSTATE: 42803;", error.getMessage().substring(0, error.getMessage().indexOf(";") + 1));
    assertEquals(Map.of("expression", "\"name\"", "expressionAnyValue", "\"any_value(name)\""),
        error.getMessageParameters());
    // Spark names the column, not the expression that reads it.
    AnalysisException compound = analysisError(() -> analyzer.analyze(
        new Aggregate(List.of(col("city")), List.of(col("city"), plus(col("age"), lit(1))), people)));
    assertEquals("\"age\"", compound.getMessageParameters().get("expression"));
  }

  @Test
  void groupingExpressionsMayBeUsedInTheAggregateList() {
    LogicalPlan analyzed = analyzer.analyze(new Aggregate(List.of(plus(col("age"), lit(1))),
        List.of(plus(plus(col("age"), lit(1)), lit(1)), call("max", col("CITY")), call("count", lit(1))), people));
    assertEquals(List.of("((age + 1) + 1)", "max(CITY)", "count(1)"),
        analyzed.output().stream().map(column -> column.name()).toList());
  }

  @Test
  void columnNextToAnAggregateWithoutGroupBy() {
    AnalysisException error = analysisError(() ->
        analyzer.analyze(new Project(List.of(call("avg", col("age")), col("name")), people)));
    assertEquals("[MISSING_GROUP_BY] The query does not include a GROUP BY clause. Add GROUP BY or turn it into the"
        + " window functions using OVER clauses. SQLSTATE: 42803;", firstLine(error));
  }

  @Test
  void aggregateInAFilter() {
    AnalysisException error = analysisError(() -> analyzer.analyze(
        new Filter(new And(gt(col("age"), lit(1)), gt(call("count", lit(1)), lit(1))), people)));
    assertEquals("[INVALID_WHERE_CONDITION] The WHERE condition \"((age > 1) AND (count(1) > 1))\" contains invalid"
        + " expressions: count(1).", firstLine(error));
    assertTrue(error.getMessage().contains("\nRewrite the query to avoid window functions, aggregate functions, and"
        + " generator functions in the WHERE clause. SQLSTATE: 42903;\n"), error.getMessage());
    assertEquals(Map.of("condition", "\"((age > 1) AND (count(1) > 1))\"", "expressionList", "count(1)"),
        error.getMessageParameters());
  }

  @Test
  void aggregateInGroupingExpressions() {
    AnalysisException error = analysisError(() -> analyzer.analyze(
        new Aggregate(List.of(call("avg", col("age"))), List.of(call("count", lit(1))), people)));
    assertEquals("[GROUP_BY_AGGREGATE] Aggregate functions are not allowed in GROUP BY, but found avg(age)."
        + " SQLSTATE: 42903;", firstLine(error));
  }

  @Test
  void aggregateInsideAnAggregate() {
    AnalysisException error = analysisError(() -> analyzer.analyze(new Aggregate(List.of(col("city")),
        List.of(col("city"), call("sum", call("avg", col("age")))), people)));
    assertEquals("[NESTED_AGGREGATE_FUNCTION] It is not allowed to use an aggregate function in the argument of"
        + " another aggregate function. Please use the inner aggregate function in a sub-query. SQLSTATE: 42607;",
        firstLine(error));
  }

  @Test
  void aggregateInASortWithoutAnAggregate() {
    AnalysisException error = analysisError(() -> analyzer.analyze(
        new Sort(List.of(SortOrder.ascending(call("avg", col("age")))), people)));
    assertEquals("[UNSUPPORTED_EXPR_FOR_OPERATOR] A query operator contains one or more unsupported expressions.\n"
        + "Consider to rewrite it to avoid window functions, aggregate functions, and generator functions in the"
        + " WHERE clause.\nInvalid expressions: [\"avg(age)\"] SQLSTATE: 42K0E;",
        error.getMessage().substring(0, error.getMessage().indexOf(";") + 1));
  }

  @Test
  void errorsCarryTheFailingOperatorsPlan() {
    RangeRelation range = new RangeRelation(0, 10, 1, 1,
        dev.ember.planner.expressions.AttributeReference.create("id", dev.ember.sql.types.DataTypes.LongType, false));
    Filter filter = new Filter(gt(col("idd"), lit(1)), range);
    AnalysisException error = analysisError(() -> analyzer.analyze(new Project(List.of(col("id")), filter)));
    assertTrue(error.getMessage().endsWith(" SQLSTATE: 42703;\n" + filter.treeString()), error.getMessage());
  }
}
