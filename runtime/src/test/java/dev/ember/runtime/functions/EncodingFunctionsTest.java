package dev.ember.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected values were computed by Spark 4.2.0. */
class EncodingFunctionsTest {
  @Test
  void base64ChunksLinesAndUnbase64IsLenient() {
    assertEquals("AP8=", EncodingFunctions.base64(new byte[] {0, (byte) 0xff}));
    assertEquals("", EncodingFunctions.base64(new byte[0]));
    String hundred = EncodingFunctions.base64("x".repeat(100).getBytes(StandardCharsets.UTF_8));
    assertEquals(76, hundred.indexOf("\r\n"));
    assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), EncodingFunctions.unbase64("YW Jj"));
    assertArrayEquals("ab".getBytes(StandardCharsets.UTF_8), EncodingFunctions.unbase64("YWJ"));
    assertArrayEquals(new byte[] {'a'}, EncodingFunctions.unbase64("Y!Q=="));
    assertArrayEquals(new byte[0], EncodingFunctions.unbase64("!!!"));
    assertThrows(IllegalArgumentException.class, () -> EncodingFunctions.unbase64("Y"));
  }

  @Test
  void encodeAndDecodeWithSparksCharsets() {
    assertArrayEquals(new byte[] {(byte) 0xfe, (byte) 0xff, 0, (byte) 0xe9}, EncodingFunctions.encode("é", "UTF-16"));
    assertArrayEquals(new byte[] {(byte) 0xe9, 0}, EncodingFunctions.encode("é", "utf-16le"));
    assertArrayEquals(new byte[] {0, 0, 0, (byte) 0xe9}, EncodingFunctions.encode("é", "UTF-32"));
    assertEquals("é", EncodingFunctions.decode(new byte[] {(byte) 0xc3, (byte) 0xa9}, "utf-8"));
    assertEquals("", EncodingFunctions.decode(new byte[] {(byte) 0xff, (byte) 0xfe}, "UTF-16"));
    SparkException unknown = assertThrows(SparkException.class, () -> EncodingFunctions.encode("a", "utf8"));
    assertEquals("INVALID_PARAMETER_VALUE.CHARSET", unknown.getCondition());
    assertEquals("[INVALID_PARAMETER_VALUE.CHARSET] The value of parameter(s) `charset` in `encode` is invalid: "
        + "expects one of the iso-8859-1, us-ascii, utf-16, utf-16be, utf-16le, utf-32, utf-8, but got utf8. "
        + "SQLSTATE: 22023", unknown.getMessage());
    SparkException unmappable = assertThrows(SparkException.class, () -> EncodingFunctions.encode("中", "US-ASCII"));
    assertEquals("[MALFORMED_CHARACTER_CODING] Invalid value found when performing `encode` with US-ASCII "
        + "SQLSTATE: 22000", unmappable.getMessage());
    SparkException malformed = assertThrows(SparkException.class,
        () -> EncodingFunctions.decode(new byte[] {(byte) 0xff}, "utf-8"));
    assertEquals("MALFORMED_CHARACTER_CODING", malformed.getCondition());
  }

  @Test
  void asciiAndChr() {
    assertEquals(97, EncodingFunctions.ascii("abc"));
    assertEquals(0, EncodingFunctions.ascii(""));
    assertEquals(128512, EncodingFunctions.ascii("😀"));
    assertEquals("A", EncodingFunctions.chr(65));
    assertEquals("A", EncodingFunctions.chr(321));
    assertEquals("\u0000", EncodingFunctions.chr(256));
    assertEquals("", EncodingFunctions.chr(-1));
    assertEquals("\u00ff", EncodingFunctions.chr(Long.MAX_VALUE));
  }

  @Test
  void levenshteinCountsCodePoints() {
    assertEquals(3, StringSimilarityFunctions.levenshtein("kitten", "sitting"));
    assertEquals(3, StringSimilarityFunctions.levenshtein("", "abc"));
    assertEquals(2, StringSimilarityFunctions.levenshtein("é😀", "e"));
    assertEquals(-1, StringSimilarityFunctions.levenshtein("kitten", "sitting", 2));
    assertEquals(3, StringSimilarityFunctions.levenshtein("kitten", "sitting", 3));
    assertEquals(-1, StringSimilarityFunctions.levenshtein("abc", "abd", 0));
  }

  @Test
  void soundexAsSpark() {
    String[][] expected = {{"Robert", "R163"}, {"Rupert", "R163"}, {"", ""}, {"123", "123"}, {"Tymczak", "T522"},
        {"Pfister", "P236"}, {"Ashcraft", "A261"}, {"é", "é"}, {"a1b", "A100"}, {"lee", "L000"},
        {"Honeyman", "H555"}, {" Robert", " Robert"}, {"rOBERT", "R163"}, {"Ébc", "Ébc"}, {"bÉc", "B200"},
        {"Aa", "A000"}, {"BFPV", "B000"}, {"Hwhw", "H000"}, {"abc-def", "A123"}};
    for (String[] pair : expected) {
      assertEquals(pair[1], StringSimilarityFunctions.soundex(pair[0]), pair[0]);
    }
  }

  @Test
  void formatNumberRoundsHalfEven() {
    assertEquals("12,332.1235", FormatFunctions.format_number(new BigDecimal("12332.123456"), 4));
    assertEquals("12,332", FormatFunctions.format_number(new BigDecimal("12332.123456"), 0));
    assertEquals("-2", FormatFunctions.format_number(-1.5d, 0));
    assertEquals("2", FormatFunctions.format_number(2.5d, 0));
    assertEquals("100,000,000,000,000,000,000.00", FormatFunctions.format_number(1e20d, 2));
    assertEquals("NaN", FormatFunctions.format_number(Double.NaN, 2));
    assertEquals("-0.00", FormatFunctions.format_number(-0.0d, 2));
    assertEquals("0.5", FormatFunctions.format_number(0.5f, 1));
    assertNull(FormatFunctions.format_number(1L, -1));
    assertEquals("12,345,678,901,234,567,890.012",
        FormatFunctions.format_number(new BigDecimal("12345678901234567890.0123456789"), 3));
    assertEquals("12,332.12", FormatFunctions.format_number(new BigDecimal("12332.123456"), "##,###.##"));
    assertEquals("12,332", FormatFunctions.format_number(new BigDecimal("12332.123456"), ""));
  }
}
