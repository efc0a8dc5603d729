package dev.ember.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.parser.ExpressionParser;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataTypes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Higher-order functions from SQL text, resolved as Spark 4.2 resolves them for {@code selectExpr}:
 * column names, types and nullability, lambda parameters shadowing columns, and Spark's errors
 * (observed on Spark with the same schema).
 */
class LambdaResolutionTest {
  private final Analyzer analyzer = new Analyzer(AnalyzerSettings.defaults());
  private final ScanRelation table = ScanRelation.of(new FakeTableSource(DataTypes.fromDdlSchema(
      "a ARRAY<INT>, s ARRAY<STRING>, m MAP<STRING, INT>, x STRING, k INT, aa ARRAY<ARRAY<INT>>,"
          + " st ARRAY<STRUCT<f: INT>>")));

  private List<String> columns(String... expressions) {
    List<Expression> list = Arrays.stream(expressions).map(ExpressionParser::parse).toList();
    LogicalPlan analyzed = analyzer.analyze(new Project(list, table));
    return analyzed.output().stream()
        .map(column -> column.name() + ": " + column.dataType().simpleString() + (column.nullable() ? "" : " not null"))
        .toList();
  }

  private AnalysisException failure(String expression) {
    return assertThrows(AnalysisException.class,
        () -> analyzer.analyze(new Project(List.of(ExpressionParser.parse(expression)), table)));
  }

  @Test
  void transformAndFilterNameTheirLambdas() {
    assertEquals(List.of(
        "transform(a, lambdafunction((namedlambdavariable() + 1), namedlambdavariable())): array<int>",
        "transform(a, lambdafunction((namedlambdavariable() * namedlambdavariable()), namedlambdavariable(), namedlambdavariable())): array<int>",
        "filter(s, lambdafunction((length(namedlambdavariable()) > k), namedlambdavariable())): array<string>"),
        columns("transform(a, x -> x + 1)", "transform(a, (x, i) -> x * i)", "filter(s, x -> length(x) > k)"));
  }

  @Test
  void aParameterShadowsAColumnOfTheSameName() {
    // x is also a string column: inside the lambda it is the int element.
    assertEquals(List.of("transform(a, lambdafunction((namedlambdavariable() + 1), namedlambdavariable())): array<int>"),
        columns("transform(a, x -> x + 1)"));
    assertEquals(List.of("transform(aa, lambdafunction(transform(namedlambdavariable(), lambdafunction((namedlambdavariable() + 1), namedlambdavariable())), namedlambdavariable())): array<array<int>>"),
        columns("transform(aa, x -> transform(x, x -> x + 1))"));
  }

  @Test
  void fieldsOfAStructParameter() {
    assertEquals(List.of("transform(st, lambdafunction(namedlambdavariable().f, namedlambdavariable())): array<int>"), columns("transform(st, x -> x.f)"));
  }

  @Test
  void aggregateFillsInTheIdentityFinish() {
    assertEquals(List.of(
        "aggregate(a, 0, lambdafunction((namedlambdavariable() + namedlambdavariable()), namedlambdavariable(), namedlambdavariable()), lambdafunction(namedlambdavariable(), namedlambdavariable())): int",
        "reduce(a, 0, lambdafunction((namedlambdavariable() + namedlambdavariable()), namedlambdavariable(), namedlambdavariable()), lambdafunction((namedlambdavariable() * 2), namedlambdavariable())): int"),
        columns("aggregate(a, 0, (acc, x) -> acc + x)", "reduce(a, 0, (acc, x) -> acc + x, acc -> acc * 2)"));
  }

  @Test
  void quantifiersAndMapFunctions() {
    assertEquals(List.of(
        "exists(a, lambdafunction((namedlambdavariable() > 1), namedlambdavariable())): boolean",
        "forall(a, lambdafunction((namedlambdavariable() IS NOT NULL), namedlambdavariable())): boolean",
        "map_filter(m, lambdafunction((namedlambdavariable() > 1), namedlambdavariable(), namedlambdavariable())): map<string,int>",
        "transform_values(m, lambdafunction((namedlambdavariable() + 1), namedlambdavariable(), namedlambdavariable())): map<string,int>",
        "transform_keys(m, lambdafunction(concat(namedlambdavariable(), z), namedlambdavariable(), namedlambdavariable())): map<string,int>",
        "zip_with(a, s, lambdafunction(concat(namedlambdavariable(), namedlambdavariable()), namedlambdavariable(), namedlambdavariable())): array<string>"),
        columns("exists(a, x -> x > 1)", "forall(a, x -> x IS NOT NULL)", "map_filter(m, (k, v) -> v > 1)",
            "transform_values(m, (k, v) -> v + 1)", "transform_keys(m, (k, v) -> concat(k, 'z'))",
            "zip_with(a, s, (x, y) -> concat(x, y))"));
  }

  @Test
  void parameterNamesFollowTheCaseSetting() {
    Analyzer caseSensitive = new Analyzer(new AnalyzerSettings(true, true));
    LogicalPlan plan = caseSensitive.analyze(new Project(List.of(ExpressionParser.parse("transform(a, (X, i) -> x)")),
        table));
    // Case-sensitive: x is the string column, not the parameter X.
    assertEquals("transform(a, lambdafunction(x, namedlambdavariable(), namedlambdavariable())): array<string>",
        plan.output().get(0).name() + ": " + plan.output().get(0).dataType().simpleString());
    caseSensitive.analyze(new Project(List.of(ExpressionParser.parse("transform(a, (x, X) -> x)")), table));
    assertEquals("INVALID_LAMBDA_FUNCTION_CALL.DUPLICATE_ARG_NAMES", failure("transform(a, (x, X) -> x)").getCondition());
  }

  @Test
  void errorsAreSparks() {
    assertEquals("INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH", failure("transform(a, (x, y, z) -> x)").getCondition());
    assertEquals("INVALID_LAMBDA_FUNCTION_CALL.DUPLICATE_ARG_NAMES", failure("transform(a, (x, x) -> x)").getCondition());
    assertEquals("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION", failure("abs(x -> x)").getCondition());
    assertEquals("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", failure("transform(x, y -> y)").getCondition());
    assertEquals("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", failure("filter(a, x -> x)").getCondition());
    assertEquals("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", failure("aggregate(a, 0L, (acc, x) -> acc + 1.5)").getCondition());
    assertEquals("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", failure("aggregate(a, 0)").getCondition());
    assertEquals("UNRESOLVED_COLUMN.WITH_SUGGESTION", failure("transform(a, y -> nosuch)").getCondition());
  }
}
