package dev.ember.runtime.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvNumberParserTest {
  private final CsvNumberParser parser = new CsvNumberParser();

  private Long parseLong(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    long value = parser.parseLong(bytes, 0, bytes.length);
    return parser.failed() ? null : value;
  }

  private Double parseDouble(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    double value = parser.parseDouble(bytes, 0, bytes.length);
    return parser.failed() ? null : value;
  }

  @Test
  void longsMatchLongParseLong() {
    for (String text : new String[] {"0", "-0", "+7", "007", "123456789012345678", "-999999999999999999",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "", "-", "+", "1 ", " 1", "1.0", "12a", "99999999999999999999"}) {
      Long expected;
      try {
        expected = Long.parseLong(text);
      } catch (NumberFormatException e) {
        expected = null;
      }
      assertEquals(expected, parseLong(text), text);
    }
  }

  @Test
  void doublesMatchDoubleParseDoubleAndSparkSpecialValues() {
    for (String text : new String[] {"0", "-0", "1.5", "-1234.56", ".5", "5.", "0.1", "123456789012345",
        "1234567890123456789", "0.30000000000000004", "1e3", " 1.5", "1d", "Infinity", "-Infinity",
        "0.000000000000000000001"}) {
      assertEquals(Double.parseDouble(text), parseDouble(text), text);
    }
    assertTrue(Double.isNaN(parseDouble("NaN")));
    assertEquals(Double.POSITIVE_INFINITY, parseDouble("Inf"));
    assertEquals(Double.NEGATIVE_INFINITY, parseDouble("-Inf"));
    assertEquals(null, parseDouble("abc"));
    assertEquals(null, parseDouble("."));
    assertEquals(null, parseDouble(""));
    assertFalse(Double.valueOf(-0.0).equals(parseDouble("0")));
  }
}
