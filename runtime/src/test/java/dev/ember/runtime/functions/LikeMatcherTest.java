package dev.ember.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.runtime.memory.Allocators;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LikeMatcher on heap bytes and on Arrow memory, against the regular expression RegexFunctions.like
 * matches with (Spark's meaning of LIKE) and against hand-checked answers.
 */
class LikeMatcherTest {
  private static final List<String> VALUES = List.of("", "a", "aa", "aaa", "aaaa", "ab", "abb", "abc", "ba", "b",
      "Hello, World", "héllo wörld ☃ 𝄞", "ÄÖÜ", "%", "_", "\\", "a%b", "a_b", "a\\b", "line\nbreak",
      "special requests", "xx special yy requests zz", "requests special", "𝄞", "𝄞𝄞", "é");
  private static final List<String> PATTERNS = List.of("", "%", "%%", "%%%", "a", "a%", "%a", "%a%", "ab%b", "a%b",
      "%aa%aa%", "%aa%", "aa%aa", "a%a%a", "_", "__", "_%", "%_", "a_", "_b%", "h_llo%", "%☃%", "%𝄞", "𝄞", "_𝄞",
      "\\%", "a\\%b", "a\\_b", "a\\\\b", "%\\\\", "%special%requests%", "%requests%special%", "%ö%☃%",
      "line%break", "%l%l%", "%ll%ll%", "ÄÖÜ", "Ä%Ü", "é%", "%é");

  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  @Test
  void everyPatternAgreesWithTheRegularExpression() {
    for (String pattern : PATTERNS) {
      LikeMatcher matcher = LikeMatcher.like(pattern);
      for (String value : VALUES) {
        boolean expected = RegexFunctions.like(RegexFunctions.likeCache(0), value, pattern);
        assertEquals(expected, matchesOnHeap(matcher, value), () -> "'" + value + "' LIKE '" + pattern + "'");
        assertEquals(expected, matchesInArrowMemory(matcher, value),
            () -> "'" + value + "' LIKE '" + pattern + "' in Arrow memory");
      }
    }
  }

  /**
   * Random values (up to 40 bytes, so the eight-bytes-at-a-time search runs and ends mid-word) and
   * random patterns over a small alphabet, where segments recur and overlap often.
   */
  @Test
  void randomPatternsAgreeWithTheRegularExpression() {
    java.util.Random random = new java.util.Random(20261124);
    String valueAlphabet = "aab%é";
    String patternAlphabet = "aab%%é";
    for (int round = 0; round < 3000; round++) {
      String value = randomText(random, valueAlphabet, random.nextInt(40));
      String pattern = randomText(random, patternAlphabet, random.nextInt(9));
      LikeMatcher matcher = LikeMatcher.like(pattern);
      boolean expected = RegexFunctions.like(RegexFunctions.likeCache(0), value, pattern);
      assertEquals(expected, matchesOnHeap(matcher, value), () -> "'" + value + "' LIKE '" + pattern + "'");
      assertEquals(expected, matchesInArrowMemory(matcher, value),
          () -> "'" + value + "' LIKE '" + pattern + "' in Arrow memory");
    }
  }

  private static String randomText(java.util.Random random, String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  @Test
  void overlappingPrefixAndSuffixDoNotShareBytes() {
    assertFalse(matches("ab%b", "ab"));
    assertTrue(matches("ab%b", "abb"));
    assertFalse(matches("%aa%aa%", "aaa"));
    assertTrue(matches("%aa%aa%", "aaaa"));
    assertFalse(matches("aa%aa", "aaa"));
    assertFalse(matches("a%a%a", "aa"));
    assertTrue(matches("a%a%a", "aaa"));
  }

  @Test
  void emptyPatternAndRunsOfPercent() {
    assertTrue(matches("", ""));
    assertFalse(matches("", "a"));
    for (String pattern : List.of("%", "%%", "%%%")) {
      assertTrue(matches(pattern, ""));
      assertTrue(matches(pattern, "anything at all\n"));
    }
  }

  @Test
  void middleSegmentsAreFoundInOrder() {
    assertTrue(matches("%special%requests%", "xx special yy requests zz"));
    assertFalse(matches("%special%requests%", "requests special"));
    assertFalse(matches("%special%requests%", "special"));
    assertTrue(matches("%special%requests%", "specialrequests"));
  }

  @Test
  void escapedWildcardsAndEscapeAreLiteral() {
    assertTrue(matches("a\\%b", "a%b"));
    assertFalse(matches("a\\%b", "axb"));
    assertTrue(matches("a\\_b", "a_b"));
    assertFalse(matches("a\\_b", "axb"));
    assertTrue(matches("a\\\\b", "a\\b"));
    assertTrue(LikeMatcher.like("a/%%", "/").matches(utf8("a%bc")));
    assertFalse(LikeMatcher.like("a/%%", "/").matches(utf8("abc")));
    assertTrue(LikeMatcher.like("a//", "/").matches(utf8("a/")));
  }

  @Test
  void underscoreIsOneCharacterOfAnyLength() {
    assertTrue(matches("_", "é"));
    assertTrue(matches("_", "𝄞"));
    assertFalse(matches("__", "𝄞"));
    assertTrue(matches("h_llo%", "héllo wörld"));
    assertTrue(matches("_𝄞", "𝄞𝄞"));
    assertFalse(matches("_", ""));
  }

  @Test
  void valuesShorterThanThePatternDoNotMatch() {
    assertFalse(matches("abc", "ab"));
    assertFalse(matches("abc%", "ab"));
    assertFalse(matches("%abc", "bc"));
    assertFalse(matches("a%bc%d", "abcd".substring(0, 3)));
  }

  @Test
  void misusedEscapeGivesTheErrorsOfRegexFunctions() {
    assertEquals("INVALID_FORMAT.ESC_AT_THE_END",
        assertThrows(SparkException.class, () -> LikeMatcher.like("%\\")).getCondition());
    assertEquals("INVALID_FORMAT.ESC_IN_THE_MIDDLE",
        assertThrows(SparkException.class, () -> LikeMatcher.like("a\\b")).getCondition());
    assertEquals("INVALID_FORMAT.ESC_IN_THE_MIDDLE",
        assertThrows(SparkException.class, () -> LikeMatcher.like("a_\\b")).getCondition());
    assertEquals("INVALID_ESCAPE_CHAR",
        assertThrows(SparkException.class, () -> LikeMatcher.like("a", "ab")).getCondition());
    SparkException matcherError = assertThrows(SparkException.class, () -> LikeMatcher.like("a\\b"));
    SparkException regexError = assertThrows(SparkException.class,
        () -> RegexFunctions.like(RegexFunctions.likeCache(0), "x", "a\\b"));
    assertEquals(regexError.getMessage(), matcherError.getMessage());
  }

  @Test
  void startsEndsAndContainsOnBytes() {
    byte[] value = {0x0A, 0x0B, (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF};
    assertTrue(LikeMatcher.startsWith(new byte[] {0x0A, 0x0B}).matches(value));
    assertFalse(LikeMatcher.startsWith(new byte[] {0x0B}).matches(value));
    assertTrue(LikeMatcher.startsWith(new byte[0]).matches(new byte[0]));
    assertTrue(LikeMatcher.endsWith(new byte[] {(byte) 0xBE, (byte) 0xEF}).matches(value));
    assertFalse(LikeMatcher.endsWith(value).matches(new byte[] {(byte) 0xEF}));
    assertTrue(LikeMatcher.contains(new byte[] {(byte) 0xAD, (byte) 0xBE}).matches(value));
    assertFalse(LikeMatcher.contains(new byte[] {(byte) 0xAD, (byte) 0xEF}).matches(value));
    assertTrue(LikeMatcher.contains(new byte[0]).matches(new byte[0]));
    // Longer than eight bytes, so the word-at-a-time comparison in Arrow memory is used.
    LikeMatcher longPart = LikeMatcher.contains(utf8("special requests"));
    assertTrue(matchesInArrowMemory(longPart, "the special requests!"));
    assertFalse(matchesInArrowMemory(longPart, "the special request!"));
    assertTrue(matchesInArrowMemory(LikeMatcher.endsWith(utf8("wörld ☃ 𝄞")), "héllo wörld ☃ 𝄞"));
  }

  private boolean matches(String pattern, String value) {
    LikeMatcher matcher = LikeMatcher.like(pattern);
    boolean onHeap = matchesOnHeap(matcher, value);
    assertEquals(onHeap, matchesInArrowMemory(matcher, value), () -> "'" + value + "' LIKE '" + pattern + "'");
    return onHeap;
  }

  private static boolean matchesOnHeap(LikeMatcher matcher, String value) {
    return matcher.matches(utf8(value));
  }

  /** Matches the value placed after a few bytes of another value, as in an Arrow data buffer. */
  private boolean matchesInArrowMemory(LikeMatcher matcher, String value) {
    byte[] bytes = utf8(value);
    byte[] before = utf8("aab%");
    try (ArrowBuf buffer = allocator.buffer(before.length + bytes.length + 4L)) {
      buffer.setBytes(0, before);
      buffer.setBytes(before.length, bytes);
      buffer.setBytes(before.length + bytes.length, before);
      return matcher.matches(buffer.memoryAddress() + before.length, bytes.length);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
