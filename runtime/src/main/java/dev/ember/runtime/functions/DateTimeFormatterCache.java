package dev.ember.runtime.functions;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The formatter of the pattern a kernel saw last, so a constant pattern (the usual case) is compiled
 * once per kernel, not per row. One per kernel; a kernel runs on one thread at a time.
 *
 * <p>Spark's patterns are java.time's with Spark's own checks: week-based letters ({@code Y w W u e
 * c}) and {@code A n N p B} are rejected (Spark 4.2 reports Y and u so; the others are assumed alike); {@code y} is the proleptic year (so no era is needed);
 * text is read case-insensitively, in the US locale; fields a pattern lacks default to 1970-01-01
 * 00:00:00.
 */
public final class DateTimeFormatterCache {
  private String pattern;
  private boolean forParsing;
  private DateTimeFormatter formatter;

  /** The formatter that writes values in {@code pattern}. */
  public DateTimeFormatter formatter(String pattern) {
    return compiled(pattern, false);
  }

  /** The formatter that reads text in {@code pattern}. */
  public DateTimeFormatter parser(String pattern) {
    return compiled(pattern, true);
  }

  private DateTimeFormatter compiled(String pattern, boolean parsing) {
    if (!pattern.equals(this.pattern) || parsing != forParsing) {
      formatter = compile(pattern, parsing);
      this.pattern = pattern;
      this.forParsing = parsing;
    }
    return formatter;
  }

  static DateTimeFormatter compile(String pattern, boolean parsing) {
    String letters = patternLetters(pattern);
    for (char letter : letters.toCharArray()) {
      if ("YwWuecAnNpB".indexOf(letter) >= 0) {
        throw DateTimeErrors.patternNotRecognized(pattern);
      }
    }
    String javaPattern = letters.indexOf('G') >= 0 ? pattern : replaceLetter(pattern, 'y', 'u');
    DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
    try {
      builder.appendPattern(javaPattern);
    } catch (IllegalArgumentException e) {
      throw DateTimeErrors.invalidPattern(pattern);
    }
    if (parsing) {
      if (letters.indexOf('y') < 0 && letters.indexOf('u') < 0) {
        builder.parseDefaulting(ChronoField.YEAR, 1970);
      }
      if (letters.indexOf('D') < 0) {
        if (letters.indexOf('M') < 0 && letters.indexOf('L') < 0) {
          builder.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1);
        }
        if (letters.indexOf('d') < 0) {
          builder.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
        }
      }
    }
    return builder.toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
  }

  /** The pattern's letters outside quotes. */
  private static String patternLetters(String pattern) {
    StringBuilder letters = new StringBuilder();
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        letters.append(c);
      }
    }
    return letters.toString();
  }

  private static String replaceLetter(String pattern, char from, char to) {
    StringBuilder out = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      out.append(!quoted && c == from ? to : c);
    }
    return out.toString();
  }
}
