package dev.ember.runtime.operators;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs the parts of one operator step (a sort's halves, a join build's slot halves, an aggregate's merge
 * partitions) on the calling thread and helper threads. It is used after a pipeline's workers are
 * done, so using as many threads as there were workers keeps the session's core count.
 *
 * <p>Helpers write into buffers the caller frees afterwards, so every helper is joined before this
 * returns, also after a failure or an interrupt (which is restored); the first failure on any thread
 * is rethrown on the caller's, later ones suppressed in it.
 */
public final class ParallelTasks {
  private ParallelTasks() {}

  /**
   * Runs the tasks 0 .. count - 1 on the caller and up to {@code threads - 1} helpers named
   * {@code name-0, name-1 …}, each thread taking the next task until none is left or one failed.
   */
  public static void run(int threads, int count, IntConsumer task, String name) {
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
        Thread thread = new Thread(worker, name + "-" + helper);
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
      throw new IllegalStateException(name + " failed: " + cause, cause);
    }
  }

  /** Runs {@code first} and {@code second} at once, one of them on a helper thread. */
  public static void both(Runnable first, Runnable second, String name) {
    run(2, 2, index -> (index == 0 ? first : second).run(), name);
  }

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
