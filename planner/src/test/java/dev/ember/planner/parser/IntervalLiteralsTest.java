package dev.ember.planner.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.planner.expressions.Literal;
import dev.ember.sql.catalyst.parser.ParseException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** INTERVAL and TIMESTAMP literals: types, values and names observed with {@code SELECT <literal>} on Spark 4.2. */
class IntervalLiteralsTest {
  private static Literal literal(String text) {
    return (Literal) ExpressionParser.parse(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "INTERVAL '3' DAY                              | interval day              | 259200000000   | INTERVAL '3' DAY",
    "INTERVAL 3 DAYS                               | interval day              | 259200000000   | INTERVAL '3' DAY",
    "INTERVAL '1-2' YEAR TO MONTH                  | interval year to month    | 14             | INTERVAL '1-2' YEAR TO MONTH",
    "INTERVAL '3 04:05:06.789' DAY TO SECOND       | interval day to second    | 273906789000   | INTERVAL '3 04:05:06.789' DAY TO SECOND",
    "INTERVAL 1 YEAR 2 MONTHS                      | interval year to month    | 14             | INTERVAL '1-2' YEAR TO MONTH",
    "INTERVAL 1 DAY 2 HOURS                        | interval day to hour      | 93600000000    | INTERVAL '1 02' DAY TO HOUR",
    "INTERVAL '1' DAY '2' HOURS                    | interval day to hour      | 93600000000    | INTERVAL '1 02' DAY TO HOUR",
    "INTERVAL 1 DAY -2 HOURS                       | interval day to hour      | 79200000000    | INTERVAL '0 22' DAY TO HOUR",
    "INTERVAL '10.5' SECOND                        | interval second           | 10500000       | INTERVAL '10.5' SECOND",
    "INTERVAL 1.5 SECONDS 2 MILLISECONDS           | interval second           | 1502000        | INTERVAL '01.502' SECOND",
    "INTERVAL 3 MICROSECONDS                       | interval second           | 3              | INTERVAL '00.000003' SECOND",
    "INTERVAL 2 WEEKS                              | interval day              | 1209600000000  | INTERVAL '14' DAY",
    "INTERVAL '2' YEARS                            | interval year             | 24             | INTERVAL '2' YEAR",
    "INTERVAL '5' MONTH                            | interval month            | 5              | INTERVAL '5' MONTH",
    "INTERVAL 300 YEARS 200000000 MONTHS           | interval year to month    | 200003600      | INTERVAL '16666966-8' YEAR TO MONTH",
    "INTERVAL -'1-2' YEAR TO MONTH                 | interval year to month    | -14            | INTERVAL '-1-2' YEAR TO MONTH",
    "INTERVAL - '1' DAY                            | interval day              | -86400000000   | INTERVAL '-1' DAY",
    "INTERVAL '-3 04:05' DAY TO MINUTE             | interval day to minute    | -273900000000  | INTERVAL '-3 04:05' DAY TO MINUTE",
    "INTERVAL '100:00' HOUR TO MINUTE              | interval hour to minute   | 360000000000   | INTERVAL '100:00' HOUR TO MINUTE",
    "INTERVAL '05:06' MINUTE TO SECOND             | interval minute to second | 306000000      | INTERVAL '05:06' MINUTE TO SECOND",
    "INTERVAL '-0 00:00:00.000001' DAY TO SECOND   | interval day to second    | -1             | INTERVAL '-0 00:00:00.000001' DAY TO SECOND",
  })
  void intervalLiterals(String text, String type, String value, String sql) {
    Literal literal = literal(text);
    assertEquals(type, literal.dataType().simpleString());
    assertEquals(value, literal.value().toString());
    assertEquals(sql, literal.sql());
  }

  @Test
  void yearMonthAndDayTimeUnitsDoNotMix() {
    ParseException error = assertThrows(ParseException.class, () -> ExpressionParser.parse("INTERVAL 1 YEAR 2 DAYS"));
    assertTrue(error.getMessage().contains("Cannot mix year-month and day-time fields: INTERVAL 1 YEAR 2 DAYS."),
        error.getMessage());
  }

  @Test
  void malformedIntervalStringsNameTheProblem() {
    assertEquals("INVALID_INTERVAL_FORMAT.INTERVAL_PARSING",
        assertThrows(ParseException.class, () -> ExpressionParser.parse("INTERVAL '1-13' YEAR TO MONTH")).getCondition());
    ParseException unmatched = assertThrows(ParseException.class,
        () -> ExpressionParser.parse("INTERVAL '1 02:03:04' DAY TO HOUR"));
    assertEquals("INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE", unmatched.getCondition());
    assertTrue(unmatched.getMessage().contains("Interval string does not match day-time format of `[+|-]d h`, "
        + "`INTERVAL [+|-]'[+|-]d h' DAY TO HOUR` when cast to interval day to hour: 1 02:03:04."),
        unmatched.getMessage());
    assertTrue(unmatched.getMessage().contains("(line 1, position 10)") || unmatched.getMessage().contains("position 10"),
        unmatched.getMessage());
    ParseException fromTo = assertThrows(ParseException.class,
        () -> ExpressionParser.parse("INTERVAL '10' SECOND TO MINUTE"));
    assertEquals("INVALID_INTERVAL_FORMAT.UNSUPPORTED_FROM_TO_EXPRESSION", fromTo.getCondition());
    assertTrue(fromTo.getMessage().contains("Cannot support (interval '10' second to minute) expression."),
        fromTo.getMessage());
    SparkException fraction = assertThrows(SparkException.class, () -> ExpressionParser.parse("INTERVAL 1.5 DAYS"));
    assertEquals("[INVALID_INTERVAL_FORMAT.INVALID_FRACTION] Error parsing ' 1.5 DAYS' to interval. Please ensure that "
        + "the value provided is in a valid format for defining an interval. You can reference the documentation for "
        + "the correct format. days cannot have fractional part. SQLSTATE: 22006", fraction.getMessage());
    assertThrows(SparkException.class, () -> ExpressionParser.parse("INTERVAL 1.5 MILLISECONDS"));
  }

  @Test
  void timestampLiteralsAreReadAndNamedInTheSessionZone() {
    ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
    Literal local = (Literal) ExpressionParser.parse("TIMESTAMP '2024-01-15 10:20:30'", losAngeles);
    long expected = LocalDateTime.parse("2024-01-15T18:20:30").toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L;
    assertEquals(expected, local.value());
    assertEquals("TIMESTAMP '2024-01-15 10:20:30'", local.sql());
    Literal zoned = (Literal) ExpressionParser.parse("TIMESTAMP '2024-01-15 10:20:30Z'", losAngeles);
    assertEquals("TIMESTAMP '2024-01-15 02:20:30'", zoned.sql());
    assertEquals("TIMESTAMP '2024-02-29 12:34:56.789'", literal("TIMESTAMP '2024-02-29 12:34:56.789'").sql());
  }
}
