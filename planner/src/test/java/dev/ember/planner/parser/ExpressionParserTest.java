package dev.ember.planner.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.expressions.UnresolvedStar;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tree shapes, compared through {@code toString()}; the expected trees follow Spark 4.2's
 * {@code CatalystSqlParser.parseExpression} on the same text, except where the class Javadoc of
 * {@link ExpressionGrammar} says Ember spells a construct differently.
 */
class ExpressionParserTest {
  private static String tree(String text) {
    return ExpressionParser.parse(text).toString();
  }

  private static UnresolvedAttribute column(String name) {
    return new UnresolvedAttribute(name);
  }

  @Test
  void filterConditionBuildsRecordsThatCompareEqual() {
    Expression expected = new And(
        new Comparison(ComparisonOperator.GREATER_THAN, column("age"), Literal.fromJava(26)),
        new Comparison(ComparisonOperator.EQUAL_TO, column("city"), Literal.fromJava("Paris")));
    assertEquals(expected, ExpressionParser.parse("age > 26 AND city = 'Paris'"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "a + b * c - d                  | (('a + ('b * 'c)) - 'd)",
    "1 + 2 * 3 - 4 / 5 % 6          | ((1 + (2 * 3)) - ((4 / 5) % 6))",
    "a = 1 or b = 2 and not c = 3   | (('a = 1) OR (('b = 2) AND NOT ('c = 3)))",
    "true and false or null         | ((true AND false) OR null)",
    "a or b and c or d              | (('a OR ('b AND 'c)) OR 'd)",
    "not a = b                      | NOT ('a = 'b)",
    "not not a                      | NOT NOT 'a",
    "! a = b                        | NOT ('a = 'b)",
    "1 < 2 = true                   | ((1 < 2) = true)",
    "a = b = c                      | (('a = 'b) = 'c)",
    "-a * b                         | (-'a * 'b)",
    "- - a                          | --'a",
    "-(1)                           | -1",
    "a -1                           | ('a - 1)",
    "a-1                            | ('a - 1)",
    "((a + b)) * c                  | (('a + 'b) * 'c)",
    "a = 1 is null                  | isnull(('a = 1))",
    "a div b                        | 'div('a, 'b)",
    "a % b                          | ('a % 'b)",
    "a + b << 2                     | '<<(('a + 'b), 2)",
    "~a                             | '~('a)",
    "+a                             | 'positive('a)",
  })
  void precedenceAndAssociativityFollowSpark(String text, String expected) {
    assertEquals(expected, tree(text));
  }

  /** The pipe symbols get their own table, separated by {@code #}. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', quoteCharacter = '"', value = {
    "a + b || c         # 'concat(('a + 'b), 'c)",
    "a || b + c         # ('concat('a, 'b) + 'c)",
    "a || b || c        # 'concat('concat('a, 'b), 'c)",
    "a * b || c         # 'concat(('a * 'b), 'c)",
    "a & b | c ^ d      # '|('&('a, 'b), '^('c, 'd))",
    "a | b & c          # '|('a, '&('b, 'c))",
    "a = b | c          # ('a = '|('b, 'c))",
    "a >> 1 >>> 2       # '>>>('>>('a, 1), 2)",
  })
  void pipeOperators(String text, String expected) {
    assertEquals(expected, tree(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "a = b       | ('a = 'b)",
    "a == b      | ('a = 'b)",
    "a <> b      | NOT ('a = 'b)",
    "a != b      | NOT ('a = 'b)",
    "a<b         | ('a < 'b)",
    "a <= b      | ('a <= 'b)",
    "a > b       | ('a > 'b)",
    "a >= b      | ('a >= 'b)",
    "a <=> b     | ('a <=> 'b)",
    "a<=>b       | ('a <=> 'b)",
  })
  void comparisonOperators(String text, String expected) {
    assertEquals(expected, tree(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "a is null                        | isnull('a)",
    "a IS NOT NULL                    | isnotnull('a)",
    "a is true                        | ('a <=> true)",
    "a is not false                   | NOT ('a <=> false)",
    "a is unknown                     | isnull('a)",
    "a is not distinct from b         | ('a <=> 'b)",
    "a is distinct from b + 1         | NOT ('a <=> ('b + 1))",
    "a between 1 and 2                | 'between('a, 1, 2)",
    "a not between 1 and 2            | NOT 'between('a, 1, 2)",
    "a between b + 1 and c            | 'between('a, ('b + 1), 'c)",
    "not a between 1 and 2 and b      | (NOT 'between('a, 1, 2) AND 'b)",
    "a between 1 and 2 = true         | 'between('a, 1, (2 = true))",
    "a in (1, 2, null)                | 'a IN (1,2,null)",
    "a in (1)                         | 'a IN (1)",
    "a not in (1, 2)                  | NOT 'a IN (1,2)",
    "a like 'x%'                      | 'like('a, x%)",
    "a not like 'x%'                  | NOT 'like('a, x%)",
    "a like 'b!%' escape '!'          | 'like('a, b!%, !)",
    "a ilike 'b'                      | 'ilike('a, b)",
    "a rlike 'b'                      | 'rlike('a, b)",
    "a not regexp 'b'                 | NOT 'rlike('a, b)",
  })
  void predicates(String text, String expected) {
    assertEquals(expected, tree(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "count(*)                | 'count(*)",
    "COUNT(A)                | 'count('A)",
    "CoUnT(DiStInCt a, b)    | 'count(distinct 'a, 'b)",
    "sum(all a)              | 'sum('a)",
    "f()                     | 'f()",
    "count(distinct)         | 'count('distinct)",
    "upper(name) = 'X'       | ('upper('name) = X)",
    "f.G(x)                  | 'f.g('x)",
    "`&`(5, 3)               | '&(5, 3)",
    "cast(a as int)          | cast('a as int)",
    "CAST(a AS decimal(10, 2)) | cast('a as decimal(10,2))",
    "cast(a as varchar(3))   | cast('a as string)",
    "a::bigint + 1           | (cast('a as bigint) + 1)",
    "1::string               | cast(1 as string)",
    "-1::string              | cast(-1 as string)",
    "case when a then 1 else 2 end             | 'when('a, 1, 2)",
    "CASE WHEN a > 1 THEN 'x' WHEN b THEN 'y' END | 'when(('a > 1), x, 'b, y)",
    "case a when 1 then 2 when 3 then 4 else 5 end | 'when(('a = 1), 2, ('a = 3), 4, 5)",
  })
  void functionsCastsAndCase(String text, String expected) {
    assertEquals(expected, tree(text));
  }

  @Test
  void castIsUserSpecifiedAndAnsi() {
    assertEquals(new Cast(column("a"), DataTypes.IntegerType, true, true), ExpressionParser.parse("CAST(a AS INT)"));
  }

  @Test
  void tryCastIsAUserSpecifiedNullOnErrorCast() {
    Cast parsed = (Cast) ExpressionParser.parse("TRY_CAST(a AS DECIMAL(5, 1))");
    assertEquals(Cast.tryCast(column("a"), DataTypes.createDecimalType(5, 1)), parsed);
    assertTrue(parsed.nullOnError());
    assertFalse(((Cast) ExpressionParser.parse("CAST(a AS INT)")).nullOnError());
    assertEquals("try_cast('a as int)", tree("try_cast(a AS int)"));
    assertEquals("(try_cast('a as int) + 1)", tree("try_cast(a as INT) + 1"));
    assertEquals("TRY_CAST(1 AS TINYINT)", ExpressionParser.parse("try_cast(1 AS tinyint)").sql());
  }

  @Test
  void countStarHasAStarArgument() {
    assertEquals(new UnresolvedFunction("count", List.of(new UnresolvedStar()), false),
        ExpressionParser.parse("count(*)"));
    assertEquals(new UnresolvedStar(), ExpressionParser.parse("*"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "a.b.c          | a.b.c",
    "`my col`       | my col",
    "`a``b`         | a`b",
    "`a``b`.c       | a`b.c",
    "`a.b`          | `a.b`",
    "`a.b`.c        | `a.b`.c",
    "a.`b c`        | a.b c",
    "t.1col         | t.1col",
    "select         | select",
    "date           | date",
    "timestamp      | timestamp",
    "case           | case",
    "not            | not",
    "1a             | 1a",
    "0x10           | 0x10",
    "1e             | 1e",
    "_x1            | _x1",
    "`café`         | café",
  })
  void namesKeepTheirParts(String text, String name) {
    assertEquals(column(name), ExpressionParser.parse(text));
  }

  @Test
  void keywordsAreNamesWhereTheyCannotBeOperators() {
    assertEquals("('date > 1)", tree("date > 1"));
    assertEquals("(('a = 1) OR 'or)", tree("a = 1 or or"));
    assertEquals("('a = 'select)", tree("a = select"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "a as b                   | 'a                      | b",
    "a b                      | 'a                      | b",
    "a.b as `x y`             | 'a.b                    | x y",
    "1 + 2 as sum             | (1 + 2)                 | sum",
    "age > 26 AND             | ('age > 26)             | AND",
    "a or b or                | ('a OR 'b)              | or",
    "a is                     | 'a                      | is",
    "a between                | 'a                      | between",
    "a not                    | 'a                      | not",
    "case when a then 1 end end | 'when('a, 1)         | end",
  })
  void aliasesIncludingTrailingKeywordsAsSparkReadsThem(String text, String child, String name) {
    Alias alias = assertInstanceOf(Alias.class, ExpressionParser.parse(text));
    assertEquals(child, alias.child().toString());
    assertEquals(name, alias.name());
  }

  @Test
  void commentsAndWhiteSpaceAreSkipped() {
    assertEquals("('a + 1)", tree("/* x */ a /* y /* nested */ z */ +\n\t1 -- trailing"));
    assertEquals("1", tree("1--1"));
    assertEquals("(('age > 1) AND 'b)", tree("age > 1 -- comment\n and b"));
  }

  @Test
  void nullTrueAndFalseAreLiteralsInAnyCase() {
    assertEquals(Literal.nullOf(DataTypes.NullType), ExpressionParser.parse("NuLl"));
    assertEquals(Literal.TRUE, ExpressionParser.parse("True"));
    assertEquals(Literal.FALSE, ExpressionParser.parse("FALSE"));
  }

  @Test
  void parsedTreesAreUnresolved() {
    Expression parsed = ExpressionParser.parse("a > 1 AND b IS NOT NULL");
    assertFalse(parsed.resolved());
    Or or = assertInstanceOf(Or.class, ExpressionParser.parse("a OR b"));
    assertEquals(column("b"), or.right());
    Not not = assertInstanceOf(Not.class, ExpressionParser.parse("a <> 1"));
    assertTrue(not.child() instanceof Comparison comparison && comparison.operator() == ComparisonOperator.EQUAL_TO);
    And and = assertInstanceOf(And.class, parsed);
    assertEquals(new IsNotNull(column("b")), and.right());
    assertEquals(new BinaryArithmetic(ArithmeticOperator.DIVIDE, column("a"), column("b")),
        ExpressionParser.parse("a / b"));
  }

  @Test
  void dataTypesByName() {
    assertEquals(DataTypes.IntegerType, ExpressionParser.parseDataType("INT"));
    assertEquals(DataTypes.LongType, ExpressionParser.parseDataType("bigint"));
    assertEquals(DataTypes.createDecimalType(10, 2), ExpressionParser.parseDataType("decimal(10, 2)"));
    assertEquals(DataTypes.createDecimalType(10, 0), ExpressionParser.parseDataType("DECIMAL"));
    assertEquals(DataTypes.createDecimalType(5, 0), ExpressionParser.parseDataType("numeric(5)"));
    assertEquals(DataTypes.StringType, ExpressionParser.parseDataType("varchar(10)"));
    assertEquals(DataTypes.TimestampType, ExpressionParser.parseDataType("timestamp_ltz"));
    assertEquals(DataTypes.DateType, ExpressionParser.parseDataType(" date "));
  }
}
