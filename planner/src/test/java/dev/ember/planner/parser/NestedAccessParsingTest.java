package dev.ember.planner.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedExtractValue;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.sql.catalyst.parser.ParseException;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Subscripts, field access, dotted names and qualified stars, parsed as Spark 4.2's
 * {@code CatalystSqlParser.parseExpression} parses them (its trees were printed for each text).
 */
class NestedAccessParsingTest {
  private static UnresolvedAttribute column(String name) {
    return new UnresolvedAttribute(name);
  }

  private static UnresolvedExtractValue extract(Expression child, Object key) {
    return new UnresolvedExtractValue(child, key instanceof Expression expression ? expression : Literal.fromJava(key));
  }

  @Test
  void subscriptTakesAnyValueExpressionAsKey() {
    assertEquals(extract(column("arr"), 0), ExpressionParser.parse("arr[0]"));
    assertEquals(extract(column("arr"), 0), ExpressionParser.parse("arr [ 0 ]"));
    assertEquals(extract(column("m"), "key"), ExpressionParser.parse("m['key']"));
    assertEquals(extract(column("arr"), new BinaryArithmetic(ArithmeticOperator.SUBTRACT, column("n"),
        Literal.fromJava(4))), ExpressionParser.parse("arr[n - 4]"));
    assertEquals(extract(extract(column("arr"), 0), 1), ExpressionParser.parse("arr[0][1]"));
  }

  @Test
  void dottedNameStaysOneNameForTheAnalyzer() {
    assertEquals(column("a.b.c"), ExpressionParser.parse("a.b.c"));
    assertEquals(column("t.s.x"), ExpressionParser.parse("`t`.s.`x`"));
    // A part holding a dot keeps its back-quotes, so that it is not split again.
    assertEquals(column("s.`x.y`"), ExpressionParser.parse("s.`x.y`"));
  }

  @Test
  void fieldAfterSubscriptOrCallIsAnExtraction() {
    assertEquals(extract(extract(column("a.b"), 0), "c"), ExpressionParser.parse("a.b[0].c"));
    assertEquals(extract(new UnresolvedFunction("f", List.of(column("a")), false), "b"),
        ExpressionParser.parse("f(a).b"));
    assertEquals(column("s.x"), ExpressionParser.parse("(s).x"));
    assertEquals(column("a.b.`c.d`"), ExpressionParser.parse("(a.b).`c.d`"));
    assertEquals(new UnresolvedFunction("a.b.c", List.of(Literal.fromJava(1)), false),
        ExpressionParser.parse("a.b.c(1)"));
  }

  @Test
  void subscriptBindsTighterThanUnaryAndArithmetic() {
    assertEquals(UnaryMinus.operator(extract(column("arr"), 0)), ExpressionParser.parse("-arr[0]"));
    assertEquals(new Cast(extract(column("arr"), 0), DataTypes.StringType, true, true),
        ExpressionParser.parse("arr[0]::string"));
    assertEquals(new BinaryArithmetic(ArithmeticOperator.ADD, extract(column("arr"), 0),
            new BinaryArithmetic(ArithmeticOperator.MULTIPLY, extract(column("arr"), 1), Literal.fromJava(2))),
        ExpressionParser.parse("arr[0] + arr[1] * 2"));
    Alias alias = (Alias) ExpressionParser.parse("m['a'] AS v");
    assertEquals(extract(column("m"), "a"), alias.child());
    assertEquals("v", alias.name());
  }

  @Test
  void qualifiedStarIsANameEndingInStar() {
    assertEquals(column("t.*"), ExpressionParser.parse("t.*"));
    assertEquals(column("t.s.*"), ExpressionParser.parse("t.s.*"));
    assertEquals(column("t.*"), ExpressionParser.parse("`t`.*"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "arr[                    | end of input                 | 4",
    "arr[]                   | ']'                          | 4",
    "arr[0                   | end of input: missing ']'    | 5",
    "arr[0 1]                | '1': extra input '1'         | 6",
    "s.x[                    | end of input                 | 4",
    "s.                      | end of input                 | 2",
    "arr[0].*                | '*'                          | 7",
    "(s).*                   | '*'                          | 4",
  })
  void malformedAccessFailsWhereSparkFails(String text, String near, int position) {
    ParseException error = assertThrows(ParseException.class, () -> ExpressionParser.parse(text));
    assertEquals("\n[PARSE_SYNTAX_ERROR] Syntax error at or near " + near + ". SQLSTATE: 42601 (line 1, pos "
        + position + ")\n\n== SQL ==\n" + text + "\n" + "-".repeat(position) + "^^^\n", error.getMessage());
  }
}
