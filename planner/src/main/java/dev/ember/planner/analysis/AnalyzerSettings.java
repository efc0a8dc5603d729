package dev.ember.planner.analysis;

/**
 * Session settings that change analysis: {@code spark.sql.caseSensitive} and {@code spark.sql.ansi.enabled}.
 * Type coercion follows Spark's ANSI rules; with ANSI off the implicit casts are still ANSI casts
 * (Ember does not implement Spark's legacy coercion rules yet).
 */
public record AnalyzerSettings(boolean caseSensitive, boolean ansiEnabled) {
  /** Spark's defaults: case-insensitive names, ANSI mode on. */
  public static AnalyzerSettings defaults() {
    return new AnalyzerSettings(false, true);
  }
}
