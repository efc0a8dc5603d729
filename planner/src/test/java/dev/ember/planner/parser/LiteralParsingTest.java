package dev.ember.planner.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Literal values and types; every expectation was observed with {@code SELECT <literal>} on Spark 4.2. */
class LiteralParsingTest {
  private static Literal literal(String text) {
    Expression parsed = ExpressionParser.parse(text);
    return (Literal) parsed;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "26                                        | int            | 26",
    "007                                       | int            | 7",
    "-2147483648                               | int            | -2147483648",
    "- 1                                       | int            | -1",
    "2147483648                                | bigint         | 2147483648",
    "-2147483649                               | bigint         | -2147483649",
    "-9223372036854775808                      | bigint         | -9223372036854775808",
    "9223372036854775808                       | decimal(19,0)  | 9223372036854775808",
    "-9223372036854775809                      | decimal(19,0)  | -9223372036854775809",
    "12345678901234567890123456789012345678    | decimal(38,0)  | 12345678901234567890123456789012345678",
    "26L                                       | bigint         | 26",
    "26S                                       | smallint       | 26",
    "26Y                                       | tinyint        | 26",
    "-128Y                                     | tinyint        | -128",
    "1.5                                       | decimal(2,1)   | 1.5",
    "-1.5                                      | decimal(2,1)   | -1.5",
    "1.50                                      | decimal(3,2)   | 1.50",
    ".5                                        | decimal(1,1)   | 0.5",
    "1.                                        | decimal(1,0)   | 1",
    "0.001                                     | decimal(3,3)   | 0.001",
    "0.0                                       | decimal(1,1)   | 0.0",
    "00.00                                     | decimal(2,2)   | 0.00",
    "-0.0                                      | decimal(1,1)   | 0.0",
    "1000000000000000000000.5                  | decimal(23,1)  | 1000000000000000000000.5",
    "1.5BD                                     | decimal(2,1)   | 1.5",
    "1.5E3BD                                   | decimal(4,0)   | 1500",
    "1.5E-3BD                                  | decimal(4,4)   | 0.0015",
    "1e10BD                                    | decimal(11,0)  | 10000000000",
    "1.5D                                      | double         | 1.5",
    "1e3                                       | double         | 1000.0",
    "1E-3                                      | double         | 0.001",
    "1.5e3                                     | double         | 1500.0",
    ".5e1                                      | double         | 5.0",
    "5.e1                                      | double         | 50.0",
    "1.e3                                      | double         | 1000.0",
    "1.0E10                                    | double         | 1.0E10",
    "1e-400                                    | double         | 0.0",
    "1e40D                                     | double         | 1.0E40",
    "1.5F                                      | float          | 1.5",
    "1.5f                                      | float          | 1.5",
  })
  void numbersAreTypedAsInSpark(String text, String type, String value) {
    Literal literal = literal(text);
    assertEquals(type, literal.dataType().simpleString());
    assertEquals(value, literal.toString());
  }

  @Test
  void decimalValuesKeepTheirScale() {
    assertEquals(new BigDecimal("1.50"), literal("1.50").value());
    assertEquals(new Literal(new BigDecimal("1500"), DataTypes.createDecimalType(4, 0)), literal("1.5E3BD"));
  }

  @Test
  void minusBeforeAnythingButANumberIsUnaryMinus() {
    assertEquals(UnaryMinus.operator(Literal.fromJava(-1)), ExpressionParser.parse("- -1"));
    assertEquals(UnaryMinus.operator(Literal.fromJava(1)), ExpressionParser.parse("-(1)"));
    assertEquals(UnaryMinus.operator(Literal.fromJava("a")), ExpressionParser.parse("-'a'"));
  }

  /** Spark 4.2 names the operator {@code (- x)} and the function (and the API's negate) {@code negative(x)}. */
  @Test
  void theMinusOperatorIsNamedLikeSparksAndTheFunctionKeepsItsName() {
    assertEquals("(- 1)", ExpressionParser.parse("-(1)").sql());
    assertEquals("negative(1)", new UnaryMinus(Literal.fromJava(1)).sql());
    assertEquals("(- 2)", UnaryMinus.operator(Literal.fromJava(1)).withNewChildren(
        java.util.List.of(Literal.fromJava(2))).sql());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "'it''s'                  | it's",
    "\"dq \"\" x\"            | dq \" x",
    "'sq \"\" x'              | sq \"\" x",
    "\"it''s\"                | it''s",
    "'a\\tb'                  | a\tb",
    "'\\'quoted\\''           | 'quoted'",
    "'c\\\\d'                 | c\\d",
    "'\\u0041\\101'           | AA",
    "'caf\\u00e9'             | café",
    "'\\u00e'                 | u00e",
    "'\\x\\z'                 | xz",
    "'\\%\\_'                 | \\%\\_",
    "'a' 'b' \"c\"            | abc",
    "r'a\\n'                  | a\\n",
    "R\"\\d+\"                | \\d+",
    "''                       | ''",
  })
  void stringsAreUnescapedAsInSpark(String text, String expected) {
    assertEquals(expected.equals("''") ? "" : expected, literal(text).value());
  }

  @Test
  void controlCharacterEscapes() {
    assertEquals("\u0000", literal("'\\0'").value());
    assertEquals("\u00008", literal("'\\08'").value());
    assertEquals("\u001A", literal("'\\Z'").value());
    assertEquals("a\bc", literal("'a\\bc'").value());
    assertEquals("\r\n", literal("'\\r\\n'").value());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "DATE '2024-01-15'           | 2024-01-15",
    "date '2024-1-5'             | 2024-01-05",
    "DATE '2024'                 | 2024-01-01",
    "DATE '2024-03'              | 2024-03-01",
    "DATE '2024-01-15 10:00'     | 2024-01-15",
    "DATE '2024-01-15T10:00'     | 2024-01-15",
    "date'2024-01-01'            | 2024-01-01",
    "DATE \"1969-12-31\"         | 1969-12-31",
  })
  void dateLiteralsHoldDaysSinceTheEpoch(String text, String date) {
    assertEquals(new Literal((int) LocalDate.parse(date).toEpochDay(), DataTypes.DateType), literal(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "TIMESTAMP '2024-01-15 10:20:30'           | 2024-01-15T10:20:30Z",
    "TIMESTAMP '2024-01-15 10:20:30.123456'    | 2024-01-15T10:20:30.123456Z",
    "TIMESTAMP '2024-01-15 10:20:30.123456789' | 2024-01-15T10:20:30.123456Z",
    "TIMESTAMP '2024-01-15T10:20:30Z'          | 2024-01-15T10:20:30Z",
    "TIMESTAMP '2024-01-15'                    | 2024-01-15T00:00:00Z",
    "TIMESTAMP '2024-01-15 10:20:30+02:00'     | 2024-01-15T08:20:30Z",
    "TIMESTAMP '2024-01-15 10:20:30 UTC'       | 2024-01-15T10:20:30Z",
    "TIMESTAMP '2024-07-01 12:00:00 Europe/Paris' | 2024-07-01T10:00:00Z",
    "TIMESTAMP '2024-07-01 12:00:00Europe/Paris'  | 2024-07-01T10:00:00Z",
    "TIMESTAMP '2024-01-15 10:20:30 +0200'     | 2024-01-15T08:20:30Z",
    "TIMESTAMP '2024-01-15 10'                 | 2024-01-15T10:00:00Z",
    "TIMESTAMP '1969-12-31 23:59:59.5'         | 1969-12-31T23:59:59.5Z",
    "timestamp_ltz '2024-01-01 00:00:00'       | 2024-01-01T00:00:00Z",
  })
  void timestampLiteralsHoldMicrosecondsSinceTheEpochReadInUtc(String text, String instant) {
    ZonedDateTime expected = ZonedDateTime.parse(instant);
    long micros = ChronoUnit.MICROS.between(ZonedDateTime.parse("1970-01-01T00:00:00Z"), expected);
    assertEquals(new Literal(micros, DataTypes.TimestampType), literal(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "TIMESTAMP_NTZ '2024-01-15 10:20:30'            | 2024-01-15T10:20:30",
    "timestamp_ntz '2024-01-15 10:20:30.123456789'  | 2024-01-15T10:20:30.123456",
    "TIMESTAMP_NTZ '2024-01-15 10:20:30+02:00'      | 2024-01-15T10:20:30",
    "TIMESTAMP_NTZ '2024-07-01 12:00:00 Europe/Paris' | 2024-07-01T12:00",
    "TIMESTAMP_NTZ '2024-01-15'                     | 2024-01-15T00:00",
    "TIMESTAMP_NTZ '1969-12-31 23:59:59.5'          | 1969-12-31T23:59:59.5",
  })
  void wallClockLiteralsIgnoreAnyZone(String text, String wallClock) {
    long micros = ChronoUnit.MICROS.between(java.time.LocalDateTime.of(1970, 1, 1, 0, 0),
        java.time.LocalDateTime.parse(wallClock));
    Literal parsed = literal(text);
    assertEquals(new Literal(micros, DataTypes.TimestampNTZType), parsed);
    assertEquals("TIMESTAMP_NTZ '" + wallClock.replace('T', ' ') + (wallClock.length() == 16 ? ":00" : "") + "'",
        parsed.sql());
  }

  @Test
  void binaryLiteralsPadAnOddDigitCountWithALeadingZero() {
    assertArrayEquals(new byte[] {(byte) 0xAB}, (byte[]) literal("X'AB'").value());
    assertArrayEquals(new byte[] {0x0A, (byte) 0xBC}, (byte[]) literal("X'ABC'").value());
    assertArrayEquals(new byte[0], (byte[]) literal("X''").value());
    assertEquals(literal("x'0a'"), literal("X'0A'"));
    assertEquals(DataTypes.BinaryType, literal("X'00'").dataType());
  }
}
