package dev.ember.planner.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.catalyst.parser.ParseException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Error conditions and messages, character for character as Spark 4.2 prints them for
 * {@code spark.range(1).filter(text)} or {@code CatalystSqlParser.parseExpression(text)}.
 */
class ParseErrorTest {
  private static ParseException failure(String text) {
    return assertThrows(ParseException.class, () -> ExpressionParser.parse(text));
  }

  private static String syntaxError(String near, String command, int line, int position, String caretBlock) {
    return "\n[PARSE_SYNTAX_ERROR] Syntax error at or near " + near + ". SQLSTATE: 42601 (line " + line + ", pos "
        + position + ")\n\n== SQL ==\n" + caretBlock;
  }

  @Test
  void missingOperandAtTheEnd() {
    ParseException error = failure("age >");
    assertEquals(syntaxError("end of input", "age >", 1, 5, "age >\n-----^^^\n"), error.getMessage());
    assertEquals("PARSE_SYNTAX_ERROR", error.getCondition());
    assertEquals(Map.of("error", "end of input", "hint", ""), error.getMessageParameters());
    assertEquals("42601", error.getSqlState());
    assertEquals(Optional.of(1), error.line());
    assertEquals(Optional.of(5), error.startPosition());
    assertEquals("age >", error.command());
  }

  @Test
  void isAnAnalysisExceptionAsInSpark() {
    AnalysisException error = assertThrows(AnalysisException.class, () -> ExpressionParser.parse("a = = 1"));
    assertEquals(syntaxError("'='", "a = = 1", 1, 4, "a = = 1\n----^^^\n"), error.getMessage());
    assertEquals(Map.of("error", "'='", "hint", ""), error.getMessageParameters());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "(age                    | end of input | 4",
    "age > 26)               | ')': extra input ')' | 8",
    "'abc                    | '''          | 0",
    "`abc                    | '`'          | 0",
    "age = 'unterminated     | '''          | 6",
    "age @ 2                 | '@'          | 4",
    "age === 2               | '='          | 6",
    "a && b                  | '&'          | 3",
    "count(                  | end of input | 6",
    "f(a,)                   | ')'          | 4",
    "f(a b)                  | 'b': extra input 'b' | 4",
    "age between 1           | end of input | 13",
    "age in (1,              | end of input | 10",
    "cast(a as int           | end of input | 13",
    "a.                      | end of input | 2",
    "a..b                    | '.'          | 2",
    "()                      | ')'          | 1",
    "1.5.6                   | '.6': extra input '.6' | 3",
    "1 'x'                   | ''x'': extra input ''x'' | 2",
    "X'0a' 'b'               | ''b'': extra input ''b'' | 6",
    "DATE '2024-01-01' 'y'   | ''y'': extra input ''y'' | 18",
    "a is 5                  | '5': extra input '5' | 5",
    "a not 5                 | '5': extra input '5' | 6",
    "a not null              | 'null': extra input 'null' | 6",
    "a in 1                  | '1': extra input '1' | 5",
    "a is null is null       | 'null': extra input 'null' | 13",
    "age > 26 as x y         | 'y': extra input 'y' | 14",
    "age > 26 and city = 'Paris' garbage more | 'more': extra input 'more' | 36",
    "---                     | end of input | 3",
    "1e+                     | end of input | 3",
  })
  void syntaxErrorsPointWhereSparkPoints(String text, String near, int position) {
    String caretBlock = text + "\n" + "-".repeat(position) + "^^^\n";
    assertEquals(syntaxError(near, text, 1, position, caretBlock), failure(text).getMessage());
  }

  @Test
  void multiLineTextPutsTheCaretsUnderTheFailingLine() {
    assertEquals(
        syntaxError("'='", "", 2, 6, "age > 1 and\n  b = = 2\n------^^^\n and c"),
        failure("age > 1 and\n  b = = 2\n and c").getMessage());
    assertEquals(syntaxError("end of input", "", 2, 0, "age >\n^^^\n"), failure("age >\n").getMessage());
    assertEquals(
        syntaxError("end of input", "", 2, 11, "(age > 1\n  and b = 2\n-----------^^^\n"),
        failure("(age > 1\n  and b = 2").getMessage());
    assertEquals(
        syntaxError("')': extra input ')'", "", 2, 5, "age\n > 1 )\n-----^^^\n"),
        failure("age\n > 1 )\n").getMessage());
  }

  @Test
  void emptyText() {
    ParseException empty = failure("");
    assertEquals("PARSE_EMPTY_STATEMENT", empty.getCondition());
    assertEquals("\n[PARSE_EMPTY_STATEMENT] Syntax error, unexpected empty statement. SQLSTATE: 42617 (line 1, pos 0)"
        + "\n\n== SQL ==\n\n^^^\n", empty.getMessage());
    assertEquals("\n[PARSE_EMPTY_STATEMENT] Syntax error, unexpected empty statement. SQLSTATE: 42617 (line 1, pos 1)"
        + "\n\n== SQL ==\n \n-^^^\n", failure(" ").getMessage());
  }

  @Test
  void unclosedComment() {
    assertEquals("\n[UNCLOSED_BRACKETED_COMMENT] Found an unclosed bracketed comment. Please, append */ at the end of"
        + " the comment. SQLSTATE: 42601\n== SQL ==\nage > 1 /* unterminated",
        failure("age > 1 /* unterminated").getMessage());
  }

  @Test
  void emptyInList() {
    ParseException error = failure("age in ()");
    assertEquals("INVALID_SQL_SYNTAX.EMPTY_IN_PREDICATE", error.getCondition());
    assertEquals("\n[INVALID_SQL_SYNTAX.EMPTY_IN_PREDICATE] Invalid SQL syntax: IN predicate requires at least one"
        + " value. Empty IN clauses like 'IN ()' are not allowed. Consider using 'WHERE FALSE' if you need an"
        + " always-false condition, or provide at least one value in the IN list. SQLSTATE: 42000\n"
        + "== SQL (line 1, position 5) ==\nage in ()\n    ^^^^^\n", error.getMessage());
  }

  @Test
  void invalidTypedLiterals() {
    assertEquals("\n[INVALID_TYPED_LITERAL] The value of the typed literal \"X\" is invalid: 'zz'. SQLSTATE: 42604\n"
        + "== SQL (line 1, position 1) ==\nx'zz'\n^^^^^\n", failure("x'zz'").getMessage());
    assertEquals("\n[INVALID_TYPED_LITERAL] The value of the typed literal \"DATE\" is invalid: 'nope'. SQLSTATE: 42604\n"
        + "== SQL (line 1, position 1) ==\ndate 'nope'\n^^^^^^^^^^^\n", failure("date 'nope'").getMessage());
    ParseException february = failure("DATE '2024-02-30'");
    assertEquals(Map.of("valueType", "\"DATE\"", "value", "'2024-02-30'"), february.getMessageParameters());
    assertEquals("INVALID_TYPED_LITERAL", failure("TIMESTAMP '2024-01-15 25:00:00'").getCondition());
    assertEquals("INVALID_TYPED_LITERAL", failure("TIMESTAMP '2024-07-01 12:00 UTC'").getCondition());
    assertEquals("INVALID_TYPED_LITERAL", failure("TIMESTAMP '2024-07-01 12:00Z'").getCondition());
  }

  @Test
  void unsupportedTypedLiteral() {
    assertEquals("\n[UNSUPPORTED_TYPED_LITERAL] Literals of the type \"FOO\" are not supported. Supported types are"
        + " \"DATE\", \"TIMESTAMP_NTZ\", \"TIMESTAMP_LTZ\", \"TIMESTAMP\", \"INTERVAL\", \"X\", \"TIME\". SQLSTATE:"
        + " 0A000\n== SQL (line 1, position 1) ==\nfoo 'bar'\n^^^^^^^^^\n", failure("foo 'bar'").getMessage());
  }

  @Test
  void unsupportedDataTypeInCast() {
    ParseException error = failure("cast(age as foo)");
    assertEquals("\n[UNSUPPORTED_DATATYPE] Unsupported data type \"FOO\". SQLSTATE: 0A000\n"
        + "== SQL (line 1, position 13) ==\ncast(age as foo)\n            ^^^\n", error.getMessage());
    assertEquals(Map.of("typeName", "\"FOO\""), error.getMessageParameters());
    assertEquals("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", failure("cast(a as decimal(40, 0))").getCondition());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "128Y          | 128         | tinyint  | -128                    | 127                    | ^^^^",
    "-129Y         | -129        | tinyint  | -128                    | 127                    | ^^^^^",
    "40000S        | 40000       | smallint | -32768                  | 32767                  | ^^^^^^",
    "9223372036854775808L | 9223372036854775808 | bigint | -9223372036854775808 | 9223372036854775807 | ^^^^^^^^^^^^^^^^^^^^",
    "1e40F         | 1e40        | float    | -3.4028234663852886E+38 | 3.4028234663852886E+38 | ^^^^^",
    "3.5e38F       | 3.5e38      | float    | -3.4028234663852886E+38 | 3.4028234663852886E+38 | ^^^^^^^",
    "1.5e400       | 1.5e400     | double   | -1.7976931348623157E+308 | 1.7976931348623157E+308 | ^^^^^^^",
    "1e400D        | 1e400       | double   | -1.7976931348623157E+308 | 1.7976931348623157E+308 | ^^^^^^",
  })
  void numbersOutOfTheirTypesRange(String text, String number, String type, String min, String max, String carets) {
    ParseException error = failure(text);
    assertEquals("\n[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal " + number + " is outside the valid range for "
        + type + " with minimum value of " + min + " and maximum value of " + max + ". Please adjust the value"
        + " accordingly. SQLSTATE: 22003\n== SQL (line 1, position 1) ==\n" + text + "\n" + carets + "\n",
        error.getMessage());
    assertEquals(Map.of("rawStrippedQualifier", number, "minValue", min, "maxValue", max, "typeName", type),
        error.getMessageParameters());
  }

  @Test
  void tooManyDigitsForADecimal() {
    ParseException error = failure("123456789012345678901234567890123456789");
    assertEquals("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", error.getCondition());
    assertEquals(Map.of("precision", "39", "maxPrecision", "38"), error.getMessageParameters());
  }

  @Test
  void sparkFeaturesNotYetSupportedSayWhat() {
    assertEquals("UNSUPPORTED_FEATURE", failure("a like any ('a', 'b')").getCondition());
    assertEquals("UNSUPPORTED_FEATURE", failure("a in (select 1)").getCondition());
    assertEquals("UNSUPPORTED_FEATURE", failure("count(*) filter (where a > 1)").getCondition());
    assertEquals("UNSUPPORTED_FEATURE", failure("(a, b)").getCondition());
    assertEquals("UNSUPPORTED_FEATURE", failure("TIME '10:00:00'").getCondition());
    assertEquals("\n[UNSUPPORTED_FEATURE] The feature is not supported: struct constructors ((a, b, ...)) (Ember's"
        + " expression parser does not support it yet). SQLSTATE: 0A000\n== SQL (line 1, position 1) ==\n(a, b)\n^^\n",
        failure("(a, b)").getMessage());
  }

  @Test
  void unquotedNamesMustBeAscii() {
    ParseException error = failure("a = café");
    assertEquals("\n[INVALID_IDENTIFIER] The unquoted identifier café is invalid and must be back quoted as: `café`.\n"
        + "Unquoted identifiers can only contain ASCII letters ('a' - 'z', 'A' - 'Z'), digits ('0' - '9'), and underbar"
        + " ('_').\nUnquoted identifiers must also not start with a digit.\nDifferent data sources and meta stores may"
        + " impose additional restrictions on valid identifiers. SQLSTATE: 42602 (line 1, pos 4)\n\n== SQL ==\n"
        + "a = café\n----^^^\n", error.getMessage());
  }

  @Test
  void decimalScaleAbovePrecisionIsSparksLegacyError() {
    ParseException error = failure("cast(a as decimal(5,6))");
    assertEquals("_LEGACY_ERROR_TEMP_1228", error.getCondition());
    assertEquals("\nDecimal scale (6) cannot be greater than precision (5).\n== SQL ==\ncast(a as decimal(5,6))",
        error.getMessage());
  }

  @Test
  void dataTypeErrors() {
    ParseException unknown = assertThrows(ParseException.class, () -> ExpressionParser.parseDataType("foo"));
    assertEquals("UNSUPPORTED_DATATYPE", unknown.getCondition());
    assertThrows(ParseException.class, () -> ExpressionParser.parseDataType("array<int>"));
    assertThrows(ParseException.class, () -> ExpressionParser.parseDataType("int int"));
  }
}
