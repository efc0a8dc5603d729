package dev.ember.planner.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.sql.catalyst.parser.ParseException;
import org.junit.jupiter.api.Test;

/** Lambdas in SQL text, {@code x -> body} and {@code (x, y) -> body}, as Spark 4.2's grammar reads them. */
class LambdaParsingTest {
  private static UnresolvedFunction call(String text) {
    return assertInstanceOf(UnresolvedFunction.class, ExpressionParser.parse(text));
  }

  private static LambdaFunction lambdaArgument(String text, int index) {
    return assertInstanceOf(LambdaFunction.class, call(text).arguments().get(index));
  }

  @Test
  void oneParameterNeedsNoParentheses() {
    LambdaFunction lambda = lambdaArgument("transform(a, x -> x + 1)", 1);
    assertEquals("x", lambda.parameters().get(0).name());
    assertEquals("('x + 1)", lambda.body().toString());
    assertEquals("transform(a, lambdafunction((x + 1), x))", call("transform(a, x -> x + 1)").sql());
  }

  @Test
  void severalParametersAreParenthesised() {
    LambdaFunction lambda = lambdaArgument("aggregate(a, 0, (acc, x) -> acc + x, acc -> acc * 2)", 2);
    assertEquals(2, lambda.parameters().size());
    assertEquals("acc", lambda.parameters().get(0).name());
    assertEquals("x", lambda.parameters().get(1).name());
    assertEquals("lambdafunction((acc * 2), acc)",
        lambdaArgument("aggregate(a, 0, (acc, x) -> acc + x, acc -> acc * 2)", 3).sql());
  }

  @Test
  void theBodyIsAWholeExpression() {
    assertEquals("lambdafunction(((x > 1) AND (x < 5)), x)",
        lambdaArgument("filter(a, x -> x > 1 AND x < 5)", 1).sql());
    assertEquals("lambdafunction(x, x)", lambdaArgument("transform(a, `x` -> x)", 1).sql());
  }

  @Test
  void lambdasNest() {
    LambdaFunction outer = lambdaArgument("transform(aa, x -> transform(x, y -> x + y))", 1);
    LambdaFunction inner = assertInstanceOf(LambdaFunction.class,
        ((UnresolvedFunction) outer.body()).arguments().get(1));
    assertEquals("y", inner.parameters().get(0).name());
  }

  @Test
  void eachParsedLambdaHasItsOwnVariables() {
    Expression first = lambdaArgument("transform(a, x -> x)", 1).parameters().get(0);
    Expression second = lambdaArgument("transform(a, x -> x)", 1).parameters().get(0);
    assertEquals(false, first.equals(second));
  }

  @Test
  void existsIsAFunctionUnlessASubqueryFollows() {
    assertEquals("exists", call("exists(a, x -> x IS NULL)").name());
    assertThrows(ParseException.class, () -> ExpressionParser.parse("EXISTS (SELECT 1)"));
  }

  @Test
  void oneParenthesisedParameterIsASyntaxError() {
    ParseException error = assertThrows(ParseException.class, () -> ExpressionParser.parse("transform(a, (x) -> x)"));
    assertEquals("PARSE_SYNTAX_ERROR", error.getCondition());
  }
}
