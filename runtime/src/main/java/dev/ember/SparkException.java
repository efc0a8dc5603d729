package dev.ember;

import java.util.Map;

/**
 * Spark's runtime failure, with Spark's error condition (for example
 * {@code MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION}). Unchecked, so Java code written against
 * Spark's Scala exception, which Java sees as never declared, compiles unchanged.
 */
public class SparkException extends RuntimeException implements SparkThrowable {
  private static final long serialVersionUID = 1L;

  private final String condition;
  private final Map<String, String> messageParameters;

  public SparkException(String condition, Map<String, String> messageParameters, String message, Throwable cause) {
    super(SparkThrowable.format(condition, message), cause);
    this.condition = condition;
    this.messageParameters = Map.copyOf(messageParameters);
  }

  public SparkException(String condition, String message) {
    this(condition, Map.of(), message, null);
  }

  public SparkException(String message) {
    this(null, Map.of(), message, null);
  }

  public SparkException(String message, Throwable cause) {
    this(null, Map.of(), message, cause);
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
