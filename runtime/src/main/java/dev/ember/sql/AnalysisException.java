package dev.ember.sql;

import dev.ember.SparkThrowable;
import java.util.Map;

/**
 * A query that cannot be analyzed: unknown column, wrong types. Carries Spark's error condition and
 * message parameters, so callers can match on them exactly as with Spark. Like Spark's, it is not a
 * {@link dev.ember.SparkException}; unchecked for the same reason.
 */
public class AnalysisException extends RuntimeException implements SparkThrowable {
  private static final long serialVersionUID = 1L;

  private final String condition;
  private final Map<String, String> messageParameters;

  public AnalysisException(String condition, Map<String, String> messageParameters, String message) {
    super(SparkThrowable.format(condition, message));
    this.condition = condition;
    this.messageParameters = Map.copyOf(messageParameters);
  }

  public AnalysisException(String condition, String message) {
    this(condition, Map.of(), message);
  }

  @Override
  public String getCondition() {
    return condition;
  }

  @Override
  public Map<String, String> getMessageParameters() {
    return messageParameters;
  }
}
