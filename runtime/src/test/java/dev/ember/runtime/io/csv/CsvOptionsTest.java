package dev.ember.runtime.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvOptionsTest {
  @Test
  void defaultsAreSparks() {
    CsvOptions options = CsvOptions.defaults();
    assertFalse(options.header());
    assertFalse(options.inferSchema());
    assertEquals(",", options.delimiter());
    assertEquals('"', options.quote());
    assertEquals('\\', options.escape());
    assertEquals("", options.nullValue());
    assertEquals(CsvOptions.DISABLED, options.comment());
    assertEquals(CsvParseMode.PERMISSIVE, options.mode());
    assertEquals(StandardCharsets.UTF_8, options.charset());
    assertFalse(options.ignoreLeadingWhiteSpace());
    assertFalse(options.ignoreTrailingWhiteSpace());
    assertEquals("yyyy-MM-dd", options.dateFormat());
    assertFalse(options.hasDateFormat());
    assertEquals("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]", options.timestampFormat());
  }

  @Test
  void keysAndBooleanValuesAreCaseInsensitive() {
    CsvOptions options = CsvOptions.parse(Map.of("HEADER", "TRUE", "InferSchema", "True", "DELIMITER", ";",
        "Mode", "dropmalformed", "nullvalue", "NA", "Comment", "#", "CHARSET", "ISO-8859-1", "quote", ""));
    assertTrue(options.header());
    assertTrue(options.inferSchema());
    assertEquals(";", options.delimiter());
    assertEquals(CsvParseMode.DROPMALFORMED, options.mode());
    assertEquals("NA", options.nullValue());
    assertEquals('#', options.comment());
    assertEquals(StandardCharsets.ISO_8859_1, options.charset());
    assertEquals(CsvOptions.DISABLED, options.quote());
  }

  @Test
  void separatorEscapesAndUnknownModes() {
    assertEquals("\t", CsvOptions.parse(Map.of("sep", "\\t")).delimiter());
    assertEquals("||", CsvOptions.parse(Map.of("sep", "||")).delimiter());
    assertEquals("\u0001", CsvOptions.parse(Map.of("sep", "\\u0001")).delimiter());
    assertEquals(CsvParseMode.PERMISSIVE, CsvOptions.parse(Map.of("mode", "bogus")).mode());
  }

  @Test
  void invalidValuesNameTheOptionAndValue() {
    assertMessage(Map.of("header", "yes"), "header", "yes");
    assertMessage(Map.of("quote", "ab"), "quote", "ab");
    assertMessage(Map.of("comment", "ab"), "comment", "ab");
    assertMessage(Map.of("encoding", "nope"), "charset", "nope");
    assertMessage(Map.of("encoding", "latin1"), "charset", "latin1");
    assertMessage(Map.of("sep", ""), "sep", "");
  }

  private static void assertMessage(Map<String, String> options, String key, String value) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CsvOptions.parse(options));
    assertTrue(error.getMessage().contains(key) && error.getMessage().contains(value), error.getMessage());
  }
}
