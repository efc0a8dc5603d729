package dev.ember;

import java.util.Map;

/**
 * Spark's {@code SparkIllegalArgumentException}: an argument Spark cannot use, with Spark's error
 * condition. An {@link IllegalArgumentException}, so code catching that keeps working.
 */
public class SparkIllegalArgumentException extends IllegalArgumentException implements SparkThrowable {
  private static final long serialVersionUID = 1L;

  private final String condition;
  private final Map<String, String> messageParameters;

  public SparkIllegalArgumentException(String condition, Map<String, String> messageParameters, String message) {
    // Spark prints legacy conditions without the bracketed name.
    super(condition == null || condition.startsWith("_LEGACY_ERROR_") ? message
        : SparkThrowable.format(condition, message));
    this.condition = condition;
    this.messageParameters = Map.copyOf(messageParameters);
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
