package dev.ember.runtime.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TwoThreadsTest {
  @Test
  void runsBothHalves() {
    AtomicBoolean first = new AtomicBoolean();
    AtomicBoolean second = new AtomicBoolean();
    TwoThreads.run(() -> first.set(true), () -> second.set(true), "test-helper");
    assertTrue(first.get());
    assertTrue(second.get());
  }

  @Test
  void aHelperFailureIsRethrownOnTheCaller() {
    IllegalStateException failure = new IllegalStateException("second half failed");
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> TwoThreads.run(() -> {}, () -> {
          throw failure;
        }, "test-helper"));
    assertSame(failure, thrown);
  }

  @Test
  void theCallersFailureWaitsForTheHelper() {
    AtomicBoolean helperDone = new AtomicBoolean();
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> TwoThreads.run(() -> {
          throw new IllegalArgumentException("first half failed");
        }, () -> {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          helperDone.set(true);
        }, "test-helper"));
    assertEquals("first half failed", thrown.getMessage());
    assertTrue(helperDone.get(), "returned before the helper finished");
  }
}
