package dev.ember.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs code with {@code System.out} redirected, returning what it printed. */
final class ConsoleCapture {
  private ConsoleCapture() {}

  /** Like {@link Runnable}, but may throw, so a failing program's exception reaches the test. */
  interface Program {
    void run() throws Exception;
  }

  static synchronized String capture(Program program) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream redirected = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(redirected);
      program.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
