package dev.ember.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Values observed on Spark 4.2.0, with surrogate pairs where positions are counted. */
class StringFunctionsTest {
  private static final String CLEF = "héllo wörld ☃ 𝄞";

  @Test
  void lengthsCountCodePointsAndBytes() {
    assertEquals(15, StringFunctions.length(CLEF));
    assertEquals(22, StringFunctions.octet_length(CLEF));
    assertEquals(176, StringFunctions.bit_length(CLEF));
    assertEquals(2, StringFunctions.length(new byte[] {10, 11}));
  }

  @Test
  void substringFollowsSparkPositions() {
    assertEquals("bc", StringFunctions.substring("abc", 2, 3));
    assertEquals("ab", StringFunctions.substring("abc", -3, 2));
    assertEquals("ab", StringFunctions.substring("abc", 0, 2));
    assertEquals("𝄞", StringFunctions.substring(CLEF, -1, Integer.MAX_VALUE));
    assertEquals("ab", StringFunctions.substring("abc", Integer.MIN_VALUE, Integer.MAX_VALUE));
    assertEquals("", StringFunctions.substring("abc", Integer.MAX_VALUE, Integer.MAX_VALUE));
    assertEquals("", StringFunctions.substring("abc", 2, -1));
    assertArrayEquals(new byte[] {11, 12}, StringFunctions.substring(new byte[] {10, 11, 12}, 2, Integer.MAX_VALUE));
  }

  @Test
  void padsByCharactersAndCutsLongValues() {
    assertEquals("xyabc", StringFunctions.lpad("abc", 5, "xy"));
    assertEquals("abcxy", StringFunctions.rpad("abc", 5, "xy"));
    assertEquals("Hello", StringFunctions.lpad("Hello, World", 5, "xy"));
    assertEquals("abc", StringFunctions.lpad("abc", 5, ""));
    assertEquals("", StringFunctions.lpad("abc", -1, "x"));
    assertEquals("😀😀ÄÖÜ", StringFunctions.lpad("ÄÖÜ", 5, "😀"));
    assertArrayEquals(new byte[] {1, 1, 1, 10, 11}, StringFunctions.lpad(new byte[] {10, 11}, 5, new byte[] {1}));
  }

  @Test
  void trimsSpacesOrTheGivenCharacters() {
    assertEquals("padded", StringFunctions.trim(" padded "));
    assertEquals("\tx", StringFunctions.trim("\tx "));
    assertEquals(" ", StringFunctions.trimBoth("abc", "a "));
    assertEquals("bc", StringFunctions.btrim("abc", "a "));
    assertEquals("padded ", StringFunctions.ltrim(" padded "));
  }

  @Test
  void searchesCountCharactersFromOne() {
    assertEquals(3, StringFunctions.instr(CLEF, "l"));
    assertEquals(15, StringFunctions.instr(CLEF, "𝄞"));
    assertEquals(1, StringFunctions.instr("", ""));
    assertEquals(4, StringFunctions.locate("l", "Hello, World", 4));
    assertEquals(0, StringFunctions.locate("l", "Hello, World", 0));
    assertEquals(0, StringFunctions.locate("l", null, null));
    assertNull(StringFunctions.locate(null, "abc", 1));
    assertEquals(1, StringFunctions.locate("", "abc", 5));
    assertEquals(0, StringFunctions.locate("c", "abc", 4));
  }

  @Test
  void substringIndexCountsDelimitersFromEitherEnd() {
    assertEquals("Hel", StringFunctions.substring_index("Hello, World", "l", 2));
    assertEquals("d", StringFunctions.substring_index("Hello, World", "l", -1));
    assertEquals("", StringFunctions.substring_index("aaa", "aa", 1));
    assertEquals("", StringFunctions.substring_index("aaa", "aa", -1));
    assertEquals("a.b.c", StringFunctions.substring_index("a.b.c", ".", -5));
    assertEquals("", StringFunctions.substring_index("abc", "", 1));
  }

  @Test
  void rewritesByCharacters() {
    assertEquals("HeLL, WrLd", StringFunctions.translate("Hello, World", "lo", "L"));
    assertEquals("xxb", StringFunctions.translate("aab", "aa", "xy"));
    assertEquals("é😀c", StringFunctions.translate("abc", "ab", "é😀"));
    assertEquals("𝄞 ☃ dlröw olléh", StringFunctions.reverse(CLEF));
    assertEquals("Hello World  X-y", StringFunctions.initcap("hello wORLD  x-y"));
    assertEquals("ǅx Ss Fi", StringFunctions.initcap("ǆx ß ﬁ"));
    assertEquals("abc", StringFunctions.replace("abc", "", "x"));
    assertEquals("SS", StringFunctions.upper("ß"));
  }

  @Test
  void concatWsSkipsNullsAndRightLeftClamp() {
    assertEquals("abc,x", StringFunctions.concat_ws(",", new String[] {"abc", null, "x"}));
    assertNull(StringFunctions.concat_ws(null, new String[] {"abc"}));
    assertEquals("", StringFunctions.concat_ws(","));
    assertEquals(" 𝄞", StringFunctions.right(CLEF, 2));
    assertEquals("", StringFunctions.right("abc", -2));
    assertEquals("hé", StringFunctions.left(CLEF, 2));
    assertEquals("", StringFunctions.repeat("ab", -1));
    assertEquals("   ", StringFunctions.space(3));
  }

  @Test
  void binaryPredicatesCompareBytes() {
    byte[] value = {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF};
    assertTrue(StringFunctions.startswith(value, new byte[] {(byte) 0xDE}));
    assertTrue(StringFunctions.endswith(value, new byte[] {(byte) 0xBE, (byte) 0xEF}));
    assertTrue(StringFunctions.contains(value, new byte[] {(byte) 0xAD, (byte) 0xBE}));
    assertFalse(StringFunctions.contains(value, new byte[] {(byte) 0xEF, (byte) 0xDE}));
    assertTrue(StringFunctions.contains(value, new byte[0]));
  }
}
