package dev.ember.runtime.functions;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Spark's regular expression and LIKE functions. Spark matches with {@code java.util.regex}, so the
 * same patterns mean the same here. Each call keeps a {@link PatternCache} as per-partition state:
 * a constant pattern is compiled once per kernel, a pattern column each time it changes.
 */
public final class RegexFunctions {
  private RegexFunctions() {}

  /**
   * The last pattern a call compiled, with its text; one per kernel (kernels run on one thread each),
   * never shared, so it needs no locking.
   */
  public static final class PatternCache {
    private final String function;
    private final Integer position;
    private String source;
    private String escape;
    private Pattern pattern;

    PatternCache(String function) {
      this(function, 1);
    }

    PatternCache(String function, Integer position) {
      this.function = function;
      this.position = position;
    }

    Pattern regex(String regex) {
      if (pattern == null || !regex.equals(source)) {
        try {
          pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
          throw StringFunctionErrors.invalidPattern(function, regex);
        }
        source = regex;
      }
      return pattern;
    }

    Pattern like(String likePattern, String escapeText) {
      if (pattern == null || !likePattern.equals(source) || !escapeText.equals(escape)) {
        pattern = LikePatterns.compile(likePattern, escapeText);
        source = likePattern;
        escape = escapeText;
      }
      return pattern;
    }
  }

  public static PatternCache rlikeCache(int partitionIndex) {
    return new PatternCache("rlike");
  }

  public static PatternCache regexpLikeCache(int partitionIndex) {
    return new PatternCache("regexp_like");
  }

  public static PatternCache regexpCache(int partitionIndex) {
    return new PatternCache("regexp");
  }

  /** regexp_replace's position is a constant, kept here; Spark rejects one below 1 before running. */
  public static PatternCache regexpReplaceCache(int partitionIndex, Integer position) {
    if (position != null && position <= 0) {
      throw StringFunctionErrors.positionNotPositive(position);
    }
    return new PatternCache("regexp_replace", position);
  }

  public static PatternCache regexpExtractCache(int partitionIndex) {
    return new PatternCache("regexp_extract");
  }

  public static PatternCache likeCache(int partitionIndex) {
    return new PatternCache("like");
  }

  /** True when the pattern is found anywhere in the value. */
  public static boolean rlike(PatternCache cache, String value, String regex) {
    return cache.regex(regex).matcher(value).find();
  }

  /**
   * Replaces every match at or after the cached position (1-based, in UTF-16 units as Java counts);
   * {@code $n} in the replacement is group n. A null position gives null.
   */
  public static String regexp_replace(PatternCache cache, String value, String regex, String replacement) {
    if (cache.position == null) {
      return null;
    }
    int position = cache.position;
    Pattern pattern = cache.regex(regex);
    int start = position - 1;
    if (start > 0 && start >= value.length()) {
      return value;
    }
    Matcher matcher = pattern.matcher(value);
    matcher.region(start, value.length());
    StringBuilder result = new StringBuilder(value.length());
    try {
      while (matcher.find()) {
        matcher.appendReplacement(result, replacement);
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw StringFunctionErrors.invalidReplacement(value, regex, replacement, position);
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /** Group {@code group} of the first match ("" when none, or when the group took no part in it). */
  public static String regexp_extract(PatternCache cache, String value, String regex, int group) {
    Matcher matcher = cache.regex(regex).matcher(value);
    if (!matcher.find()) {
      return "";
    }
    if (group < 0 || group > matcher.groupCount()) {
      throw StringFunctionErrors.groupIndexOutOfRange("regexp_extract", matcher.groupCount(), group);
    }
    String text = matcher.group(group);
    return text == null ? "" : text;
  }

  /** SQL LIKE with the default escape character, the backslash. */
  public static boolean like(PatternCache cache, String value, String pattern) {
    return like(cache, value, pattern, "\\");
  }

  public static boolean like(PatternCache cache, String value, String pattern, String escape) {
    return cache.like(pattern, escape).matcher(value).matches();
  }

  /** LIKE on the lower-case value and pattern. */
  public static boolean ilike(PatternCache cache, String value, String pattern) {
    return ilike(cache, value, pattern, "\\");
  }

  public static boolean ilike(PatternCache cache, String value, String pattern, String escape) {
    return like(cache, value.toLowerCase(Locale.ROOT), pattern.toLowerCase(Locale.ROOT), escape);
  }
}
