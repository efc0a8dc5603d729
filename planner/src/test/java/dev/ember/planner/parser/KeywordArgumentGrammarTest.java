package dev.ember.planner.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.sql.catalyst.parser.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * POSITION, TRIM, SUBSTRING and OVERLAY with keyword-separated arguments, read as the calls Spark
 * 4.2's parser builds for them (printed by {@code CatalystSqlParser.parseExpression}).
 */
class KeywordArgumentGrammarTest {
  private static String tree(String text) {
    return ExpressionParser.parse(text).toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "position('hi' IN str)                  | 'locate(hi, 'str)",
    "POSITION(1 + 2 IN b)                   | 'locate((1 + 2), 'b)",
    "position(a IN (b)) + 1                 | ('locate('a, 'b) + 1)",
    "position(a, b)                         | 'position('a, 'b)",
    "position('a')                          | 'position(a)",
    "trim(BOTH 'x' FROM s)                  | 'trim(x, 's)",
    "trim(both 'x' from s)                  | 'trim(x, 's)",
    "trim(LEADING 'x' FROM s)               | 'ltrim(x, 's)",
    "trim(TRAILING 'x' FROM s)              | 'rtrim(x, 's)",
    "trim('x' FROM s)                       | 'trim(x, 's)",
    "trim(FROM s)                           | 'trim('s)",
    "trim(BOTH FROM s)                      | 'trim('s)",
    "trim(LEADING FROM s)                   | 'ltrim('s)",
    "trim(s)                                | 'trim('s)",
    "trim(both)                             | 'trim('both)",
    "trim(both, x)                          | 'trim('both, 'x)",
    "trim(from)                             | 'trim('from)",
    "trim(a, b, c)                          | 'trim('a, 'b, 'c)",
    "substring(w FROM 2 FOR 3)              | 'substring('w, 2, 3)",
    "substring(w FROM 2)                    | 'substring('w, 2)",
    "substr(w FROM 2 FOR 3)                 | 'substring('w, 2, 3)",
    "substr(w, 2 FOR 3)                     | 'substring('w, 2, 3)",
    "substring(w FROM 2, 3)                 | 'substring('w, 2, 3)",
    "substr(w, 2, 3)                        | 'substr('w, 2, 3)",
    "substring(w)                           | 'substring('w)",
    "substr(w, 1, 2, 3)                     | 'substr('w, 1, 2, 3)",
    "overlay(w PLACING 'ZZ' FROM 2 FOR 3)   | 'overlay('w, ZZ, 2, 3)",
    "overlay(w PLACING 'ZZ' FROM 2)         | 'overlay('w, ZZ, 2)",
    "overlay(w, 'ZZ', 2)                    | 'overlay('w, ZZ, 2)",
  })
  void keywordsSeparateTheArguments(String text, String expected) {
    assertEquals(expected, tree(text));
  }

  @Test
  void trimCharactersAreAValueExpression() {
    assertEquals("'ltrim('concat(a, b), 's)", tree("trim(LEADING 'a' || 'b' FROM s)"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "position('a' IN)                  | ')'  | 15",
    "position('a' IN b, 3)             | ',' | 17",
    "trim(BOTH FROM)                   | ')'  | 14",
    "trim(BOTH 'x' s)                  | 's'  | 14",
    "trim(s FROM)                      | ')'  | 11",
    "substring(s FROM 1 FOR)           | ')'  | 22",
    "overlay(s PLACING 'a')            | ')'  | 21",
    "overlay(a PLACING b FROM 1, 2)    | ','  | 26",
  })
  void malformedCallsFailWhereSparkFails(String text, String near, int position) {
    ParseException error = assertThrows(ParseException.class, () -> ExpressionParser.parse(text));
    assertEquals("\n[PARSE_SYNTAX_ERROR] Syntax error at or near " + near + ". SQLSTATE: 42601 (line 1, pos "
        + position + ")\n\n== SQL ==\n" + text + "\n" + "-".repeat(position) + "^^^\n", error.getMessage());
  }
}
