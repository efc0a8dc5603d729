package dev.ember.runtime.operators.join;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs two halves of a build step at once: the second on a helper thread, the first on the caller's.
 * The helper writes into buffers the caller frees afterwards, so it is joined even when the caller is
 * interrupted (the interrupt is restored); a failure on either thread is rethrown on the caller's.
 */
final class TwoThreads {
  private TwoThreads() {}

  static void run(Runnable first, Runnable second, String helperName) {
    AtomicReference<Throwable> helperFailure = new AtomicReference<>();
    Thread helper = new Thread(() -> {
      try {
        second.run();
      } catch (Throwable e) {
        helperFailure.set(e);
      }
    }, helperName);
    helper.setDaemon(true);
    helper.start();
    Throwable failure = null;
    try {
      first.run();
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    boolean interrupted = false;
    while (helper.isAlive()) {
      try {
        helper.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure == null) {
      failure = helperFailure.get();
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    } else if (failure instanceof Error error) {
      throw error;
    } else if (failure != null) {
      throw new IllegalStateException(helperName + " failed", failure);
    }
  }
}
