package dev.ember.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import scala.Console$;

/**
 * Runs code with standard output redirected, returning what it printed. Spark prints {@code show()}
 * through Scala's {@code Console.out}, which does not follow {@code System.setOut}, so both are
 * redirected.
 */
final class ConsoleCapture {
  private ConsoleCapture() {}

  /** Like {@link Runnable}, but may throw, so a failing program's exception reaches the test. */
  interface Program {
    void run() throws Exception;
  }

  static synchronized String capture(Program program) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Exception[] failure = new Exception[1];
    try (PrintStream redirected = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(redirected);
      Console$.MODULE$.withOut(redirected, () -> {
        try {
          program.run();
        } catch (Exception e) {
          failure[0] = e;
        }
        return null;
      });
    } finally {
      System.setOut(original);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
