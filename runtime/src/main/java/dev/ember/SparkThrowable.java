package dev.ember;

import java.util.Map;

/** Spark's interface for errors that carry an error condition and message parameters. */
public interface SparkThrowable {
  /** The error condition, e.g. {@code DIVIDE_BY_ZERO}; null for unclassified errors. */
  String getCondition();

  /** Spark 3's name for {@link #getCondition()}. */
  default String getErrorClass() {
    return getCondition();
  }

  Map<String, String> getMessageParameters();

  /** Formats a message the way Spark does: {@code [CONDITION] text}. */
  static String format(String condition, String message) {
    return condition == null ? message : "[" + condition + "] " + message;
  }
}
