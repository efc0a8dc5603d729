package dev.ember.runtime.functions;

import dev.ember.SparkException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Spark 4.2's error for a user-defined function that threw, as both kernels raise it. */
public final class UserFunctionErrors {
  private UserFunctionErrors() {}

  /**
   * FAILED_EXECUTE_UDF, with the function's exception as cause. Spark's text, e.g.
   * {@code User defined function (`plusOne (MyUdf)`: (int) => int) failed due to:
   * java.lang.IllegalStateException: bad 1.}
   *
   * @param functionName {@code `name (class)`}, or {@code `class`} for an anonymous function
   * @param signature the argument types, {@code int, string}
   * @param result the result type, {@code int}
   */
  public static SparkException failed(String functionName, String signature, String result, Throwable cause) {
    if (cause instanceof SparkException spark && "FAILED_EXECUTE_UDF".equals(spark.getCondition())) {
      return spark;
    }
    String reason = String.valueOf(cause);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("functionName", functionName);
    parameters.put("signature", signature);
    parameters.put("result", result);
    parameters.put("reason", reason);
    return new SparkException("FAILED_EXECUTE_UDF", parameters, "User defined function (" + functionName + ": ("
        + signature + ") => " + result + ") failed due to: " + reason + ". SQLSTATE: 39000", cause);
  }
}
