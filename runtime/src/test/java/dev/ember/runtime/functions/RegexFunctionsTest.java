package dev.ember.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import org.junit.jupiter.api.Test;

/** Spark 4.2.0's results and error conditions for regular expressions and LIKE. */
class RegexFunctionsTest {
  @Test
  void rlikeFindsAnywhere() {
    RegexFunctions.PatternCache cache = RegexFunctions.rlikeCache(0);
    assertTrue(RegexFunctions.rlike(cache, "Hello, World", "l+"));
    assertFalse(RegexFunctions.rlike(cache, "abc", "l+"));
    assertFalse(RegexFunctions.rlike(cache, "a\nb", "a.b"));
  }

  @Test
  void constantPatternIsCompiledOnce() {
    RegexFunctions.PatternCache cache = RegexFunctions.rlikeCache(0);
    assertSame(cache.regex("a+"), cache.regex("a+"));
    assertEquals("b", cache.regex("b").pattern());
  }

  @Test
  void invalidPatternNamesTheFunction() {
    SparkException error = assertThrows(SparkException.class,
        () -> RegexFunctions.rlike(RegexFunctions.regexpLikeCache(0), "abc", "["));
    assertEquals("INVALID_PARAMETER_VALUE.PATTERN", error.getCondition());
    assertTrue(error.getMessage().contains("The value of parameter(s) `regexp` in `regexp_like` is invalid: '['."),
        error.getMessage());
  }

  @Test
  void replaceFromPositionWithGroups() {
    assertEquals("HeLo, WorLd", RegexFunctions.regexp_replace(RegexFunctions.regexpReplaceCache(0, 1),
        "Hello, World", "l+", "L"));
    assertEquals("HelLo, WorLd", RegexFunctions.regexp_replace(RegexFunctions.regexpReplaceCache(0, 4),
        "Hello, World", "l", "L"));
    assertEquals("aXbc", RegexFunctions.regexp_replace(RegexFunctions.regexpReplaceCache(0, 2), "abc", "^", "X"));
    assertEquals("Hellllo", RegexFunctions.regexp_replace(RegexFunctions.regexpReplaceCache(0, 1), "Hello", "(l)",
        "$1$1"));
    SparkException error = assertThrows(SparkException.class, () -> RegexFunctions.regexp_replace(
        RegexFunctions.regexpReplaceCache(0, 1), "Hello", "l", "$2"));
    assertEquals("INVALID_REGEXP_REPLACE", error.getCondition());
  }

  @Test
  void extractChecksTheGroupOnlyWhenFound() {
    RegexFunctions.PatternCache cache = RegexFunctions.regexpExtractCache(0);
    assertEquals("ll", RegexFunctions.regexp_extract(cache, "Hello", "(l+)", 1));
    assertEquals("", RegexFunctions.regexp_extract(cache, "abc", "zzz", 1));
    assertEquals("", RegexFunctions.regexp_extract(cache, "abc", "(l+)|(a)", 1));
    SparkException error = assertThrows(SparkException.class,
        () -> RegexFunctions.regexp_extract(cache, "Hello", "(l+)", 3));
    assertEquals("INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX", error.getCondition());
  }

  @Test
  void likeWithEscapes() {
    RegexFunctions.PatternCache cache = RegexFunctions.likeCache(0);
    assertTrue(RegexFunctions.like(cache, "Hello", "%l_o%"));
    assertTrue(RegexFunctions.like(cache, "a\nb", "a_b"));
    assertTrue(RegexFunctions.like(cache, "a_c", "a\\_c"));
    assertFalse(RegexFunctions.like(cache, "abc", "a\\_c"));
    assertTrue(RegexFunctions.like(cache, "a%", "a/%", "/"));
    assertTrue(RegexFunctions.like(cache, "x.y", "x.y"));
    assertFalse(RegexFunctions.like(cache, "xzy", "x.y"));
    assertTrue(RegexFunctions.like(cache, "𝄞", "_"));
    assertTrue(RegexFunctions.ilike(cache, "ÄÖÜ", "%ö%"));
  }

  @Test
  void likeRejectsMisplacedEscapes() {
    RegexFunctions.PatternCache cache = RegexFunctions.likeCache(0);
    SparkException end = assertThrows(SparkException.class, () -> RegexFunctions.like(cache, "a", "%\\"));
    assertEquals("INVALID_FORMAT.ESC_AT_THE_END", end.getCondition());
    assertTrue(end.getMessage().contains("'%\\\\'"), end.getMessage());
    SparkException middle = assertThrows(SparkException.class, () -> RegexFunctions.like(cache, "a", "a\\b"));
    assertEquals("INVALID_FORMAT.ESC_IN_THE_MIDDLE", middle.getCondition());
    SparkException escape = assertThrows(SparkException.class, () -> RegexFunctions.like(cache, "a", "a", "ab"));
    assertEquals("INVALID_ESCAPE_CHAR", escape.getCondition());
  }
}
