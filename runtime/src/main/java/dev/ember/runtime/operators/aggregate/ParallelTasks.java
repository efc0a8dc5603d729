package dev.ember.runtime.operators.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs the tasks 0 .. count - 1 of a sink's finish on the calling thread and up to {@code threads - 1}
 * helper threads, each taking the next task until none is left. A finish runs after the pipeline's
 * workers are done, so using as many threads as there were workers keeps the session's core count.
 */
final class ParallelTasks {
  private ParallelTasks() {}

  /** Waits for every thread, also after a failure, then rethrows the first failure (others suppressed). */
  static void run(int threads, int count, IntConsumer task) {
    int helpers = Math.max(0, Math.min(threads, count) - 1);
    AtomicInteger nextTask = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      try {
        for (int index = nextTask.getAndIncrement(); index < count && failure.get() == null;
            index = nextTask.getAndIncrement()) {
          task.accept(index);
        }
      } catch (Throwable e) {
        if (!failure.compareAndSet(null, e)) {
          failure.get().addSuppressed(e);
        }
      }
    };
    List<Thread> started = new ArrayList<>(helpers);
    try {
      for (int helper = 0; helper < helpers; helper++) {
        Thread thread = new Thread(worker, "ember-aggregate-finish-" + helper);
        thread.setDaemon(true);
        thread.start();
        started.add(thread);
      }
    } finally {
      worker.run();
      awaitAll(started);
    }
    Throwable cause = failure.get();
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    } else if (cause instanceof Error error) {
      throw error;
    } else if (cause != null) {
      throw new IllegalStateException("a hash aggregate finish task failed: " + cause, cause);
    }
  }

  /** Helpers write into buffers the caller frees: waits for them even when interrupted. */
  private static void awaitAll(List<Thread> threads) {
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
