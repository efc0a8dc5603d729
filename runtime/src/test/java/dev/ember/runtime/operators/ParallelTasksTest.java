package dev.ember.runtime.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTasksTest {
  @Test
  void everyTaskRunsOnceOverTheThreads() {
    AtomicIntegerArray runs = new AtomicIntegerArray(50);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    ParallelTasks.run(3, 50, task -> {
      runs.incrementAndGet(task);
      threads.add(Thread.currentThread().getName());
    }, "test-tasks");
    for (int task = 0; task < 50; task++) {
      assertEquals(1, runs.get(task), "task " + task);
    }
    assertTrue(threads.stream().allMatch(name -> name.equals(Thread.currentThread().getName())
        || name.startsWith("test-tasks-")), threads.toString());
  }

  @Test
  void runsBothHalves() {
    AtomicBoolean first = new AtomicBoolean();
    AtomicBoolean second = new AtomicBoolean();
    ParallelTasks.both(() -> first.set(true), () -> second.set(true), "test-helper");
    assertTrue(first.get());
    assertTrue(second.get());
  }

  @Test
  void aHelperFailureIsRethrownOnTheCaller() {
    IllegalStateException failure = new IllegalStateException("second half failed");
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> ParallelTasks.both(() -> {}, () -> {
          throw failure;
        }, "test-helper"));
    assertSame(failure, thrown);
  }

  @Test
  void aFailureWaitsForTheTaskStillRunning() {
    // Whichever thread fails first, the other task has either not started or finished when run returns.
    AtomicBoolean slowStarted = new AtomicBoolean();
    AtomicBoolean slowDone = new AtomicBoolean();
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> ParallelTasks.both(() -> {
          throw new IllegalArgumentException("first half failed");
        }, () -> {
          slowStarted.set(true);
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          slowDone.set(true);
        }, "test-helper"));
    assertEquals("first half failed", thrown.getMessage());
    assertEquals(slowStarted.get(), slowDone.get(), "returned while the other task was running");
  }
}
