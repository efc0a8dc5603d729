package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each operation of {@code FailingOperations} on Apache Spark 4.2 and on Ember and requires the
 * same errors: the same chain of error conditions (run-time errors may be wrapped; only throwables
 * that carry a condition count) and, for each, the same message up to and including its SQLSTATE.
 * After the SQLSTATE Spark appends the plan or the calling code, and Ember its own plan text or the
 * file and line of a malformed record.
 */
class ErrorsDifferentialTest {
  private static final Pattern UP_TO_SQLSTATE = Pattern.compile("(?s)^(.*?SQLSTATE: [0-9A-Z]{5})");

  @TempDir
  static Path dataDirectory;

  @BeforeAll
  static void writeData() throws Exception {
    TestData.write(dataDirectory);
  }

  /** One error with a condition, as both engines report it. */
  record ConditionalError(String condition, String message) {}

  @TestFactory
  Stream<DynamicTest> operationsFailAsOnSpark() throws Exception {
    Class<?> emberOperations = Class.forName("dev.ember.examples.programs.FailingOperations");
    Class<?> sparkOperations = Class.forName("dev.ember.examples.spark.FailingOperations");
    return Arrays.stream(emberOperations.getDeclaredMethods())
        .filter(method -> Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers()))
        .sorted(Comparator.comparing(Method::getName))
        .map(emberMethod -> DynamicTest.dynamicTest(emberMethod.getName(), () -> {
          Method sparkMethod = sparkOperations.getMethod(emberMethod.getName(),
              org.apache.spark.sql.SparkSession.class, String.class);
          List<ConditionalError> spark = errors(failure(sparkMethod, SparkOracle.session()));
          List<ConditionalError> ember = errors(failure(emberMethod, EmberSessions.session()));
          assertEquals(spark, ember, emberMethod.getName() + ": Ember's errors differ from Spark's");
        }));
  }

  /** Ember's FAILFAST error must also say where the bad record is, which Spark does not. */
  @org.junit.jupiter.api.Test
  void failFastNamesTheFileAndLine() throws Exception {
    Method operation = Class.forName("dev.ember.examples.programs.FailingOperations")
        .getMethod("failFastOnMalformedRow", dev.ember.sql.SparkSession.class, String.class);
    Throwable error = failure(operation, EmberSessions.session());
    assertTrue(error instanceof dev.ember.SparkException, String.valueOf(error));
    String file = dataDirectory.resolve("malformed.csv").toAbsolutePath().toString();
    assertTrue(error.getMessage().contains(file), error.getMessage());
    assertTrue(error.getMessage().contains("line 2."), error.getMessage());
    assertTrue(error.getCause().getMessage().contains(file + ", line 2."), error.getCause().getMessage());
  }

  private static Throwable failure(Method operation, Object session) throws Exception {
    try {
      ConsoleCapture.capture(() -> operation.invoke(null, session, dataDirectory.toString()));
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
    return fail(operation.getDeclaringClass().getName() + "." + operation.getName() + " did not fail");
  }

  /** The throwables in the cause chain that carry an error condition, outermost first. */
  private static List<ConditionalError> errors(Throwable failure) {
    List<ConditionalError> errors = new ArrayList<>();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String condition = condition(cause);
      if (condition != null) {
        errors.add(new ConditionalError(condition, upToSqlState(cause.getMessage())));
      }
    }
    assertNotNull(failure);
    assertTrue(!errors.isEmpty(), () -> "no error condition in " + failure);
    return errors;
  }

  private static String condition(Throwable throwable) {
    if (throwable instanceof org.apache.spark.SparkThrowable spark) {
      return spark.getCondition();
    }
    if (throwable instanceof dev.ember.SparkThrowable ember) {
      return ember.getCondition();
    }
    return null;
  }

  private static String upToSqlState(String message) {
    Matcher matcher = UP_TO_SQLSTATE.matcher(message);
    return matcher.find() ? matcher.group(1) : message;
  }
}
